/**
 * @file A small PNG decoder for the screenshots Chromium takes (8-bit RGB or
 * RGBA, not interlaced), so tests can count what the map really drew.
 */
import { inflateSync } from 'node:zlib';

export interface Pixels {
  width: number;
  height: number;
  /** RGBA, row by row. */
  data: Uint8Array;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

function unfilter(raw: Buffer, width: number, height: number, channels: number): Uint8Array {
  const stride = width * channels;
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const src = y * (stride + 1) + 1;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? out[y * stride + x - channels] : 0;
      const b = y > 0 ? out[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? out[(y - 1) * stride + x - channels] : 0;
      const predictor = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter];
      if (predictor === undefined) throw new Error(`png: unknown filter ${filter} on row ${y}`);
      out[y * stride + x] = (raw[src + x] + predictor) & 0xff;
    }
  }
  return out;
}

/** Decode a PNG buffer into RGBA pixels. */
export function decodePng(png: Buffer): Pixels {
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, colorType, , , interlace] = body.subarray(8, 13);
      if (depth !== 8 || interlace !== 0 || (colorType !== 2 && colorType !== 6)) {
        throw new Error(`png: unsupported format (depth ${depth}, colour type ${colorType}, interlace ${interlace})`);
      }
      channels = colorType === 6 ? 4 : 3;
    } else if (type === 'IDAT') idat.push(body);
    offset += 12 + length;
  }
  const pixels = unfilter(inflateSync(Buffer.concat(idat)), width, height, channels);
  if (channels === 4) return { width, height, data: pixels };
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) data.set([pixels[3 * i], pixels[3 * i + 1], pixels[3 * i + 2], 255], 4 * i);
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
