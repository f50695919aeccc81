/**
 * @file Reciprocal rank fusion: merges several best-first rankings of the same papers
 * into one, using only ranks, so BM25 scores and cosines never need a common scale.
 */
import type { RankedRow } from './semantic.js';

/** RRF's k: damps the weight of the very first ranks (Cormack et al. 2009 use 60). */
export const RRF_K = 60;

/** One ranking to fuse, with an optional weight (1 by default). */
export interface FusionInput {
  rows: readonly RankedRow[];
  weight?: number;
}

/**
 * Fuses rankings by score(d) = Σ weight / (RRF_K + rank(d)), rank counted from 1.
 * A paper appears once however many lists hold it; ties go to the paper ranked
 * better in the earlier list, then to the lower row.
 * @example fuseRankings([{ rows: [{row: 3, score: .9}] }, { rows: [{row: 3, score: 7}, {row: 5, score: 2}] }], 2)
 * // => [{ row: 3, score: 0.0328 }, { row: 5, score: 0.0161 }]
 * @param k  how many fused rows to return
 */
export function fuseRankings(inputs: readonly FusionInput[], k: number): RankedRow[] {
  const scores = new Map<number, number>();
  const firstSeen = new Map<number, number>();
  let order = 0;
  for (const { rows, weight = 1 } of inputs) {
    const counted = new Set<number>();
    rows.forEach(({ row }, i) => {
      if (counted.has(row)) return; // a list should not repeat a row; if one does, its best rank counts
      counted.add(row);
      if (!firstSeen.has(row)) firstSeen.set(row, order++);
      scores.set(row, (scores.get(row) ?? 0) + weight / (RRF_K + i + 1));
    });
  }
  return [...scores]
    .map(([row, score]) => ({ row, score }))
    .sort((a, b) => b.score - a.score || firstSeen.get(a.row)! - firstSeen.get(b.row)!)
    .slice(0, k);
}
