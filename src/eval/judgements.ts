/**
 * @file Retrieval quality of a ranking against relevance judgements: recall@k and
 * nDCG@k (graded or binary), as BEIR and TREC report them; used by the demo query
 * set's test and reusable for larger benchmarks.
 */

/** Relevance judgements of one query: paper id → grade (> 0 relevant). */
export type Qrels = ReadonlyMap<string, number>;

/** Binary judgements: every listed id has grade 1. */
export function binaryQrels(ids: Iterable<string>): Qrels {
  return new Map([...ids].map((id) => [id, 1]));
}

function relevantCount(qrels: Qrels): number {
  let n = 0;
  for (const grade of qrels.values()) if (grade > 0) n++;
  return n;
}

/**
 * Share of the relevant papers found in the first `k` of `ranking`.
 * @example recallAtK(['a', 'x', 'b'], binaryQrels(['a', 'b', 'c', 'd']), 2) // => 0.25
 */
export function recallAtK(ranking: readonly string[], qrels: Qrels, k: number): number {
  const total = relevantCount(qrels);
  if (total === 0) return 0;
  const top = new Set(ranking.slice(0, k));
  let hits = 0;
  for (const id of top) if ((qrels.get(id) ?? 0) > 0) hits++;
  return hits / total;
}

/**
 * Normalized discounted cumulative gain at `k`, gain = grade, discount log2(rank + 1)
 * (the trec_eval / BEIR form). A repeated id counts once.
 * @example ndcgAtK(['a', 'x'], binaryQrels(['a']), 10) // => 1
 */
export function ndcgAtK(ranking: readonly string[], qrels: Qrels, k: number): number {
  const seen = new Set<string>();
  let dcg = 0;
  ranking.slice(0, k).forEach((id, i) => {
    if (seen.has(id)) return;
    seen.add(id);
    dcg += (qrels.get(id) ?? 0) / Math.log2(i + 2);
  });
  const ideal = [...qrels.values()].filter((g) => g > 0).sort((a, b) => b - a).slice(0, k);
  const idcg = ideal.reduce((sum, g, i) => sum + g / Math.log2(i + 2), 0);
  return idcg === 0 ? 0 : dcg / idcg;
}

/** One judged query and the ranking a system gave it. */
export interface JudgedRun {
  qrels: Qrels;
  ranking: readonly string[];
}

export interface EvalSummary {
  queries: number;
  recall: number;
  ndcg: number;
}

/** Mean recall@k and nDCG@k over `runs`. */
export function evaluateRuns(runs: readonly JudgedRun[], k = 10): EvalSummary {
  if (runs.length === 0) return { queries: 0, recall: 0, ndcg: 0 };
  let recall = 0;
  let ndcg = 0;
  for (const { qrels, ranking } of runs) {
    recall += recallAtK(ranking, qrels, k);
    ndcg += ndcgAtK(ranking, qrels, k);
  }
  return { queries: runs.length, recall: recall / runs.length, ndcg: ndcg / runs.length };
}
