/**
 * @file The web app's pure parts, without a browser: label placement, URL
 * state, camera maths and the pick grid (against brute force).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundsOf, fitBounds, toData, toScreen, zoomAt } from '../../web/src/map/camera.js';
import { placeLabels, type LabelCandidate } from '../../web/src/map/labelPlacement.js';
import { PickGrid } from '../../web/src/map/pickGrid.js';
import { formatViewState, historyEntryOf, parseViewState, sameHistoryEntry, URL_QUERY_CHARS, viewOfHistory } from '../../web/src/urlState.js';
import { SliceData } from '../../web/src/slice/sliceData.js';
import { EMPTY_SLICE } from '../../web/src/slice/sliceState.js';
import type { MapData } from '../../web/src/types.js';

const label = (id: number, x: number, y: number, priority: number): LabelCandidate => ({ id, x, y, width: 60, height: 20, priority });

describe('placeLabels', () => {
  it('centres the higher-priority label of two that overlap and moves the other above it', () => {
    const placed = placeLabels([label(1, 100, 100, 1), label(2, 110, 105, 9)], { width: 400, height: 400 });
    expect(placed.map((l) => l.id)).toEqual([2, 1]);
    expect(placed[0].top).toBe(95);
    expect(placed[1].top).toBeLessThanOrEqual(placed[0].top - 20);
  });

  it('slides a label sideways when centred, above and below are taken, and drops it when there is no room', () => {
    const stack = [label(1, 100, 100, 4), label(2, 100, 100, 3), label(3, 100, 100, 2), label(4, 100, 100, 1)];
    const wide = placeLabels(stack, { width: 400, height: 400 });
    expect(wide.map((l) => l.id)).toEqual([1, 2, 3, 4]);
    expect(Math.abs(wide[3].left + wide[3].width / 2 - 100)).toBeGreaterThanOrEqual(60);
    expect(placeLabels(stack, { width: 60, height: 400 }).map((l) => l.id)).toEqual([1, 2, 3]);
  });

  it('moves a label at the screen edge inside it, and one over an obstacle beside it', () => {
    const obstacle = { left: 190, top: 150, width: 20, height: 100 };
    const placed = placeLabels([label(1, 10, 100, 5), label(2, 200, 200, 5), label(3, 300, 300, 5)], { width: 400, height: 400, obstacles: [obstacle] });
    expect(placed.map((l) => l.id)).toEqual([1, 2, 3]);
    expect(placed[0].left).toBe(0);
    const moved = placed[1];
    expect(moved.left + moved.width <= obstacle.left || moved.left >= obstacle.left + obstacle.width).toBe(true);
  });

  it('keeps every label inside the screen, whatever its anchor, and never shows the same text twice', () => {
    const anchors = fc.array(fc.record({ x: fc.integer({ min: -300, max: 700 }), y: fc.integer({ min: -300, max: 700 }), word: fc.constantFrom('asr · audio', 'ASR · audio ', 'optics', 'graphs') }), { maxLength: 30 });
    fc.assert(
      fc.property(anchors, (list) => {
        const candidates = list.map((a, i) => ({ ...label(i, a.x, a.y, i), width: 40 + 20 * (i % 30), text: a.word }));
        const placed = placeLabels(candidates, { width: 400, height: 300 });
        for (const l of placed) {
          expect(l.left).toBeGreaterThanOrEqual(0);
          expect(l.top).toBeGreaterThanOrEqual(0);
          expect(l.left + l.width).toBeLessThanOrEqual(400);
          expect(l.top + l.height).toBeLessThanOrEqual(300);
        }
        const texts = placed.map((l) => l.text!.trim().toLowerCase());
        expect(new Set(texts).size).toBe(texts.length);
      }),
    );
  });

  it('never places two overlapping labels', () => {
    const candidate = fc.record({ id: fc.nat(), x: fc.integer({ min: 0, max: 500 }), y: fc.integer({ min: 0, max: 500 }), width: fc.integer({ min: 10, max: 120 }), height: fc.constant(20), priority: fc.nat() });
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 60 }), (candidates) => {
        const placed = placeLabels(candidates, { width: 500, height: 500, gap: 0 });
        for (const [i, a] of placed.entries()) {
          for (const b of placed.slice(i + 1)) {
            const apart = a.left + a.width <= b.left || b.left + b.width <= a.left || a.top + a.height <= b.top || b.top + b.height <= a.top;
            if (!apart) return false;
          }
        }
        return true;
      }),
    );
  });
});

describe('view state in the URL', () => {
  it('round-trips a query, a mode and a paper', () => {
    const state = { q: 'mixture of experts & routing', mode: 'semantic' as const, paper: '2401.00001', slice: EMPTY_SLICE };
    expect(parseViewState(formatViewState(state))).toEqual(state);
  });

  it('round-trips the filters and the colour, and drops malformed ones', () => {
    const slice = { from: '2025-06', to: '2026-01', cat: ['cs.CL', 'cs.LG'], topic: 4, color: 'date' as const };
    const state = { q: '', mode: 'hybrid' as const, paper: null, slice };
    expect(formatViewState(state)).toBe('?from=2025-06&to=2026-01&cat=cs.CL%2Ccs.LG&topic=4&color=date');
    expect(parseViewState(formatViewState(state))).toEqual(state);
    expect(parseViewState('?from=2025-13&to=june&topic=x&color=pink').slice).toEqual(EMPTY_SLICE);
  });

  it('falls back to hybrid for an unknown mode and to nothing for an empty URL', () => {
    expect(parseViewState('?q=x&mode=bogus').mode).toBe('hybrid');
    expect(parseViewState('')).toEqual({ q: '', mode: 'hybrid', paper: null, slice: EMPTY_SLICE });
    expect(formatViewState({ q: '', mode: 'lexical', paper: null, slice: EMPTY_SLICE })).toBe('');
  });

  it('keeps a query too long for the URL in the history entry, and reads it back where the URL has none', () => {
    const long = { q: 'word '.repeat(URL_QUERY_CHARS / 4).trim(), mode: 'lexical' as const, paper: 'p1', slice: EMPTY_SLICE };
    const entry = historyEntryOf(long);
    expect(entry).toEqual({ longQuery: long.q, mode: 'lexical' });
    expect(formatViewState(long)).toBe('?paper=p1');
    expect(viewOfHistory(formatViewState(long), entry)).toEqual(long);
    expect(historyEntryOf({ ...long, q: 'short' })).toBeNull();
    expect(viewOfHistory('?q=short', entry).q).toBe('short');
    expect(viewOfHistory('?paper=p1', { longQuery: 42 }).q).toBe('');
    expect(sameHistoryEntry(entry, { ...entry })).toBe(true);
    expect(sameHistoryEntry(entry, { ...entry, mode: 'hybrid' })).toBe(false);
    expect(sameHistoryEntry(null, null)).toBe(true);
    expect(sameHistoryEntry(null, entry)).toBe(false);
  });
});

describe('SliceData', () => {
  const map: MapData = {
    count: 5, ids: ['a', 'b', 'c', 'd', 'e'], titles: ['', '', '', '', ''], x: [0, 0, 0, 0, 0], y: [0, 0, 0, 0, 0],
    cluster: [1, 1, 2, 2, -1], coarseCluster: [0, 0, 0, 3, -1], clusters: [],
    date: ['2025-06', '2025-08', '2024', null, '2025-06'], categories: [[0], [0, 1], [1], [0], []], categoryNames: ['cs.CL', 'cs.CV'],
  };
  const data = new SliceData(map);
  const passing = (slice: Partial<typeof EMPTY_SLICE>) => map.ids.filter((_, i) => data.passes(i, { ...EMPTY_SLICE, ...slice }));

  it('spans the months papers are dated to, year-only dates aside', () => {
    expect(data.span).not.toBeNull();
    expect(data.monthCounts(EMPTY_SLICE)).toEqual([2, 0, 1]);
    expect(data.monthCounts({ ...EMPTY_SLICE, cat: ['cs.CV'] })).toEqual([0, 0, 1]);
  });

  it('keeps the papers each filter describes, as the server does', () => {
    expect(passing({ from: '2025-07' })).toEqual(['b']);
    expect(passing({ to: '2024-06' })).toEqual(['c']);
    expect(passing({ cat: ['cs.CV'] })).toEqual(['b', 'c']);
    expect(passing({ topic: 0 })).toEqual(['a', 'b', 'c']);
    expect(passing({ topic: 2, cat: ['cs.CL'] })).toEqual(['d']);
    expect(passing({ cat: ['xx'] })).toEqual([]);
  });

  it('counts categories among the papers passing the other filters', () => {
    expect(data.categoryCounts({ ...EMPTY_SLICE, cat: ['cs.CV'] })).toEqual([{ name: 'cs.CL', count: 3 }, { name: 'cs.CV', count: 2 }]);
    expect(data.categoryCounts({ ...EMPTY_SLICE, from: '2025-08' })).toEqual([{ name: 'cs.CL', count: 1 }, { name: 'cs.CV', count: 1 }]);
  });
});

describe('camera', () => {
  const view = { width: 800, height: 600 };

  it('zooms about the pointer: the data point under it stays put', () => {
    const cam = { cx: 1, cy: -2, scale: 30 };
    const before = toData(cam, view, 123, 456);
    const after = toScreen(zoomAt(cam, view, 123, 456, 2.5), view, ...before);
    expect(after[0]).toBeCloseTo(123, 6);
    expect(after[1]).toBeCloseTo(456, 6);
  });

  it('fits bounds inside the padded view', () => {
    const cam = fitBounds({ minX: -10, minY: -5, maxX: 10, maxY: 5 }, view, 20);
    const [left] = toScreen(cam, view, -10, 0);
    const [right] = toScreen(cam, view, 10, 0);
    expect(left).toBeCloseTo(20, 6);
    expect(right).toBeCloseTo(780, 6);
  });

  it('ignores non-finite coordinates in bounds', () => {
    expect(boundsOf([1, Number.NaN, 3], [2, 0, Number.POSITIVE_INFINITY])).toEqual({ minX: 1, minY: 2, maxX: 1, maxY: 2 });
  });
});

describe('PickGrid', () => {
  it('finds the same nearest point as a scan of all points', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: -50, max: 50, noNaN: true }), fc.double({ min: -50, max: 50, noNaN: true })), { minLength: 1, maxLength: 300 }),
        fc.tuple(fc.double({ min: -60, max: 60, noNaN: true }), fc.double({ min: -60, max: 60, noNaN: true })),
        fc.double({ min: 0.1, max: 20, noNaN: true }),
        (points, [qx, qy], radius) => {
          const xs = Float32Array.from(points.map((p) => p[0]));
          const ys = Float32Array.from(points.map((p) => p[1]));
          const grid = new PickGrid(xs, ys, boundsOf(xs, ys)!);
          const found = grid.nearest(qx, qy, radius);
          const dist = (i: number): number => Math.hypot(xs[i] - qx, ys[i] - qy);
          let best = Infinity;
          for (let i = 0; i < xs.length; i++) best = Math.min(best, dist(i));
          return best > radius ? found === -1 : found >= 0 && Math.abs(dist(found) - best) < 1e-9;
        },
      ),
    );
  });
});
