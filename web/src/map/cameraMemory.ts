/**
 * @file The page's URL as the map's memory: the camera is written with replaceState (a
 * pan is not a step of history) once the view comes to rest, and read back on load.
 */
import type { Camera } from './camera.js';
import { parseCamera, withCamera } from './cameraUrl.js';

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
