/**
 * @file The four figures `paperscope eval` reports per query and their means: nDCG@10,
 * Recall@10, Recall@100 (src/eval/judgements.ts, the trec_eval / BEIR forms) and MRR@10.
 * Graded judgements: a grade > 0 is relevant, and nDCG's gain is the grade.
 */
import { ndcgAtK, recallAtK, type Qrels } from './judgements.js';

/** How deep each query's ranking goes: Recall@100 needs 100 results. */
export const EVAL_DEPTH = 100;

export interface RetrievalMetrics {
  ndcg10: number;
  recall10: number;
  recall100: number;
  mrr10: number;
}

export const METRIC_LABELS: Readonly<Record<keyof RetrievalMetrics, string>> = Object.freeze({
  ndcg10: 'nDCG@10',
  recall10: 'Recall@10',
  recall100: 'Recall@100',
  mrr10: 'MRR@10',
});

/**
 * 1 / rank of the first relevant id within the first `k` of `ranking`, 0 when there is none.
 * @example mrrAtK(['x', 'a', 'b'], new Map([['a', 1], ['b', 2]]), 10) // => 0.5
 */
export function mrrAtK(ranking: readonly string[], qrels: Qrels, k: number): number {
  const first = ranking.slice(0, k).findIndex((id) => (qrels.get(id) ?? 0) > 0);
  return first === -1 ? 0 : 1 / (first + 1);
}

/**
 * All four figures for one query's ranking (best first).
 * @example scoreRanking(['a', 'x'], new Map([['a', 1], ['b', 1]])) // => { ndcg10: 0.613…, recall10: 0.5, recall100: 0.5, mrr10: 1 }
 */
export function scoreRanking(ranking: readonly string[], qrels: Qrels): RetrievalMetrics {
  return {
    ndcg10: ndcgAtK(ranking, qrels, 10),
    recall10: recallAtK(ranking, qrels, 10),
    recall100: recallAtK(ranking, qrels, 100),
    mrr10: mrrAtK(ranking, qrels, 10),
  };
}

/** The mean of each figure over queries; all zeros for none. */
export function meanMetrics(perQuery: readonly RetrievalMetrics[]): RetrievalMetrics {
  const sum: RetrievalMetrics = { ndcg10: 0, recall10: 0, recall100: 0, mrr10: 0 };
  for (const metrics of perQuery) {
    for (const key of Object.keys(sum) as (keyof RetrievalMetrics)[]) sum[key] += metrics[key];
  }
  const n = Math.max(1, perQuery.length);
  return { ndcg10: sum.ndcg10 / n, recall10: sum.recall10 / n, recall100: sum.recall100 / n, mrr10: sum.mrr10 / n };
}
