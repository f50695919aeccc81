/**
 * The eval figures on hand-made rankings: MRR@10 here, nDCG and recall through scoreRanking
 * (their own cases are in tests/search/units.test.ts), and the mean over queries.
 */
import { describe, expect, it } from 'vitest';
import { meanMetrics, mrrAtK, scoreRanking } from '../../src/eval/metrics.js';

const grades = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe('mrrAtK', () => {
  it('is 1 / rank of the first relevant id', () => {
    expect(mrrAtK(['x', 'y', 'a', 'b'], grades({ a: 1, b: 2 }), 10)).toBeCloseTo(1 / 3, 12);
  });

  it('is 0 when the first relevant id is past k, or there is none', () => {
    expect(mrrAtK(['x', 'y', 'a'], grades({ a: 1 }), 2)).toBe(0);
    expect(mrrAtK([], grades({ a: 1 }), 10)).toBe(0);
  });

  it('does not count a grade of 0 as relevant', () => {
    expect(mrrAtK(['z', 'a'], grades({ z: 0, a: 1 }), 10)).toBe(0.5);
  });
});

describe('scoreRanking', () => {
  it('gives the four figures of one ranking, graded', () => {
    // Relevant: b (grade 2) and c (grade 1); ranking finds c at rank 2, b at rank 12.
    const ranking = ['x', 'c', ...Array.from({ length: 9 }, (_, i) => `n${i}`), 'b'];
    const metrics = scoreRanking(ranking, grades({ b: 2, c: 1, z: 0 }));
    const idcg = 2 + 1 / Math.log2(3);
    expect(metrics.ndcg10).toBeCloseTo(1 / Math.log2(3) / idcg, 12);
    expect(metrics.recall10).toBe(0.5);
    expect(metrics.recall100).toBe(1);
    expect(metrics.mrr10).toBe(0.5);
  });
});

describe('meanMetrics', () => {
  it('averages each figure over queries', () => {
    const mean = meanMetrics([
      { ndcg10: 1, recall10: 1, recall100: 1, mrr10: 1 },
      { ndcg10: 0, recall10: 0.5, recall100: 1, mrr10: 0.25 },
    ]);
    expect(mean).toEqual({ ndcg10: 0.5, recall10: 0.75, recall100: 1, mrr10: 0.625 });
  });

  it('is all zeros for no queries', () => {
    expect(meanMetrics([])).toEqual({ ndcg10: 0, recall10: 0, recall100: 0, mrr10: 0 });
  });
});
