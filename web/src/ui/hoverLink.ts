/**
 * @file Hover linking between paper links (the results, similar papers) and the map:
 * pointing at (or focusing) a link lights its paper on the map, and pointing at a paper
 * on the map marks its links with `is-map-hover`.
 */
const HOVER_CLASS = 'is-map-hover';

export class HoverLink {
  private marked: HTMLElement[] = [];

  /** `lists` hold `a[data-id]` links; `onHover(id | null)` is told what they point at. */
  constructor(private readonly lists: readonly HTMLElement[], onHover: (id: string | null) => void) {
    const idOf = (target: EventTarget | null) => (target instanceof Element ? (target.closest<HTMLElement>('a[data-id]')?.dataset.id ?? null) : null);
    for (const list of lists) {
      list.addEventListener('pointerover', (e) => onHover(idOf(e.target)));
      list.addEventListener('pointerleave', () => onHover(null));
      list.addEventListener('focusin', (e) => onHover(idOf(e.target)));
      list.addEventListener('focusout', () => onHover(null));
    }
  }

  /** Mark the links of the paper hovered on the map (null: none). */
  mark(id: string | null): void {
    for (const el of this.marked) el.classList.remove(HOVER_CLASS);
    this.marked = id === null ? [] : this.lists.flatMap((list) => [...list.querySelectorAll<HTMLElement>(`a[data-id="${CSS.escape(id)}"]`)]);
    for (const el of this.marked) el.classList.add(HOVER_CLASS);
  }
}
