/**
 * @file The map's framing and camera URL without a browser: the home view fits the dense
 * core, not the outliers; button zooms aim at the papers in view; a camera survives a
 * round trip through the URL next to the app's own parameters.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundsOf, toScreen, zoomAt, type Camera } from '../../web/src/map/camera.js';
import { formatCamera, parseCamera, withCamera } from '../../web/src/map/cameraUrl.js';
import { coreBounds, zoomAnchor } from '../../web/src/map/framing.js';

/** 2,000 papers in a unit blob around (0, 0) and 10 outliers 100 units away. */
function fieldWithOutliers(): { xs: Float32Array; ys: Float32Array } {
  const xs = new Float32Array(2010);
  const ys = new Float32Array(2010);
  for (let i = 0; i < 2000; i++) {
    xs[i] = Math.cos(i * 2.4) * ((i % 100) / 100);
    ys[i] = Math.sin(i * 2.4) * ((i % 100) / 100);
  }
  for (let i = 2000; i < 2010; i++) [xs[i], ys[i]] = [100 + i - 2000, -100];
  return { xs, ys };
}

describe('coreBounds', () => {
  it('leaves far outliers out and keeps the dense body in', () => {
    const { xs, ys } = fieldWithOutliers();
    const core = coreBounds(xs, ys)!;
    const all = boundsOf(xs, ys)!;
    expect(all.maxX).toBeGreaterThan(100);
    expect(core.maxX).toBeLessThan(1.01);
    expect(core.minY).toBeGreaterThan(-1.01);
    const inside = Array.from(xs).filter((x, i) => x >= core.minX && x <= core.maxX && ys[i] >= core.minY && ys[i] <= core.maxY).length;
    expect(inside / xs.length).toBeGreaterThan(0.95);
  });

  it('is null for no papers', () => {
    expect(coreBounds(new Float32Array(0), new Float32Array(0))).toBeNull();
  });
});

describe('zoomAnchor', () => {
  it('is a paper in view amid the others, so it stays in view at any zoom; the centre when none is in view', () => {
    const { xs, ys } = fieldWithOutliers();
    const view = { width: 800, height: 600 };
    // The blob sits in the view's left half: the anchor is one of its papers.
    const camera: Camera = { cx: 2, cy: 0, scale: 100 };
    const [ax, ay] = zoomAnchor(xs, ys, camera, view);
    const screen = Array.from(xs, (x, i) => toScreen(camera, view, x, ys[i]));
    expect(screen.some(([sx, sy]) => Math.abs(sx - ax) < 1e-6 && Math.abs(sy - ay) < 1e-6)).toBe(true);
    const [blobX] = toScreen(camera, view, 0, 0);
    expect(Math.abs(ax - blobX)).toBeLessThan(50);
    let zoomed = camera;
    for (let step = 0; step < 12; step++) {
      const [sx, sy] = zoomAnchor(xs, ys, zoomed, view);
      zoomed = zoomAt(zoomed, view, sx, sy, 1.5);
    }
    const inView = Array.from(xs, (x, i) => toScreen(zoomed, view, x, ys[i])).filter(([sx, sy]) => sx >= 0 && sy >= 0 && sx <= 800 && sy <= 600);
    expect(inView.length).toBeGreaterThan(0);
    expect(zoomAnchor(xs, ys, { cx: 50, cy: 50, scale: 100 }, view)).toEqual([400, 300]);
  });
});

describe('the camera in the URL', () => {
  it('round-trips to within a hundredth of a pixel, beside the app parameters', () => {
    const camera = fc.record({
      cx: fc.double({ min: -1000, max: 1000, noNaN: true }),
      cy: fc.double({ min: -1000, max: 1000, noNaN: true }),
      scale: fc.double({ min: 0.01, max: 1e5, noNaN: true }),
    });
    fc.assert(
      fc.property(camera, (cam) => {
        const search = withCamera('?q=moe&mode=lexical&paper=2401.1', cam);
        const params = new URLSearchParams(search);
        expect([params.get('q'), params.get('mode'), params.get('paper')]).toEqual(['moe', 'lexical', '2401.1']);
        const back = parseCamera(search)!;
        expect(Math.abs(back.cx - cam.cx) * cam.scale).toBeLessThan(0.01);
        expect(Math.abs(back.cy - cam.cy) * cam.scale).toBeLessThan(0.01);
        expect(Math.abs(back.scale / cam.scale - 1)).toBeLessThan(1e-6);
      }),
    );
  });

  it('ignores a malformed or missing view, and removes it when asked', () => {
    for (const bad of ['?view=1,2', '?view=a,b,c', '?view=1,2,-3', '?view=1,2,0', '?q=x']) expect(parseCamera(bad)).toBeNull();
    expect(withCamera(`?q=x&view=${formatCamera({ cx: 1, cy: 2, scale: 3 })}`, null)).toBe('?q=x');
  });
});
