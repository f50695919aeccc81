/**
 * The retrieval interface (src/search/retrieval.ts): searchPapers retrieves only through
 * the engine's backend, so another implementation plugs in. Here that other backend is
 * exact search by brute force plus the index's BM25 on a copy of the rows it was given,
 * as a remote engine would answer; on the demo index it must rank as the HNSW one does.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createSearchEngine, SEARCH_MODES, searchPapers, type SearchEngine } from '../../src/search/engine.js';
import { exactNearest } from '../../src/search/filteredNearest.js';
import { loadIndex, type LoadedIndex } from '../../src/search/loadIndex.js';
import { localBackend, type RetrievalBackend } from '../../src/search/retrieval.js';
import { resolveFilter } from '../../src/search/rowFilter.js';
import { demoIndexDir } from '../helpers/demoIndex.js';

const QUERIES = ['optimal transport between distributions', 'graph neural networks', 'speech recognition'];

let index: LoadedIndex;
let local: SearchEngine;
let exact: SearchEngine;
const calls: string[] = [];

/** Exact cosine over every passing row, and BM25: what any engine with both should return. */
function exactBackend(index: LoadedIndex): RetrievalBackend {
  const all = Uint32Array.from(index.papers.keys());
  return {
    nearest: async (vector, depth, filter) => {
      calls.push('nearest');
      return exactNearest(index, vector, depth, filter.mask ? filter.rows() : all);
    },
    lexical: async (query, depth, filter) => {
      calls.push('lexical');
      return localBackend(index).lexical(query, depth, filter);
    },
  };
}

beforeAll(async () => {
  index = await loadIndex(await demoIndexDir('lexical'));
  local = createSearchEngine(index);
  exact = createSearchEngine(index, {}, exactBackend(index));
}, 120_000);

describe('searchPapers through a RetrievalBackend', () => {
  it.each(SEARCH_MODES)('%s: another backend ranks the same papers and is the one asked', async (mode) => {
    for (const q of QUERIES) {
      calls.length = 0;
      const want = await searchPapers(local, { q, k: 5, mode });
      const got = await searchPapers(exact, { q, k: 5, mode });
      expect(got.results.map((r) => r.row)).toEqual(want.results.map((r) => r.row));
      expect(got.point).toEqual(want.point);
      expect(new Set(calls)).toEqual(new Set(mode === 'hybrid' ? ['nearest', 'lexical'] : [mode === 'semantic' ? 'nearest' : 'lexical']));
    }
  });

  it('passes the filter to the backend, which keeps only passing rows', async () => {
    const filter = resolveFilter(index, { topic: index.topics.coarseAssignments[0] });
    const got = await searchPapers(exact, { q: QUERIES[0], k: 10, mode: 'hybrid', filter });
    expect(got.results.length).toBeGreaterThan(0);
    for (const { row } of got.results) expect(filter.mask![row]).toBe(1);
  });
});
