/**
 * @file Where focus goes back to when the paper panel closes: the element it came from
 * (a result, a similar paper, the map), when that is still on the page and not inside
 * the panel that closed; otherwise a fallback.
 */
export class FocusReturn {
  private origin: HTMLElement | null = null;

  /** Remember the focused element, unless it is inside `except` (moving within the panel). */
  remember(except: HTMLElement): void {
    const active = document.activeElement;
    if (active instanceof HTMLElement && active !== document.body && !except.contains(active)) this.origin = active;
  }

  /** Focus the remembered element, else `fallback()`'s. */
  restore(fallback: () => HTMLElement): void {
    const target = this.origin?.isConnected && !this.origin.closest('[hidden]') ? this.origin : fallback();
    this.origin = null;
    target.focus({ preventScroll: true });
  }
}
