/**
 * Long queries: BM25 ranks a query of more than MAX_BM25_QUERY_TERMS terms by the terms of
 * highest (1 + ln tf) × idf only, exactly as if only those had been typed; shorter queries
 * keep every term.
 */
import { describe, expect, it } from 'vitest';
import { buildBm25 } from '../../src/bm25/bm25.js';
import { mostDistinctive } from '../../src/bm25/queryTerms.js';
import { MAX_BM25_QUERY_TERMS } from '../../src/config.js';
import { analyze } from '../../src/text/tokenize.js';

describe('mostDistinctive', () => {
  it('keeps the terms of highest (1 + ln tf) × idf, in query order, and all of a short query', () => {
    expect(mostDistinctive([1, 9, 1, 1], [0.5, 1, 3, 2], 2)).toEqual([1, 2]);
    expect(mostDistinctive([1, 1], [0.5, 1], 2)).toEqual([0, 1]);
    // Damped tf: a common word typed 20 times (idf 0.5) loses to a rare word typed once (idf 3).
    expect(mostDistinctive([20, 1], [0.5, 3], 1)).toEqual([1]);
  });
});

describe('BM25 on a long query', () => {
  // 60 papers and 60 topic words; word j is in papers j…59, so no two words have the same idf.
  const words = Array.from({ length: 60 }, (_, i) => `topic${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`);
  const papers = words.map((_, i) => ({ id: String(i), title: `Paper ${i}`, abstract: `${words.slice(0, i + 1).join(' ')} results model method` }));
  const index = buildBm25(papers);

  it('ranks exactly as a query of its chosen terms', () => {
    const query = [...words, 'model model model method results'].join(' ');
    const terms = [...new Set(analyze(query))];
    expect(terms.length).toBeGreaterThan(MAX_BM25_QUERY_TERMS);
    const counts = terms.map((t) => analyze(query).filter((u) => u === t).length);
    const chosen = mostDistinctive(counts, terms.map((t) => index.idf(t)), MAX_BM25_QUERY_TERMS).map((i) => Array(counts[i]).fill(terms[i]).join(' '));
    expect(chosen.length).toBe(MAX_BM25_QUERY_TERMS);
    expect(index.search(query, 60)).toEqual(index.search(chosen.join(' '), 60));
    // The common words, present in every paper, are the ones left out.
    expect(chosen.join(' ')).not.toMatch(/model|method|result/);
  });
});
