/**
 * @file When the map's cached picture stands in for the view, without a browser: a picture
 * covers a margin beyond the view, a new one is started well before the old one runs out
 * (so it can be painted over several frames), and at rest only a pixel-exact one will do.
 */
import { describe, expect, it } from 'vitest';
import { panBy, zoomAt, type Camera, type Viewport } from '../../web/src/map/camera.js';
import { MARGIN, isExact, isFresh, pictureView, standsIn, type PictureFrame } from '../../web/src/map/pictureFit.js';

const VIEW: Viewport = { width: 1000, height: 600 };
const HOME: Camera = { cx: 3, cy: -2, scale: 40 };
const MARGIN_PX = MARGIN * 1000;

function pictureFor(camera: Camera, dpr = 1): PictureFrame {
  return { camera, view: pictureView(VIEW, dpr, 8192), dpr };
}

describe('pictureView', () => {
  it('adds the margin on every side, narrowed to fit the largest texture, or none when the view alone fills it', () => {
    expect(pictureView(VIEW, 1, 8192)).toEqual({ width: 1000 + 2 * MARGIN_PX, height: 600 + 2 * MARGIN_PX });
    expect(pictureView(VIEW, 2, 2048)).toEqual({ width: 1024, height: 624 });
    expect(pictureView(VIEW, 2, 1800)).toEqual(VIEW);
  });
});

describe('standsIn and isFresh', () => {
  const picture = pictureFor(HOME);

  it('a pan within the margin stands in; a pan past it does not', () => {
    expect(standsIn(picture, panBy(HOME, MARGIN_PX - 1, 0), VIEW, 1)).toBe(true);
    expect(standsIn(picture, panBy(HOME, MARGIN_PX + 1, 0), VIEW, 1)).toBe(false);
    expect(standsIn(picture, panBy(HOME, 0, -(MARGIN_PX + 1)), VIEW, 1)).toBe(false);
  });

  it('asks for a new picture once a pan has used half the margin, while the old one still stands in', () => {
    const halfway = panBy(HOME, MARGIN_PX / 2 + 1, 0);
    expect(isFresh(picture, panBy(HOME, MARGIN_PX / 2 - 1, 0), VIEW, 1)).toBe(true);
    expect(isFresh(picture, halfway, VIEW, 1)).toBe(false);
    expect(standsIn(picture, halfway, VIEW, 1)).toBe(true);
  });

  it('zooming in stands in up to twice the scale, and is fresh only up to 1.2 times', () => {
    const zoomed = (factor: number) => zoomAt(HOME, VIEW, VIEW.width / 2, VIEW.height / 2, factor);
    expect(isFresh(picture, zoomed(1.15), VIEW, 1)).toBe(true);
    expect(isFresh(picture, zoomed(1.3), VIEW, 1)).toBe(false);
    expect(standsIn(picture, zoomed(1.9), VIEW, 1)).toBe(true);
    expect(standsIn(picture, zoomed(2.1), VIEW, 1)).toBe(false);
  });

  it('zooming out runs out of picture where the view outgrows it, and is fresh only down to 1/1.2', () => {
    const zoomed = (factor: number) => zoomAt(HOME, VIEW, VIEW.width / 2, VIEW.height / 2, factor);
    const widest = 1 / (1 + 2 * MARGIN);
    expect(standsIn(picture, zoomed(widest * 1.03), VIEW, 1)).toBe(true);
    expect(standsIn(picture, zoomed(widest * 0.97), VIEW, 1)).toBe(false);
    expect(isFresh(picture, zoomed(1 / 1.15), VIEW, 1)).toBe(true);
    expect(isFresh(picture, zoomed(1 / 1.25), VIEW, 1)).toBe(false);
  });

  it('a picture drawn for another pixel ratio never stands in', () => {
    expect(standsIn(picture, HOME, VIEW, 2)).toBe(false);
    expect(isFresh(picture, HOME, VIEW, 2)).toBe(false);
  });
});

describe('isExact', () => {
  const picture = pictureFor(HOME, 2);

  it('holds for whole device-pixel shifts at the same zoom only', () => {
    expect(isExact(picture, HOME, 2)).toBe(true);
    expect(isExact(picture, panBy(HOME, 3, -7), 2)).toBe(true);
    expect(isExact(picture, panBy(HOME, 0.25, 0), 2)).toBe(false);
    expect(isExact(picture, zoomAt(HOME, VIEW, 10, 10, 1.001), 2)).toBe(false);
    expect(isExact(picture, HOME, 1)).toBe(false);
  });
});
