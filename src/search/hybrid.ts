/**
 * @file Fuses the semantic and the lexical ranking of one query into one list.
 * `fuseScores` (the hybrid mode's fusion) standardizes each list's scores and weighs the
 * list by how far its best hit stands out; `fuseRankings` is plain reciprocal rank fusion.
 *
 * Why not RRF by default: on the SciFact train split and the demo queries, RRF fell below
 * the better single mode whenever one ranker was much weaker (the LSA or test embedders
 * against BM25), while the confidence-weighted z-score fusion matched or beat it with the
 * LSA embedder (Bruch et al. 2023, "An Analysis of Fusion Functions for Hybrid Retrieval",
 * also find normalized-score fusion ahead of RRF). Figures: tests/search/evaluation.test.ts.
 */
import type { RankedRow } from './semantic.js';

/** RRF's k: damps the weight of the very first ranks (Cormack et al. 2009 use 60). */
export const RRF_K = 60;

/** One ranking to fuse, best first, with an optional weight (1 by default). */
export interface FusionInput {
  rows: readonly RankedRow[];
  weight?: number;
}

/** Each row once, at its first (best) place: a list should not repeat a row, and if it does the repeat must not count twice. */
function uniqueRows(rows: readonly RankedRow[]): RankedRow[] {
  const seen = new Set<number>();
  return rows.filter(({ row }) => !seen.has(row) && Boolean(seen.add(row)));
}

/** Sorts fused scores best first; ties go to the row seen first (earlier list, better rank). */
function rankFused(scores: Map<number, number>, k: number): RankedRow[] {
  const order = new Map([...scores.keys()].map((row, i) => [row, i]));
  return [...scores]
    .map(([row, score]) => ({ row, score }))
    .sort((a, b) => b.score - a.score || order.get(a.row)! - order.get(b.row)!)
    .slice(0, k);
}

/**
 * Reciprocal rank fusion: score(d) = Σ weight / (RRF_K + rank(d)), rank counted from 1.
 * @example fuseRankings([{ rows: [{ row: 3, score: 0.9 }] }, { rows: [{ row: 3, score: 7 }, { row: 5, score: 2 }] }], 2)
 * // => [{ row: 3, score: 0.0328 }, { row: 5, score: 0.0161 }]
 * @param k  how many fused rows to return
 */
export function fuseRankings(inputs: readonly FusionInput[], k: number): RankedRow[] {
  const scores = new Map<number, number>();
  for (const { rows, weight = 1 } of inputs) {
    uniqueRows(rows).forEach(({ row }, i) => scores.set(row, (scores.get(row) ?? 0) + weight / (RRF_K + i + 1)));
  }
  return rankFused(scores, k);
}

function meanAndSd(rows: readonly RankedRow[]): { mean: number; sd: number } {
  const mean = rows.reduce((sum, r) => sum + r.score, 0) / rows.length;
  const variance = rows.reduce((sum, r) => sum + (r.score - mean) ** 2, 0) / rows.length;
  return { mean, sd: Math.sqrt(variance) };
}

/**
 * Confidence-weighted z-score fusion: each list's scores become z-scores over that list,
 * and the list is weighted by its best z-score, so a ranker whose top hits barely stand
 * out (it does not know this query) counts for less. A row missing from a list gets 0
 * from it (that list's mean). One non-empty list is returned as it is.
 * @example fuseScores([semanticTop100, bm25Top100], 10) // => 10 rows, fused score best first
 * @param lists  best-first rankings, each of one scorer (higher is better)
 * @param k  how many fused rows to return
 */
export function fuseScores(lists: readonly (readonly RankedRow[])[], k: number): RankedRow[] {
  const live = lists.map(uniqueRows).filter((rows) => rows.length > 0);
  if (live.length === 0) return [];
  if (live.length === 1) return live[0].slice(0, k);
  const scores = new Map<number, number>();
  for (const rows of live) {
    const { mean, sd } = meanAndSd(rows);
    const weight = sd > 0 ? (Math.max(...rows.map((r) => r.score)) - mean) / sd : 0;
    for (const { row, score } of rows) {
      const z = sd > 0 ? (score - mean) / sd : 0;
      scores.set(row, (scores.get(row) ?? 0) + weight * z);
    }
  }
  return rankFused(scores, k);
}
