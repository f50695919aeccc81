/**
 * @file The collection code of the page that needs no browser: the lasso's geometry (points inside a freehand outline, checked
 * against shapes with a known inside) and the joining of an export fetched in batches.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinBatches } from '../../web/src/collect/joinBatches.js';
import { insidePolygon, pointsInside } from '../../web/src/collect/polygon.js';

describe('insidePolygon', () => {
  it('tells inside from outside for a concave outline (a U shape)', () => {
    const u = [0, 0, 3, 0, 3, 3, 2, 3, 2, 1, 1, 1, 1, 3, 0, 3];
    expect(insidePolygon(0.5, 2, u)).toBe(true);
    expect(insidePolygon(2.5, 2, u)).toBe(true);
    expect(insidePolygon(1.5, 2, u)).toBe(false);
    expect(insidePolygon(1.5, 0.5, u)).toBe(true);
    expect(insidePolygon(4, 1, u)).toBe(false);
  });

  it('agrees with the circle for points well inside or outside a 64-gon approximating it', () => {
    const circle = Array.from({ length: 64 }, (_, k) => [Math.cos((k * Math.PI) / 32), Math.sin((k * Math.PI) / 32)]).flat();
    fc.assert(
      fc.property(fc.double({ min: -2, max: 2, noNaN: true }), fc.double({ min: -2, max: 2, noNaN: true }), (x, y) => {
        const r = Math.hypot(x, y);
        fc.pre(Math.abs(r - 1) > 0.01);
        expect(insidePolygon(x, y, circle)).toBe(r < 1);
      }),
    );
  });
});

describe('pointsInside', () => {
  it('returns the indices of the points inside, in order, and none for a degenerate outline', () => {
    const xs = [0.5, 5, 1.5, 0.2];
    const ys = [0.5, 5, 1.5, 0.9];
    expect(pointsInside(xs, ys, [0, 0, 2, 0, 2, 2, 0, 2])).toEqual([0, 2, 3]);
    expect(pointsInside(xs, ys, [0, 0, 2, 2])).toEqual([]);
  });
});

describe('joinBatches', () => {
  it('keeps one CSV header, separates BibTeX batches and concatenates JSON Lines', () => {
    expect(joinBatches('csv', ['id,title\r\na,A\r\n', 'id,title\r\nb,B\r\n'])).toBe('id,title\r\na,A\r\nb,B\r\n');
    expect(joinBatches('bibtex', ['@misc{a,\n}\n', '@misc{b,\n}\n'])).toBe('@misc{a,\n}\n\n@misc{b,\n}\n');
    expect(joinBatches('jsonl', ['{"id":"a"}\n', '', '{"id":"b"}\n'])).toBe('{"id":"a"}\n{"id":"b"}\n');
  });
});
