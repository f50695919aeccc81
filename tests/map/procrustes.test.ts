import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applySimilarity, fitSimilarity } from '../../src/map/procrustes.js';

describe('fitSimilarity', () => {
  it('recovers a rotation, reflection, scale and shift applied to a layout', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ min: -10, max: 10, noNaN: true })), { minLength: 3, maxLength: 30 }),
        fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        fc.boolean(),
        fc.double({ min: 0.2, max: 5, noNaN: true }),
        (points, angle, mirror, scale) => {
          const spread = points.reduce((s, [x, y]) => s + x * x + y * y, 0);
          fc.pre(spread > 1 && new Set(points.map(([x, y]) => `${x.toFixed(3)},${y.toFixed(3)}`)).size >= 3);
          const from = Float32Array.from(points.flat());
          const [c, s] = [Math.cos(angle), Math.sin(angle)];
          const rotation: [number, number, number, number] = mirror ? [c, s, s, -c] : [c, s, -s, c];
          const to = applySimilarity(from, { rotation, scale, shift: [3, -7] });
          const back = applySimilarity(from, fitSimilarity(from, to));
          back.forEach((v, i) => expect(v).toBeCloseTo(to[i], 2));
        },
      ),
    );
  });

  it('maps a layout onto itself unchanged', () => {
    const points = Float32Array.of(0, 0, 1, 0, 0, 2, -3, 1);
    const t = fitSimilarity(points, points);
    expect(t.scale).toBeCloseTo(1, 6);
    applySimilarity(points, t).forEach((v, i) => expect(v).toBeCloseTo(points[i], 5));
  });
});
