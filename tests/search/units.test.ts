/**
 * The small search pieces on hand-made inputs: BM25, fusion, snippets, the query's map
 * point, the query cache and queue, and the retrieval metrics.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Embedder } from '../../src/embed/types.js';
import { evaluateRuns, binaryQrels, ndcgAtK, recallAtK } from '../../src/eval/judgements.js';
import { agreement } from '../../src/bench/fusionCandidates.js';
import { fuseRankings, fuseScores, RRF_K } from '../../src/search/hybrid.js';
import { buildBm25, loadBm25 } from '../../src/bm25/bm25.js';
import { queryPoint } from '../../src/search/point.js';
import { createQueryEmbedder, LruCache } from '../../src/search/queryCache.js';
import type { RankedRow } from '../../src/ranking/rankedRow.js';
import { analyzeQuery, bestSnippet } from '../../src/search/snippet.js';
import { splitSentences } from '../../src/text/sentences.js';

const paper = (id: string, title: string, abstract: string) => ({ id, title, abstract });

describe('buildBm25', () => {
  const index = buildBm25([
    paper('a', 'Graph neural networks', 'We study message passing on graphs.'),
    paper('b', 'Optimal transport maps', 'Transport plans between distributions, computed with Sinkhorn.'),
    paper('c', 'Bandits', 'A network of arms; the regret of a graph-structured bandit, bounded in expectation over long horizons.'),
  ]);

  it('matches stemmed words (networks → network) and ranks the shorter text first (BM25 length normalization)', () => {
    const rows = index.search('network', 10);
    expect(rows.map((r) => r.row)).toEqual([0, 2]);
    expect(rows[0].score).toBeGreaterThan(rows[1].score);
  });

  it('returns [] for stop words only, unknown words, emoji and empty text', () => {
    for (const q of ['the of and', 'zyzzyva', '🙂', '', '   ']) expect(index.search(q, 10)).toEqual([]);
  });

  it('keeps at most k rows', () => {
    expect(index.search('graph transport bandit', 2)).toHaveLength(2);
  });

  it('answers identically after a save (toBytes) and loadBm25', () => {
    const reloaded = loadBm25(index.toBytes());
    for (const q of ['network', 'graph transport bandit', 'sinkhorn plans', 'zyzzyva']) expect(reloaded.search(q, 10)).toEqual(index.search(q, 10));
  });
});

const rows = (...ids: number[]): RankedRow[] => ids.map((row, i) => ({ row, score: 1 - i / 10 }));

describe('fuseRankings', () => {
  it('adds 1 / (60 + rank) per list', () => {
    const fused = fuseRankings([{ rows: rows(3) }, { rows: rows(3, 5) }], 10);
    expect(fused[0]).toEqual({ row: 3, score: 2 / (RRF_K + 1) });
    expect(fused[1]).toEqual({ row: 5, score: 1 / (RRF_K + 2) });
  });
});

describe('agreement', () => {
  it('is the share of the first list\'s top rows that are in the second list\'s top rows', () => {
    expect(agreement(rows(1, 2, 3, 4), rows(4, 9, 1, 8), 4)).toBe(0.5);
    expect(agreement(rows(1, 2, 3, 4), rows(4, 9, 1, 8), 2)).toBe(0);
    expect(agreement(rows(1, 2), rows(2, 1), 10)).toBe(0.2);
  });
});

describe('fuseScores', () => {
  it('returns a single non-empty list as it is', () => {
    expect(fuseScores({ semantic: [], lexical: rows(4, 2) }, 10)).toEqual(rows(4, 2));
    expect(fuseScores({ semantic: rows(4, 2), lexical: [] }, 1)).toEqual(rows(4));
    expect(fuseScores({ semantic: [], lexical: [] }, 10)).toEqual([]);
  });

  it('favours papers both lists rank high', () => {
    const fused = fuseScores({ semantic: rows(1, 2, 3, 4, 5, 6), lexical: rows(2, 9, 8, 7, 1, 6) }, 3);
    expect(fused[0].row).toBe(2);
  });

  it('keeps BM25\'s order against a semantic list that reverses it, which weighs less', () => {
    const lexical = rows(1, 2, 3, 4, 5, 6, 7, 8);
    const semantic = rows(8, 7, 6, 5, 4, 3, 2, 1);
    expect(fuseScores({ semantic, lexical }, 8).map((r) => r.row)).toEqual(lexical.map((r) => r.row));
    // The same lists with the semantic list weighing more than BM25: its order wins.
    expect(fuseScores({ semantic, lexical }, 8, () => 4).map((r) => r.row)).toEqual(semantic.map((r) => r.row));
  });

  it('lets an agreeing semantic list reorder BM25\'s near-ties and add its own rows', () => {
    const lexical = [{ row: 1, score: 5 }, { row: 2, score: 4.99 }, ...[3, 4, 5, 6, 7, 8, 9, 10].map((row) => ({ row, score: 1 }))];
    const semantic = [{ row: 2, score: 0.9 }, { row: 40, score: 0.85 }, { row: 1, score: 0.5 }, ...[3, 4, 5, 6, 7, 8, 9].map((row) => ({ row, score: 0.1 }))];
    const fused = fuseScores({ semantic, lexical }, 11).map((r) => r.row);
    expect(fused.slice(0, 2)).toEqual([2, 1]);
    expect(fused).toContain(40);
  });

  it('ranks a row one list missed below the rows that list returned', () => {
    const lexical = [{ row: 1, score: 9 }, { row: 2, score: 8 }, { row: 3, score: 1 }];
    const semantic = [{ row: 2, score: 0.9 }, { row: 1, score: 0.8 }, { row: 4, score: 0.7 }];
    const fused = fuseScores({ semantic, lexical }, 4).map((r) => r.row);
    expect(fused.indexOf(4)).toBeGreaterThan(fused.indexOf(2));
  });

  it('never returns a row twice, at most k rows, best first (property)', () => {
    const list = fc.array(fc.record({ row: fc.integer({ min: 0, max: 30 }), score: fc.double({ min: -5, max: 5, noNaN: true }) }), { maxLength: 40 });
    fc.assert(
      fc.property(list, list, fc.integer({ min: 1, max: 50 }), (a, b, k) => {
        const sorted = (l: RankedRow[]) => [...l].sort((x, y) => y.score - x.score);
        for (const fused of [fuseScores({ semantic: sorted(a), lexical: sorted(b) }, k), fuseRankings([{ rows: sorted(a) }, { rows: sorted(b) }], k)]) {
          expect(new Set(fused.map((r) => r.row)).size).toBe(fused.length);
          expect(fused.length).toBeLessThanOrEqual(k);
          for (const r of fused) expect(Number.isFinite(r.score)).toBe(true);
          for (let i = 1; i < fused.length; i++) expect(fused[i - 1].score).toBeGreaterThanOrEqual(fused[i].score);
        }
      }),
    );
  });
});

describe('bestSnippet', () => {
  const abstract = 'We study bandits. Our regret bound is tight, e.g. for matroids. Finally we test it.';

  it('splits sentences without breaking at "e.g."', () => {
    expect(splitSentences(abstract)).toEqual(['We study bandits.', 'Our regret bound is tight, e.g. for matroids.', 'Finally we test it.']);
  });

  it('picks the sentence with the most distinct query terms, analyzed (bounds → bound)', () => {
    expect(bestSnippet(abstract, analyzeQuery('tight regret bounds'))).toBe('Our regret bound is tight, e.g. for matroids.');
  });

  it('prefers the earlier sentence on ties and the first when nothing matches', () => {
    expect(bestSnippet('Alpha tests. Beta tests.', analyzeQuery('tests'))).toBe('Alpha tests.');
    expect(bestSnippet(abstract, analyzeQuery('🙂'))).toBe('We study bandits.');
  });

  it('shortens a long sentence at a word boundary', () => {
    const snippet = bestSnippet(`${'word '.repeat(200)}end.`, analyzeQuery('word'), 50);
    expect(snippet.length).toBeLessThanOrEqual(50);
    expect(snippet.endsWith('…')).toBe(true);
  });
});

describe('queryPoint', () => {
  const coords = new Float32Array([0, 0, 4, 0, 0, 8]);

  it('is the similarity-weighted mean of the nearest papers', () => {
    expect(queryPoint(coords, [{ row: 1, score: 3 }, { row: 2, score: 1 }])).toEqual({ x: 3, y: 2 });
  });

  it('counts papers equally when no score is positive, and is null for no papers', () => {
    expect(queryPoint(coords, [{ row: 1, score: -1 }, { row: 2, score: 0 }])).toEqual({ x: 2, y: 4 });
    expect(queryPoint(coords, [])).toBeNull();
  });
});

describe('LruCache', () => {
  it('drops the least recently used entry', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('a');
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c'), cache.size]).toEqual([1, undefined, 3, 2]);
  });
});

describe('createQueryEmbedder', () => {
  function countingEmbedder(fail = false) {
    const calls: string[][] = [];
    let active = 0;
    let overlapped = false;
    const embedder: Embedder = {
      info: { kind: 'lexical', model: 'test', dims: 2 },
      async embedBatch(texts) {
        calls.push(texts);
        overlapped ||= active > 0;
        active++;
        await new Promise((r) => setTimeout(r, 5));
        active--;
        if (fail) throw new Error('embedder failed');
        return texts.map((t) => new Float32Array([t.length, 1]));
      },
    };
    return { embedder, calls, overlapped: () => overlapped };
  }

  it('never runs two embedBatch calls at once, batches waiting queries, and caches', async () => {
    const { embedder, calls, overlapped } = countingEmbedder();
    const queries = createQueryEmbedder(embedder, { maxBatch: 4 });
    const texts = Array.from({ length: 20 }, (_, i) => `query ${i}`);
    const vectors = await Promise.all([...texts, ...texts].map((t) => queries.embed(t)));
    vectors.forEach((v, i) => expect(v[0]).toBe(texts[i % 20].length));
    expect(overlapped()).toBe(false);
    expect(calls.flat().sort()).toEqual([...texts].sort());
    expect(Math.max(...calls.map((c) => c.length))).toBeLessThanOrEqual(4);
    await queries.embed('query 3');
    expect(calls.flat()).toHaveLength(20);
  });

  it('rejects the waiting queries when the embedder fails, and keeps working', async () => {
    const { embedder } = countingEmbedder(true);
    const queries = createQueryEmbedder(embedder);
    await expect(Promise.all([queries.embed('a'), queries.embed('b')])).rejects.toThrow(/embedder failed/);
    await expect(queries.embed('a')).rejects.toThrow(/embedder failed/);
  });
});

describe('recallAtK and ndcgAtK', () => {
  const qrels = binaryQrels(['a', 'b', 'c', 'd']);

  it('count relevant papers in the first k', () => {
    expect(recallAtK(['a', 'x', 'b'], qrels, 2)).toBe(0.25);
    expect(recallAtK(['a', 'b', 'c', 'd'], qrels, 10)).toBe(1);
    expect(recallAtK(['a'], new Map(), 10)).toBe(0);
  });

  it('is 1 for an ideal ranking and discounts later hits', () => {
    expect(ndcgAtK(['a', 'b', 'c', 'd', 'x'], qrels, 10)).toBeCloseTo(1);
    expect(ndcgAtK(['x', 'a'], binaryQrels(['a']), 10)).toBeCloseTo(1 / Math.log2(3));
    expect(ndcgAtK(['a', 'a', 'a'], binaryQrels(['a', 'b']), 10)).toBeCloseTo(1 / (1 + 1 / Math.log2(3)));
  });

  it('uses grades', () => {
    const graded = new Map([['a', 2], ['b', 1]]);
    expect(ndcgAtK(['b', 'a'], graded, 10)).toBeCloseTo((1 + 2 / Math.log2(3)) / (2 + 1 / Math.log2(3)));
  });

  it('averages over runs', () => {
    expect(evaluateRuns([{ qrels, ranking: ['a', 'b', 'c', 'd'] }, { qrels, ranking: [] }])).toEqual({ queries: 2, recall: 0.5, ndcg: 0.5 });
  });
});
