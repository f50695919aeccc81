/**
 * @file When a cached picture of the papers can stand in for the view: the maths
 * of the raster cache (rasterCache.ts), pure so that it is tested on its own. A
 * picture is drawn for a camera over a view a margin larger than the screen's.
 */
import type { Camera, Viewport } from './camera.js';

/** What a picture shows: drawn by `camera` over `view` (CSS px, margin included) at `dpr`. */
export interface PictureFrame {
  camera: Camera;
  view: Viewport;
  dpr: number;
}

/**
 * The picture reaches this fraction of the view's larger side beyond each edge: a picture
 * twice the view's size stands in for a zoom out to half (measured: with a quarter, about
 * one moving frame in twenty showed empty edges while zooming out, and pans repainted).
 */
export const MARGIN = 0.5;
/** Zoom change, either way, up to which a picture is shown scaled. */
const MAX_SCALING = 2;
/**
 * Zoom change, either way, past which a new picture is started. Below MAX_SCALING,
 * so that the old picture still stands in while the new one is drawn over a few frames.
 */
const FRESH_SCALING = 1.2;
/** Share of the margin a pan may use up before a new picture is started. */
const FRESH_SHIFT = 0.5;

/** The view a picture for `view` covers: a margin larger, the margin narrowed so no side outgrows `maxDevice` device px. */
export function pictureView(view: Viewport, dpr: number, maxDevice: number): Viewport {
  const larger = Math.max(view.width, view.height);
  const room = Math.floor((maxDevice / dpr - larger) / 2);
  const m = Math.max(0, Math.min(Math.round(MARGIN * larger), room));
  return { width: view.width + 2 * m, height: view.height + 2 * m };
}

/** Half the data-space extent of a view seen by a camera. */
function half(camera: Camera, view: Viewport): [number, number] {
  return [view.width / 2 / camera.scale, view.height / 2 / camera.scale];
}

/** Whether the picture covers `camera` over `view`, with `spare` CSS px of it left unused on each side. */
function reaches(picture: PictureFrame, camera: Camera, view: Viewport, spare: number): boolean {
  const [hw, hh] = half(camera, view);
  const [pw, ph] = half(picture.camera, picture.view);
  const slack = spare / picture.camera.scale;
  const dx = Math.abs(camera.cx - picture.camera.cx);
  const dy = Math.abs(camera.cy - picture.camera.cy);
  return dx + hw <= pw - slack + 1e-9 && dy + hh <= ph - slack + 1e-9;
}

function zoomWithin(picture: PictureFrame, camera: Camera, limit: number): boolean {
  const ratio = camera.scale / picture.camera.scale;
  return ratio <= limit && ratio >= 1 / limit;
}

/** Whether the picture can be shown for `camera` over `view`: it covers the view, scaled at most MAX_SCALING. */
export function standsIn(picture: PictureFrame, camera: Camera, view: Viewport, dpr: number): boolean {
  return picture.dpr === dpr && zoomWithin(picture, camera, MAX_SCALING) && reaches(picture, camera, view, 0);
}

/** Whether the picture stays good for `camera` over `view` a while longer: little zoomed, and inside the margin. */
export function isFresh(picture: PictureFrame, camera: Camera, view: Viewport, dpr: number): boolean {
  const margin = (picture.view.width - view.width) / 2;
  return picture.dpr === dpr && zoomWithin(picture, camera, FRESH_SCALING) && reaches(picture, camera, view, margin * FRESH_SHIFT);
}

/** Whether the picture shows `camera` pixel for pixel: the same zoom, shifted by whole device pixels. */
export function isExact(picture: PictureFrame, camera: Camera, dpr: number): boolean {
  if (picture.dpr !== dpr || camera.scale !== picture.camera.scale) return false;
  const whole = (v: number): boolean => Math.abs(v - Math.round(v)) < 0.02;
  return whole((camera.cx - picture.camera.cx) * camera.scale * dpr) && whole((camera.cy - picture.camera.cy) * camera.scale * dpr);
}
