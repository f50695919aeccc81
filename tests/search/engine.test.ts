/**
 * searchPapers on the demo index, with the tiny transformer model and the lexical
 * embedder: all modes, unknown words, concurrency, and the query's map point.
 */
import { describe, expect, it } from 'vitest';
import { SEARCH_MODES, searchPapers } from '../../src/search/engine.js';
import { DEMO_EMBEDDERS, demoEngine } from '../server/fixtures.js';

const QUERIES = ['optimal transport', 'mixture of experts', 'submodular maximization over a matroid', 'Bandits!', 'learning'];

describe.each(DEMO_EMBEDDERS)('searchPapers (%s embedder)', (embedder) => {
  it.each([...SEARCH_MODES])('%s: at most k rows, each once, finite scores, best first', async (mode) => {
    const engine = await demoEngine(embedder);
    for (const q of QUERIES) {
      for (const k of [1, 10, 100]) {
        const { results, point, tookMs } = await searchPapers(engine, { q, k, mode });
        expect(results.length).toBeGreaterThan(0);
        expect(results.length).toBeLessThanOrEqual(k);
        expect(new Set(results.map((r) => r.row)).size).toBe(results.length);
        for (const r of results) expect(Number.isFinite(r.score)).toBe(true);
        for (let i = 1; i < results.length; i++) expect(results[i - 1].score).toBeGreaterThanOrEqual(results[i].score);
        expect(Number.isFinite(point!.x) && Number.isFinite(point!.y)).toBe(true);
        expect(tookMs).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('places the query inside the map, near its best results', async () => {
    const engine = await demoEngine(embedder);
    const { coords } = engine.index;
    const xs = coords.filter((_, i) => i % 2 === 0);
    const ys = coords.filter((_, i) => i % 2 === 1);
    const { point } = await searchPapers(engine, { q: 'optimal transport maps', k: 5, mode: 'semantic' });
    expect(point!.x).toBeGreaterThanOrEqual(Math.min(...xs));
    expect(point!.x).toBeLessThanOrEqual(Math.max(...xs));
    expect(point!.y).toBeGreaterThanOrEqual(Math.min(...ys));
    expect(point!.y).toBeLessThanOrEqual(Math.max(...ys));
  });

  it('answers many concurrent queries through one embedder, as it answers them one by one', async () => {
    const engine = await demoEngine(embedder);
    const requests = Array.from({ length: 60 }, (_, i) => ({ q: `${QUERIES[i % QUERIES.length]} ${i % 7}`, k: 5, mode: SEARCH_MODES[i % 3] }));
    const together = await Promise.all(requests.map((r) => searchPapers(engine, r)));
    for (const [i, r] of requests.entries()) {
      const alone = await searchPapers(engine, r);
      expect(together[i].results).toEqual(alone.results);
    }
  });
});

describe('a query the lexical embedder knows nothing of', () => {
  it('gives no semantic results (not NaN), and hybrid falls back to what BM25 finds', async () => {
    const engine = await demoEngine('lexical');
    const unknown = await searchPapers(engine, { q: 'zyzzyva qwxv', k: 10, mode: 'semantic' });
    expect(unknown).toMatchObject({ results: [], point: null });
    for (const mode of SEARCH_MODES) expect((await searchPapers(engine, { q: 'zyzzyva 🙂', k: 10, mode })).results).toEqual([]);
    const lexical = await searchPapers(engine, { q: 'zyzzyva', k: 10, mode: 'lexical' });
    expect(lexical.results).toEqual([]);
  });
});
