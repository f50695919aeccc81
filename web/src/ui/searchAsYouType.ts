/**
 * @file Search as you type: a short pause in typing shows a quick lexical preview of
 * the results; a longer pause, or Enter, runs the full search (the form's mode) as a
 * new view of the page.
 */

/** Typing pause before the lexical preview. */
export const PREVIEW_DELAY_MS = 200;
/** Typing pause before the full search runs on its own. */
export const COMMIT_DELAY_MS = 1200;
const MIN_CHARS = 2;

export interface TypingHandlers {
  preview(q: string): void;
  commit(q: string): void;
}

export function attachSearchAsYouType(form: HTMLFormElement, input: HTMLInputElement, on: TypingHandlers): void {
  let previewTimer = 0;
  let commitTimer = 0;
  const cancel = () => {
    clearTimeout(previewTimer);
    clearTimeout(commitTimer);
  };
  input.addEventListener('input', () => {
    cancel();
    const q = input.value.trim();
    if (q.length < MIN_CHARS) return;
    previewTimer = window.setTimeout(() => on.preview(q), PREVIEW_DELAY_MS);
    commitTimer = window.setTimeout(() => on.commit(q), COMMIT_DELAY_MS);
  });
  // Enter runs the full search at once (SearchForm's submit); nothing is left pending.
  form.addEventListener('submit', cancel);
}
