/**
 * @file The map's camera in the page's URL, as `view=cx,cy,scale` beside the app's own
 * parameters, so a reload or a shared link shows exactly the same view. Written with
 * replaceState (a pan is not a step of history) once the view comes to rest.
 */
import type { Camera } from './camera.js';

export const CAMERA_PARAM = 'view';

/** The camera a query string carries, or null when it has none or it is malformed. */
export function parseCamera(search: string): Camera | null {
  const text = new URLSearchParams(search).get(CAMERA_PARAM);
  if (!text) return null;
  const parts = text.split(',').map(Number);
  if (parts.length !== 3 || !parts.every(Number.isFinite) || parts[2] <= 0) return null;
  return { cx: parts[0], cy: parts[1], scale: parts[2] };
}

/** `cx,cy,scale`: positions to a thousandth of a pixel at this zoom, scale to 7 digits. */
export function formatCamera(camera: Camera): string {
  const digits = Math.max(0, Math.min(12, Math.ceil(Math.log10(camera.scale * 1000))));
  return [camera.cx.toFixed(digits), camera.cy.toFixed(digits), String(Number(camera.scale.toPrecision(7)))].join(',');
}

/** `search` with the camera set, or removed when `camera` is null. */
export function withCamera(search: string, camera: Camera | null): string {
  const params = new URLSearchParams(search);
  if (camera) params.set(CAMERA_PARAM, formatCamera(camera));
  else params.delete(CAMERA_PARAM);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The app's next query string, carrying the camera the page's URL has now. */
export function keepCamera(search: string): string {
  return withCamera(search, parseCamera(location.search));
}

/** Store `camera` in the page's URL (null: remove it), keeping history's state. */
export function storeCamera(camera: Camera | null): void {
  const search = withCamera(location.search, camera);
  if (search === location.search) return;
  history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
}

const near = (a: Camera, b: Camera) => Math.abs(a.scale / b.scale - 1) < 1e-6 && Math.hypot(a.cx - b.cx, a.cy - b.cy) * a.scale < 0.01;

/**
 * The map's side of the URL: the camera a page was loaded with, held against the app's
 * automatic moves (to search results, to an open paper) until the user acts, and every
 * resting camera written back (none when it is the default view).
 */
export class CameraMemory {
  private holding = false;

  constructor() {
    const release = () => (this.holding = false);
    for (const type of ['pointerdown', 'keydown', 'wheel']) document.addEventListener(type, release, { capture: true, passive: true });
  }

  /** The URL's camera, if any; while held, `held` is true. */
  restore(): Camera | null {
    const camera = parseCamera(location.search);
    this.holding = camera !== null;
    return camera;
  }

  get held(): boolean {
    return this.holding;
  }

  store(camera: Camera, home: Camera): void {
    storeCamera(near(camera, home) ? null : camera);
  }
}
