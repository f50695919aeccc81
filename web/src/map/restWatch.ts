/**
 * @file When the map's view comes to rest: REST_MS without a move *and* without a frame.
 * Counting frames too matters: after a slow frame an overdue timer would otherwise call a
 * moving view resting, and every frame would become a full redraw.
 */

/** A view that has not moved for this long is at rest and drawn exactly. */
export const REST_MS = 120;

export class RestWatch {
  /** True once the view has not moved for REST_MS of responsive time. */
  resting = true;
  private timer = 0;
  private lastFrameEnd = 0;

  /** `onRest` runs each time the view comes to rest. */
  constructor(private readonly onRest: () => void) {}

  /** The view moved. */
  moved(): void {
    this.resting = false;
    clearTimeout(this.timer);
    this.timer = window.setTimeout(() => this.check(), REST_MS);
  }

  /** A frame was drawn. */
  frameDrawn(): void {
    this.lastFrameEnd = performance.now();
  }

  private check(): void {
    if (performance.now() - this.lastFrameEnd < REST_MS) {
      this.timer = window.setTimeout(() => this.check(), REST_MS);
      return;
    }
    this.resting = true;
    this.onRest();
  }
}
