/**
 * @file Where the map looks by default and where its buttons zoom: the dense core of the
 * field (quantile bounds, so a few far outliers do not shrink everything else), and a
 * paper amid those in view (so + zooms into data, not into an empty centre).
 */
import { boundsOf, fitBounds, toScreen, type Bounds, type Camera, type Viewport } from './camera.js';

/** Share of papers left outside the core on each side of each axis. */
export const CORE_TAIL = 0.01;
/** A topic's framing leaves out its 2% farthest papers on each side. */
const AREA_TAIL = 0.02;
/** Empty CSS px around the field or a topic when it is framed. */
export const EDGE_PADDING = 28;
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

/**
 * The screen point a button zoom keeps fixed: the paper in view nearest the middle
 * (median) of the papers in view, so zooming moves into the data and that paper stays
 * in view however far one zooms. The view's centre when no paper is in view.
 */
export function zoomAnchor(xs: ArrayLike<number>, ys: ArrayLike<number>, camera: Camera, view: Viewport): [number, number] {
  const inView: [number, number][] = [];
  for (const i of sampleRows(xs.length)) {
    const [sx, sy] = toScreen(camera, view, xs[i], ys[i]);
    if (sx >= 0 && sx <= view.width && sy >= 0 && sy <= view.height) inView.push([sx, sy]);
  }
  if (inView.length === 0) return [view.width / 2, view.height / 2];
  const middle = (axis: 0 | 1) => inView.map((p) => p[axis]).sort((a, b) => a - b)[Math.floor(inView.length / 2)];
  const [mx, my] = [middle(0), middle(1)];
  return inView.reduce((best, p) => (Math.hypot(p[0] - mx, p[1] - my) < Math.hypot(best[0] - mx, best[1] - my) ? p : best));
}

interface Columns {
  xs: ArrayLike<number>;
  ys: ArrayLike<number>;
}

/** The home camera (the dense core) and the one showing every paper; null for no papers. */
export function homeCameras({ xs, ys }: Columns, view: Viewport): { home: Camera; whole: Camera } | null {
  const all = boundsOf(xs, ys);
  const core = coreBounds(xs, ys);
  return all && core ? { home: fitBounds(core, view, EDGE_PADDING), whole: fitBounds(all, view, EDGE_PADDING) } : null;
}

/** The camera framing the dense core of some papers (a topic); null for none. */
export function areaCamera({ xs, ys }: Columns, indices: readonly number[], view: Viewport): Camera | null {
  const core = coreBounds(Float32Array.from(indices, (i) => xs[i]), Float32Array.from(indices, (i) => ys[i]), AREA_TAIL);
  return core && fitBounds(core, view, 2 * EDGE_PADDING);
}

/** The camera showing some papers (and extra points, such as the query's), zoomed out no further than `whole`. */
export function focusCamera({ xs, ys }: Columns, indices: readonly number[], extra: readonly { x: number; y: number }[], view: Viewport, home: Camera, whole: Camera): Camera | null {
  const bounds = boundsOf([...indices.map((i) => xs[i]), ...extra.map((p) => p.x)], [...indices.map((i) => ys[i]), ...extra.map((p) => p.y)]);
  if (!bounds) return null;
  const padding = Math.min(90, Math.min(view.width, view.height) / 5);
  const target = fitBounds(bounds, view, padding, home.scale * 6);
  return { ...target, scale: Math.max(target.scale, whole.scale) };
}

/** The zoom limits: out to half of whichever of home and whole is wider, in to 64× home or more for big maps. */
export function zoomLimits(home: Camera, whole: Camera, papers: number): { min: number; max: number } {
  return { min: Math.min(home.scale, whole.scale) * 0.5, max: home.scale * Math.max(64, Math.sqrt(papers) * 4) };
}

/** Point diameter (CSS px) for a map of `papers` at `zoom` × home: smaller for big maps, growing slowly as one zooms in. */
export function pointSizeAt(papers: number, zoom: number): number {
  const base = Math.min(8, Math.max(2, 1.5 + 60 / Math.sqrt(papers)));
  return base * Math.min(3, Math.max(1, Math.pow(zoom, 0.3)));
}
