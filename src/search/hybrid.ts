/**
 * @file Fuses the semantic and the lexical ranking of one query into one list.
 * `fuseScores` (the hybrid mode's fusion) standardizes each list's scores and gives the
 * semantic list a quarter of BM25's weight; `fuseRankings` is plain reciprocal rank fusion.
 *
 * Why not RRF: on SciFact train and the demo queries, RRF fell below the better single mode
 * whenever one ranker was much weaker (the LSA or random-weights test embedders against
 * BM25); normalized-score fusion does better (Bruch et al. 2023, "An Analysis of Fusion
 * Functions for Hybrid Retrieval"). Why a fixed weight: weighting each list by its own
 * confidence let a weak embedder pull hybrid below BM25, and weighting the semantic list by
 * its agreement with BM25 (0.25 × √agreement at depth 20, the form before this one) was
 * below the better part on 2 of 16 held-out sets (SciFact train folds, demo-query halves,
 * paraphrases). A fixed 0.25, chosen on those 16 sets against min-max, theoretical min-max
 * and CombMNZ fusion, RRF with other k and weights, and per-query confidence weights, was
 * below on 1 (−0.007, within the set's noise) and higher in sum; on plain-English questions
 * scored only after the choice, it beat both parts with both embedders (and tied or trailed
 * the form before it by 0.008). Figures: docs/BENCHMARKS.md, src/bench/fusionHeldOut.ts.
 */
import type { RankedRow } from '../ranking/rankedRow.js';

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

/** The semantic list's weight against BM25's 1 (see the file comment). */
export const SEMANTIC_WEIGHT = 0.25;

/** The two rankings of one query that hybrid search fuses, each best first. */
export interface HybridLists {
  semantic: readonly RankedRow[];
  lexical: readonly RankedRow[];
}

/** The semantic list's weight for one query's lists (SEMANTIC_WEIGHT in hybrid search; the bench compares others). */
export type SemanticWeighting = (lists: HybridLists) => number;

interface Standardized {
  z: Map<number, number>;
  /** The list's weight in the fusion. */
  weight: number;
  /** The z-score of a row the list did not return: its lowest. */
  floor: number;
}

/** A best-first list's scores as z-scores over the list (all 0 for a list of equal scores). */
function standardize(rows: readonly RankedRow[], weight: number): Standardized {
  const mean = rows.reduce((sum, r) => sum + r.score, 0) / rows.length;
  const sd = Math.sqrt(rows.reduce((sum, r) => sum + (r.score - mean) ** 2, 0) / rows.length);
  const zOf = (score: number) => (sd > 0 ? (score - mean) / sd : 0);
  return {
    z: new Map(rows.map(({ row, score }) => [row, zOf(score)])),
    weight,
    floor: zOf(Math.min(...rows.map((r) => r.score))),
  };
}

/**
 * Weighted z-score fusion of one query's semantic and lexical (BM25) rankings. Each list's
 * scores become z-scores over that list; BM25's weigh 1 and the semantic list's
 * SEMANTIC_WEIGHT. BM25 leads because exact term matching is right about the papers it ranks
 * high whatever the embedder is, while the embedder may be a real MiniLM, the LSA fallback or
 * a random-weights test model: its list reorders BM25's near-ties and adds papers BM25 missed.
 * A row missing from a list gets that list's lowest z-score (it ranked below everything the
 * list returned). A single non-empty list is returned as it is.
 * @example fuseScores({ semantic: semanticTop100, lexical: bm25Top100 }, 10) // => 10 rows, fused score best first
 * @param k  how many fused rows to return
 * @param semanticWeightOf  the semantic list's weight (other weightings are compared in src/bench/fusionHeldOut.ts)
 */
export function fuseScores(lists: HybridLists, k: number, semanticWeightOf: SemanticWeighting = () => SEMANTIC_WEIGHT): RankedRow[] {
  const semantic = uniqueRows(lists.semantic);
  const lexical = uniqueRows(lists.lexical);
  if (semantic.length === 0 || lexical.length === 0) return (semantic.length > 0 ? semantic : lexical).slice(0, k);
  const standardized = [standardize(semantic, semanticWeightOf({ semantic, lexical })), standardize(lexical, 1)];
  const scores = new Map<number, number>();
  // BM25's rows first, so ties keep its order.
  for (const row of [...lexical, ...semantic].map((r) => r.row)) {
    scores.set(row, standardized.reduce((sum, { z, weight, floor }) => sum + weight * (z.get(row) ?? floor), 0));
  }
  return rankFused(scores, k);
}
