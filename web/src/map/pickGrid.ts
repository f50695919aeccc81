/**
 * @file A uniform grid over the map's points (compressed rows: cell starts +
 * point ids) to find the point nearest the cursor without scanning all of
 * them: hover and click stay instant at 100,000+ points.
 */
import type { Bounds } from './camera.js';

const POINTS_PER_CELL = 4;
const MAX_CELLS_PER_SIDE = 1024;

export class PickGrid {
  private readonly side: number;
  private readonly cellW: number;
  private readonly cellH: number;
  private readonly starts: Uint32Array;
  private readonly items: Uint32Array;

  constructor(
    private readonly xs: Float32Array,
    private readonly ys: Float32Array,
    private readonly bounds: Bounds,
  ) {
    const n = xs.length;
    this.side = Math.max(1, Math.min(MAX_CELLS_PER_SIDE, Math.ceil(Math.sqrt(n / POINTS_PER_CELL))));
    this.cellW = Math.max(bounds.maxX - bounds.minX, 1e-9) / this.side;
    this.cellH = Math.max(bounds.maxY - bounds.minY, 1e-9) / this.side;
    const cells = new Uint32Array(n);
    const counts = new Uint32Array(this.side * this.side + 1);
    for (let i = 0; i < n; i++) {
      cells[i] = this.cellOf(xs[i], ys[i]);
      counts[cells[i] + 1]++;
    }
    for (let c = 1; c < counts.length; c++) counts[c] += counts[c - 1];
    this.starts = counts.slice();
    this.items = new Uint32Array(n);
    for (let i = 0; i < n; i++) this.items[counts[cells[i]]++] = i;
  }

  private col(x: number): number {
    return Math.min(this.side - 1, Math.max(0, Math.floor((x - this.bounds.minX) / this.cellW)));
  }

  private row(y: number): number {
    return Math.min(this.side - 1, Math.max(0, Math.floor((y - this.bounds.minY) / this.cellH)));
  }

  private cellOf(x: number, y: number): number {
    return this.row(y) * this.side + this.col(x);
  }

  /**
   * The index of the point nearest (x, y) within `radius` data units, or -1.
   * `accept` can rule points out (e.g. hidden ones).
   */
  nearest(x: number, y: number, radius: number, accept?: (i: number) => boolean): number {
    let best = -1;
    let bestD2 = radius * radius;
    const c0 = this.col(x - radius);
    const c1 = this.col(x + radius);
    const r0 = this.row(y - radius);
    const r1 = this.row(y + radius);
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        const cell = r * this.side + c;
        for (let k = this.starts[cell]; k < this.starts[cell + 1]; k++) {
          const i = this.items[k];
          const dx = this.xs[i] - x;
          const dy = this.ys[i] - y;
          const d2 = dx * dx + dy * dy;
          if (d2 <= bestD2 && (!accept || accept(i))) {
            bestD2 = d2;
            best = i;
          }
        }
      }
    }
    return best;
  }
}
