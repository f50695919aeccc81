/**
 * @file The search box and its mode switch (hybrid / semantic / lexical).
 * Submitting, or switching mode with a query present, asks for a new view.
 */
import { SEARCH_MODES, type SearchMode } from '../types.js';

export class SearchForm {
  readonly input: HTMLInputElement;

  constructor(
    private readonly form: HTMLFormElement,
    onSearch: (q: string, mode: SearchMode) => void,
  ) {
    this.input = form.querySelector<HTMLInputElement>('input[type="search"]')!;
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      onSearch(this.input.value.trim(), this.mode);
    });
    form.addEventListener('change', (e) => {
      if ((e.target as HTMLInputElement).name === 'mode' && this.input.value.trim()) onSearch(this.input.value.trim(), this.mode);
    });
  }

  get mode(): SearchMode {
    const checked = this.form.querySelector<HTMLInputElement>('input[name="mode"]:checked');
    return SEARCH_MODES.includes(checked?.value as SearchMode) ? (checked!.value as SearchMode) : 'hybrid';
  }

  /** Show a view's query and mode without submitting. */
  set(q: string, mode: SearchMode): void {
    if (this.input.value.trim() !== q) this.input.value = q;
    const radio = this.form.querySelector<HTMLInputElement>(`input[name="mode"][value="${mode}"]`);
    if (radio) radio.checked = true;
  }

  focus(): void {
    this.input.focus();
    this.input.select();
  }
}
