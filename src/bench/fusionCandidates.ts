/**
 * @file The fusions compared with hybrid search's on the held-out bench (fusionHeldOut.ts):
 * other weights of the semantic list in the same z-score fusion, including the agreement
 * weighting hybrid used before; other normalizations (min-max and theoretical min-max convex
 * combinations, CombMNZ; Bruch et al. 2023); and reciprocal rank fusion with other k and
 * weights. Each takes the same two top-100 lists of one query.
 */
import { fuseScores, type HybridLists } from '../search/hybrid.js';
import type { RankedRow } from '../ranking/rankedRow.js';

export type Fusion = (lists: HybridLists, k: number) => RankedRow[];

/** The share of `a`'s top `depth` rows that are also in `b`'s top `depth`: the signal of the weighting hybrid used before. */
export function agreement(a: readonly RankedRow[], b: readonly RankedRow[], depth: number): number {
  const top = new Set(b.slice(0, depth).map(({ row }) => row));
  return a.slice(0, depth).filter(({ row }) => top.has(row)).length / depth;
}

/** Maps a best-first list's scores onto a common scale, from the list's scores. */
type Normalizer = (rows: readonly RankedRow[]) => (score: number) => number;

const lowest = (rows: readonly RankedRow[]) => Math.min(...rows.map((r) => r.score));

const minMax: Normalizer = (rows) => {
  const [min, max] = [lowest(rows), rows[0].score];
  return (score) => (max > min ? (score - min) / (max - min) : 0);
};

/** Theoretical min-max: the lowest possible score (BM25 0, cosine −1) to the list's best. */
const fromBound = (bound: number): Normalizer => (rows) => (score) => (score - bound) / (rows[0].score - bound || 1);

interface NormalizedFusion {
  semantic: Normalizer;
  lexical: Normalizer;
  semanticWeight: number;
  /** CombMNZ: multiply a row's sum by how many lists returned it; a missing row then counts 0, else its list's lowest. */
  mnz?: boolean;
}

/** Weighted sum of normalized scores (BM25 weighs 1); ties keep BM25's order. */
function fuseNormalized({ semantic, lexical }: HybridLists, k: number, how: NormalizedFusion): RankedRow[] {
  if (semantic.length === 0 || lexical.length === 0) return (semantic.length > 0 ? semantic : lexical).slice(0, k);
  const lists = ([[semantic, how.semantic, how.semanticWeight], [lexical, how.lexical, 1]] as const).map(([rows, normalizer, weight]) => {
    const scale = normalizer(rows);
    return { scores: new Map(rows.map(({ row, score }) => [row, scale(score)])), missing: how.mnz ? 0 : scale(lowest(rows)), weight };
  });
  const rows = [...new Set([...lexical, ...semantic].map((r) => r.row))];
  const fused = rows.map((row) => {
    const sum = lists.reduce((total, l) => total + l.weight * (l.scores.get(row) ?? l.missing), 0);
    return { row, score: how.mnz ? sum * lists.filter((l) => l.scores.has(row)).length : sum };
  });
  return fused.sort((a, b) => b.score - a.score).slice(0, k);
}

/** Reciprocal rank fusion with its k and the semantic list's weight (BM25 weighs 1). */
function weightedRrf({ semantic, lexical }: HybridLists, k: number, rrfK: number, semanticWeight: number): RankedRow[] {
  const scores = new Map<number, number>();
  for (const [rows, weight] of [[lexical, 1], [semantic, semanticWeight]] as const) {
    rows.forEach(({ row }, i) => scores.set(row, (scores.get(row) ?? 0) + weight / (rrfK + i + 1)));
  }
  return [...scores].map(([row, score]) => ({ row, score })).sort((a, b) => b.score - a.score).slice(0, k);
}

/** Spread of a list's top 10 in standard deviations of the list: how sharply it picks its best. */
function topSpread(rows: readonly RankedRow[]): number {
  const mean = rows.reduce((sum, r) => sum + r.score, 0) / rows.length;
  const sd = Math.sqrt(rows.reduce((sum, r) => sum + (r.score - mean) ** 2, 0) / rows.length);
  return sd > 0 ? (rows[0].score - rows[Math.min(9, rows.length - 1)].score) / sd : 0;
}

const zWeighted = (weightOf: (lists: HybridLists) => number): Fusion => (lists, k) => fuseScores(lists, k, weightOf);

/** The fusion hybrid search used before this comparison: semantic weight 0.25 × √(agreement with BM25's top 20). */
export const previousHybrid = zWeighted(({ semantic, lexical }) => 0.25 * Math.sqrt(agreement(semantic, lexical, 20)));

/** The candidates, by the name the bench prints. */
export const CANDIDATES: Record<string, Fusion> = {
  'z, semantic 0.2': zWeighted(() => 0.2),
  'z, semantic 0.3': zWeighted(() => 0.3),
  'z, semantic agreement²': zWeighted(({ semantic, lexical }) => agreement(semantic, lexical, 20) ** 2),
  'z, semantic 0.25 × min(1, spread ratio)': zWeighted(({ semantic, lexical }) => 0.25 * Math.min(1, topSpread(semantic) / (topSpread(lexical) || 1))),
  'min-max, semantic 0.25': (lists, k) => fuseNormalized(lists, k, { semantic: minMax, lexical: minMax, semanticWeight: 0.25 }),
  'theoretical min-max, semantic 1': (lists, k) => fuseNormalized(lists, k, { semantic: fromBound(-1), lexical: fromBound(0), semanticWeight: 1 }),
  'CombMNZ (min-max)': (lists, k) => fuseNormalized(lists, k, { semantic: minMax, lexical: minMax, semanticWeight: 1, mnz: true }),
  'RRF k 1, semantic 0.25': (lists, k) => weightedRrf(lists, k, 1, 0.25),
  'RRF k 60, semantic 0.5': (lists, k) => weightedRrf(lists, k, 60, 0.5),
};
