/**
 * @file Page-wide notices: what the index holds (header), the warning that
 * search runs on the lexical fallback, and "server unreachable / not ready".
 */
import type { Health } from '../types.js';
import { h } from './dom.js';

/** Remembers, for this tab's session, that the lexical notice was dismissed. */
const DISMISSED_KEY = 'paperscope:lexical-notice-dismissed';

export class Notices {
  constructor(
    private readonly healthEl: HTMLElement,
    private readonly noticeEl: HTMLElement,
    private readonly alertEl: HTMLElement,
  ) {}

  showHealth(health: Health): void {
    const papers = `${health.papers.toLocaleString('en')} papers`;
    const model = health.embedder.kind === 'lexical' ? 'lexical embedder' : (health.embedder.model ?? health.embedder.kind);
    this.healthEl.textContent = `${papers} · ${model}`;
    const lexical = health.embedder.kind === 'lexical';
    this.noticeEl.hidden = !lexical || sessionStorage.getItem(DISMISSED_KEY) === '1';
    if (lexical) {
      const dismiss = h('button', { class: 'banner__dismiss', text: '×', attrs: { type: 'button', 'aria-label': 'Dismiss this notice', title: 'Dismiss' } });
      dismiss.addEventListener('click', () => {
        sessionStorage.setItem(DISMISSED_KEY, '1');
        this.noticeEl.hidden = true;
      });
      this.noticeEl.replaceChildren(
        h(
          'p',
          {},
          h('strong', { text: 'Lexical mode. ' }),
          'No neural language model was available when this index was built, so “semantic” search and the map use word statistics (TF-IDF + LSA) instead. Results match words more than meaning.',
        ),
        dismiss,
      );
    }
  }

  /** A page-wide problem (server unreachable, index loading) with an optional action. */
  showAlert(message: string, action?: { label: string; run(): void }): void {
    const button = action ? h('button', { class: 'button button--small', text: action.label, attrs: { type: 'button' } }) : null;
    button?.addEventListener('click', () => action!.run());
    this.alertEl.replaceChildren(h('p', { text: message }), ...(button ? [button] : []));
    this.alertEl.hidden = false;
  }

  clearAlert(): void {
    this.alertEl.hidden = true;
    this.alertEl.replaceChildren();
  }
}
