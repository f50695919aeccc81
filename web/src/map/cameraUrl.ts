/**
 * @file The map's camera in the page's URL, as `view=cx,cy,scale` beside the app's own
 * parameters, so a reload or a shared link shows exactly the same view. Pure: reading
 * and writing the page's URL is cameraMemory.ts.
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
