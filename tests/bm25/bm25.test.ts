/**
 * The BM25 index on hand-made papers: its scores against the formula worked out by hand, its
 * binary form (bm25.bin) and what loading refuses, and the top-k selection it ends with.
 * (Stemming, stop words, k and the save/load round trip: tests/search/units.test.ts.)
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BM25 } from '../../src/config.js';
import { buildBm25, loadBm25 } from '../../src/bm25/bm25.js';
import { buildPostings, decodePostings, encodePostings } from '../../src/bm25/postings.js';
import { topRows } from '../../src/ranking/topRows.js';

const paper = (title: string, abstract: string) => ({ id: title, title, abstract });
const papers = [
  paper('Sinkhorn', 'entropic transport transport plans'),
  paper('Transport', 'optimal transport'),
  paper('Graphs', 'message passing graphs'),
];

/** BM25 as Lucene scores it, for one term, written out independently of src/search. */
function bm25(tf: number, df: number, docs: number, length: number, avgLength: number): number {
  const { k1, b } = DEFAULT_BM25;
  const idf = Math.log(1 + (docs - df + 0.5) / (df + 0.5));
  return (idf * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * length) / avgLength));
}

describe('buildBm25', () => {
  // Analyzed lengths: "sinkhorn entrop transport transport plan" 5, "transport optim transport" 3, "graph messag pass graph" 4.
  const avgLength = (5 + 3 + 4) / 3;
  const index = buildBm25(papers);

  it('scores plain BM25: k1 0.9, b 0.4, Lucene idf, length in analyzed terms', () => {
    const rows = index.search('transport', 10);
    expect(rows.map((r) => r.row)).toEqual([1, 0]);
    expect(rows[0].score).toBeCloseTo(bm25(2, 2, 3, 3, avgLength), 12);
    expect(rows[1].score).toBeCloseTo(bm25(2, 2, 3, 5, avgLength), 12);
  });

  it('sums over the query terms, with no bonus for matching several of them', () => {
    const [top] = index.search('sinkhorn plans', 10);
    expect(top.row).toBe(0);
    expect(top.score).toBeCloseTo(bm25(1, 1, 3, 5, avgLength) + bm25(1, 1, 3, 5, avgLength), 12);
  });

  it('counts a term typed twice twice', () => {
    const once = index.search('graphs', 10)[0].score;
    expect(index.search('graphs graph', 10)[0].score).toBeCloseTo(2 * once, 12);
  });

  it('breaks ties by row, so equal papers come in corpus order', () => {
    const twins = buildBm25([paper('A', 'same words here'), paper('B', 'other text'), paper('C', 'same words here')]);
    expect(twins.search('same words', 10).map((r) => r.row)).toEqual([0, 2]);
  });
});

describe('loadBm25', () => {
  const bytes = buildBm25(papers).toBytes();

  it('refuses bytes that are not a bm25.bin', () => {
    expect(() => loadBm25(new TextEncoder().encode('{"index": {}}'))).toThrow(/^bm25: .*too short|^bm25: not a paperscope BM25 index/);
    expect(() => loadBm25(new Uint8Array(64))).toThrow(/^bm25: not a paperscope BM25 index of format 1/);
  });

  it('refuses a truncated or extended file by its header', () => {
    expect(() => loadBm25(bytes.subarray(0, bytes.length - 4))).toThrow(/^bm25: is \d+ bytes, its header says \d+/);
    const longer = new Uint8Array(bytes.length + 4);
    longer.set(bytes);
    expect(() => loadBm25(longer)).toThrow(/its header says/);
  });

  it('refuses an index made by another version of the text analyzer', () => {
    const other = bytes.slice();
    new DataView(other.buffer).setUint32(8, 999, true);
    expect(() => loadBm25(other)).toThrow(/^bm25: built by text analyzer v999, this paperscope has v\d+/);
  });

  it('reads bytes that do not start on a 4-byte boundary', () => {
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    expect(loadBm25(shifted.subarray(1)).search('transport', 10)).toEqual(buildBm25(papers).search('transport', 10));
  });
});

describe('buildPostings', () => {
  it('lists, for each term in sorted order, the rows holding it (ascending) and how often', () => {
    const postings = buildPostings(['graph networks graph', 'networks']);
    expect(postings.vocab).toEqual(['graph', 'network']);
    expect(Array.from(postings.termStarts)).toEqual([0, 1, 3]);
    expect(Array.from(postings.rows)).toEqual([0, 0, 1]);
    expect(Array.from(postings.termFreqs)).toEqual([2, 1, 1]);
    expect(Array.from(postings.docLengths)).toEqual([3, 1]);
  });

  it('survives encodePostings and decodePostings unchanged, an empty corpus included', () => {
    for (const texts of [['graph networks graph', 'networks', 'naïve Poincaré'], [], ['the of and']]) {
      const postings = buildPostings(texts);
      expect(decodePostings(encodePostings(postings))).toEqual(postings);
    }
  });
});

describe('topRows', () => {
  it('keeps the k highest positive scores, best first, ties to the lower row', () => {
    expect(topRows(Float64Array.of(0.5, 0, 2, 1, 2), 3)).toEqual([
      { row: 2, score: 2 },
      { row: 4, score: 2 },
      { row: 3, score: 1 },
    ]);
    expect(topRows(Float64Array.of(0, 0), 5)).toEqual([]);
    expect(topRows(Float64Array.of(1, 2), 0)).toEqual([]);
  });

  it('equals sorting every positive score and cutting at k (property)', () => {
    const scores = fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 5 }), fc.double({ min: 0, max: 10, noNaN: true })), { maxLength: 200 });
    fc.assert(
      fc.property(scores, fc.integer({ min: 1, max: 50 }), (values, k) => {
        const expected = values
          .map((score, row) => ({ row, score }))
          .filter((r) => r.score > 0)
          .sort((a, b) => b.score - a.score || a.row - b.row)
          .slice(0, k);
        expect(topRows(Float64Array.from(values), k)).toEqual(expected);
      }),
    );
  });
});
