/**
 * @file Where the map looks by default and where its buttons zoom: the dense core of the
 * field (quantile bounds, so a few far outliers do not shrink everything else), and the
 * middle of the papers in view (so + zooms into data, not into an empty centre).
 */
import { toScreen, type Bounds, type Camera, type Viewport } from './camera.js';

/** Share of papers left outside the core on each side of each axis. */
export const CORE_TAIL = 0.01;
/** At most this many papers are sampled for quantiles: enough for 1% tails, cheap at 1M. */
const SAMPLE = 20_000;

/** Evenly spaced rows, so the sample is the same every time. */
function sampleRows(count: number): number[] {
  const step = Math.max(1, count / SAMPLE);
  const rows: number[] = [];
  for (let at = 0; at < count; at += step) rows.push(Math.floor(at));
  return rows;
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))];
}

/** The box holding all but `tail` of the papers on each side of each axis; null when empty. */
export function coreBounds(xs: ArrayLike<number>, ys: ArrayLike<number>, tail = CORE_TAIL): Bounds | null {
  const rows = sampleRows(xs.length).filter((i) => Number.isFinite(xs[i]) && Number.isFinite(ys[i]));
  if (rows.length === 0) return null;
  const sx = rows.map((i) => xs[i]).sort((a, b) => a - b);
  const sy = rows.map((i) => ys[i]).sort((a, b) => a - b);
  return { minX: quantile(sx, tail), maxX: quantile(sx, 1 - tail), minY: quantile(sy, tail), maxY: quantile(sy, 1 - tail) };
}

function median(values: number[]): number {
  values.sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)];
}

/**
 * The screen point a button zoom keeps fixed: the median of the papers in view, pulled
 * halfway to the view's centre, so zooming moves toward the data without jumping.
 * The centre when no paper is in view.
 */
export function zoomAnchor(xs: ArrayLike<number>, ys: ArrayLike<number>, camera: Camera, view: Viewport): [number, number] {
  const inX: number[] = [];
  const inY: number[] = [];
  for (const i of sampleRows(xs.length)) {
    const [sx, sy] = toScreen(camera, view, xs[i], ys[i]);
    if (sx >= 0 && sx <= view.width && sy >= 0 && sy <= view.height) inX.push(sx), inY.push(sy);
  }
  const [cx, cy] = [view.width / 2, view.height / 2];
  if (inX.length === 0) return [cx, cy];
  return [(cx + median(inX)) / 2, (cy + median(inY)) / 2];
}
