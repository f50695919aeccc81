/**
 * @file Fuses the semantic and the lexical ranking of one query into one list.
 * `fuseScores` (the hybrid mode's fusion) standardizes each list's scores and weighs the
 * semantic list by how much it agrees with BM25; `fuseRankings` is plain reciprocal rank fusion.
 *
 * Why not RRF by default: on the SciFact train split and the demo queries, RRF fell below
 * the better single mode whenever one ranker was much weaker (the LSA or test embedders
 * against BM25). Normalized-score fusion does better (Bruch et al. 2023, "An Analysis of
 * Fusion Functions for Hybrid Retrieval"), but weighting each list only by its own
 * confidence still let a weak embedder pull hybrid below BM25 (SciFact train nDCG@10 0.658
 * against 0.689 with the test model); weighting the semantic list by its agreement with
 * BM25 brought every embedder to BM25 or above on the data it was tuned on. On held-out data
 * (SciFact train folds, demo-query halves, paraphrases written without reading the papers;
 * src/bench/fusionHeldOut.ts) that first form, each list weighing its best z-score, still
 * fell below the better part on 6 of 16 sets (down to −0.022 nDCG@10); the semantic list now
 * weighs a quarter of BM25's times the square root of its agreement at depth 20, chosen on
 * half of those sets and below the better part on 2 of the 8 others (−0.011, −0.0003), both
 * within the set's noise (a 95% paired interval reaching 0). Weights growing faster with
 * agreement (agreement² and others) fell below on 4 to 6 of the 16 sets.
 * Figures: docs/BENCHMARKS.md and tests/search/evaluation.test.ts.
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

/** How many top rows of the semantic and the lexical list the agreement compares. */
export const AGREEMENT_DEPTH = 20;
/** The semantic list's weight against BM25's 1 when the two fully agree (see the file comment). */
export const SEMANTIC_WEIGHT = 0.25;

/** The semantic list's weight in hybrid search: SEMANTIC_WEIGHT × √agreement. */
export const semanticWeight = (agreement: number) => SEMANTIC_WEIGHT * Math.sqrt(agreement);

/** The two rankings of one query that hybrid search fuses, each best first. */
export interface HybridLists {
  semantic: readonly RankedRow[];
  lexical: readonly RankedRow[];
}

/** The share of `a`'s top `depth` rows that are also in `b`'s top `depth`. */
export function agreement(a: readonly RankedRow[], b: readonly RankedRow[], depth: number): number {
  const top = new Set(b.slice(0, depth).map(({ row }) => row));
  return a.slice(0, depth).filter(({ row }) => top.has(row)).length / depth;
}

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
 * Agreement-weighted z-score fusion of one query's semantic and lexical (BM25) rankings.
 * Each list's scores become z-scores over that list. The lexical list weighs 1; the semantic
 * list SEMANTIC_WEIGHT times the square root of its agreement with BM25: the share of its top
 * AGREEMENT_DEPTH rows that BM25 also ranks in its top AGREEMENT_DEPTH. BM25 is the anchor
 * because exact term matching is right about the papers it ranks high whatever the embedder
 * is, while the embedder may be a real MiniLM, the LSA fallback or a random-weights test
 * model: its list earns weight per query by finding papers BM25 also finds, and then
 * reorders and adds to them. A row missing from a list gets that list's lowest z-score (it
 * ranked below everything the list returned). A single non-empty list is returned as it is.
 * @example fuseScores({ semantic: semanticTop100, lexical: bm25Top100 }, 10) // => 10 rows, fused score best first
 * @param k  how many fused rows to return
 * @param semanticWeightOf  the semantic list's weight for an agreement (other forms are compared in src/bench/fusionHeldOut.ts)
 */
export function fuseScores(lists: HybridLists, k: number, semanticWeightOf: (agreement: number) => number = semanticWeight): RankedRow[] {
  const semantic = uniqueRows(lists.semantic);
  const lexical = uniqueRows(lists.lexical);
  if (semantic.length === 0 || lexical.length === 0) return (semantic.length > 0 ? semantic : lexical).slice(0, k);
  const semanticWeight = semanticWeightOf(agreement(semantic, lexical, AGREEMENT_DEPTH));
  const standardized = [standardize(semantic, semanticWeight), standardize(lexical, 1)];
  const scores = new Map<number, number>();
  // BM25's rows first, so ties keep its order.
  for (const row of [...lexical, ...semantic].map((r) => r.row)) {
    scores.set(row, standardized.reduce((sum, { z, weight, floor }) => sum + weight * (z.get(row) ?? floor), 0));
  }
  return rankFused(scores, k);
}
