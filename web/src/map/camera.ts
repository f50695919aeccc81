/**
 * @file The map's view: a centre in data units and a zoom in CSS pixels per
 * data unit, with the conversions between data and screen and the maths of
 * pan, zoom-about-a-point, fit-to-bounds and animated moves. Pure functions.
 */

export interface Camera {
  cx: number;
  cy: number;
  /** CSS pixels per data unit. */
  scale: number;
}

export interface Viewport {
  width: number;
  height: number;
}

export interface Bounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** Data → screen (CSS px, y down). */
export function toScreen(cam: Camera, view: Viewport, x: number, y: number): [number, number] {
  return [(x - cam.cx) * cam.scale + view.width / 2, view.height / 2 - (y - cam.cy) * cam.scale];
}

/** Screen (CSS px, y down) → data. */
export function toData(cam: Camera, view: Viewport, sx: number, sy: number): [number, number] {
  return [(sx - view.width / 2) / cam.scale + cam.cx, (view.height / 2 - sy) / cam.scale + cam.cy];
}

export function panBy(cam: Camera, dx: number, dy: number): Camera {
  return { cx: cam.cx - dx / cam.scale, cy: cam.cy + dy / cam.scale, scale: cam.scale };
}

/** Zoom by `factor`, keeping the data point under screen (sx, sy) in place. */
export function zoomAt(cam: Camera, view: Viewport, sx: number, sy: number, factor: number): Camera {
  const [x, y] = toData(cam, view, sx, sy);
  const scale = cam.scale * factor;
  return { scale, cx: x - (sx - view.width / 2) / scale, cy: y - (view.height / 2 - sy) / scale };
}

export function boundsOf(xs: ArrayLike<number>, ys: ArrayLike<number>, indices?: Iterable<number>): Bounds | null {
  const b = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  const visit = (i: number): void => {
    const x = xs[i];
    const y = ys[i];
    if (!Number.isFinite(x) || !Number.isFinite(y)) return;
    if (x < b.minX) b.minX = x;
    if (x > b.maxX) b.maxX = x;
    if (y < b.minY) b.minY = y;
    if (y > b.maxY) b.maxY = y;
  };
  if (indices) for (const i of indices) visit(i);
  else for (let i = 0; i < xs.length; i++) visit(i);
  return b.minX <= b.maxX ? b : null;
}

/**
 * The camera that shows `bounds` inside the viewport with `padding` CSS px on
 * each side, zoomed in no further than `maxScale`.
 */
export function fitBounds(bounds: Bounds, view: Viewport, padding: number, maxScale = Infinity): Camera {
  const w = Math.max(view.width - 2 * padding, 1);
  const h = Math.max(view.height - 2 * padding, 1);
  const spanX = Math.max(bounds.maxX - bounds.minX, 1e-9);
  const spanY = Math.max(bounds.maxY - bounds.minY, 1e-9);
  return {
    cx: (bounds.minX + bounds.maxX) / 2,
    cy: (bounds.minY + bounds.maxY) / 2,
    scale: Math.min(w / spanX, h / spanY, maxScale),
  };
}

/** The camera `t` (0..1) of the way from `a` to `b`: centre linear, zoom geometric. */
export function interpolate(a: Camera, b: Camera, t: number): Camera {
  return {
    cx: a.cx + (b.cx - a.cx) * t,
    cy: a.cy + (b.cy - a.cy) * t,
    scale: a.scale * Math.pow(b.scale / a.scale, t),
  };
}

export function easeInOutCubic(t: number): number {
  return t < 0.5 ? 4 * t * t * t : 1 - Math.pow(-2 * t + 2, 3) / 2;
}
