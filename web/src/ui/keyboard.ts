/**
 * @file Keyboard shortcuts: `/` focuses the search box, ↑/↓ walk the results
 * (Enter opens one: results are links), Esc closes the paper panel.
 */

export interface KeyboardTargets {
  searchInput: HTMLInputElement;
  resultLinks(): HTMLAnchorElement[];
  panelOpen(): boolean;
  closePanel(): void;
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

function moveThroughResults(e: KeyboardEvent, t: KeyboardTargets): void {
  const links = t.resultLinks();
  const inSearch = e.target === t.searchInput;
  const current = links.indexOf(e.target as HTMLAnchorElement);
  if (links.length === 0 || (!inSearch && current < 0 && isTyping(e.target))) return;
  if (!inSearch && current < 0 && e.target !== document.body) return;
  e.preventDefault();
  const down = e.key === 'ArrowDown';
  if (current < 0) return (down ? links[0] : links[links.length - 1]).focus();
  if (!down && current === 0) return t.searchInput.focus();
  links[Math.min(links.length - 1, current + (down ? 1 : -1))].focus();
}

export function attachKeyboard(t: KeyboardTargets): void {
  document.addEventListener('keydown', (e) => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === '/' && !isTyping(e.target)) {
      e.preventDefault();
      t.searchInput.focus();
      t.searchInput.select();
    } else if (e.key === 'Escape' && t.panelOpen()) {
      e.preventDefault();
      t.closePanel();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      moveThroughResults(e, t);
    }
  });
}
