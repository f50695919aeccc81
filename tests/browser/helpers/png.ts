/**
 * @file Reads the screenshots Chromium takes (decoded by pngjs), so tests can
 * count what the map really drew.
 */
import { PNG } from 'pngjs';

export interface Pixels {
  width: number;
  height: number;
  /** RGBA, row by row. */
  data: Uint8Array;
}

/** Decode a PNG buffer into RGBA pixels. */
export function decodePng(png: Buffer): Pixels {
  const { width, height, data } = PNG.sync.read(png);
  return { width, height, data };
}

/** Whether pixel (x, y) differs from `rgb` by more than `tolerance` in some channel. */
export function differs(img: Pixels, x: number, y: number, rgb: readonly number[], tolerance = 24): boolean {
  const i = 4 * (y * img.width + x);
  return Math.abs(img.data[i] - rgb[0]) > tolerance || Math.abs(img.data[i + 1] - rgb[1]) > tolerance || Math.abs(img.data[i + 2] - rgb[2]) > tolerance;
}

/** How many pixels differ from the background colour `rgb`. */
export function countNonBackground(img: Pixels, rgb: readonly number[]): number {
  let count = 0;
  for (let y = 0; y < img.height; y++) for (let x = 0; x < img.width; x++) if (differs(img, x, y, rgb)) count++;
  return count;
}

/** Pixels whose whole 5×5 neighbourhood differs from the background: inside a drawn point. */
export function pointCentres(img: Pixels, rgb: readonly number[]): [number, number][] {
  const found: [number, number][] = [];
  for (let y = 2; y < img.height - 2; y++) {
    for (let x = 2; x < img.width - 2; x++) {
      let inside = true;
      for (let dy = -2; dy <= 2 && inside; dy++) for (let dx = -2; dx <= 2 && inside; dx++) inside = differs(img, x + dx, y + dy, rgb);
      if (inside) found.push([x, y]);
    }
  }
  return found;
}
