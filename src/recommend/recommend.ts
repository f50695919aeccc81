/**
 * @file "More like these, not like those": recommendations from positive and negative example
 * papers of a loaded index. A method turns the examples into a direction (directions.ts); the
 * HNSW graph finds the papers nearest it, never an example, and they are re-ranked exactly.
 */
import { searchHnsw } from '../ann/hnsw.js';
import type { LoadedIndex } from '../search/loadIndex.js';
import type { RankedRow } from '../ranking/rankedRow.js';
import { rocchioDirection, svmDirection, type Examples, type VectorTable } from './directions.js';

export const RECOMMEND_METHODS = Object.freeze(['svm', 'rocchio'] as const);
export type RecommendMethod = (typeof RECOMMEND_METHODS)[number];

/** The method the API uses: it scored the higher precision@20 on arXiv categories (docs/BENCHMARKS.md). */
export const DEFAULT_RECOMMEND_METHOD: RecommendMethod = 'svm';

/** A row predicate from the caller (e.g. the API's filters): rows for which it is false are never returned. */
export type RowFilter = (row: number) => boolean;

export interface RecommendRequest extends Examples {
  k: number;
  method?: RecommendMethod;
  filter?: RowFilter;
}

/** HNSW candidates re-ranked exactly per request: the direction is not a paper, so search wider than for one. */
const MIN_CANDIDATES = 200;
const CANDIDATE_FACTOR = 5;

/** The direction `method` makes of the examples, unit norm; undefined when they give none. */
export function recommendDirection(table: VectorTable, examples: Examples, method: RecommendMethod = DEFAULT_RECOMMEND_METHOD): Float32Array | undefined {
  return method === 'svm' ? svmDirection(table, examples) : rocchioDirection(table, examples);
}

function cosineToRow({ vectors, dims }: VectorTable, direction: Float32Array, row: number): number {
  let dot = 0;
  for (let j = 0, off = row * dims; j < dims; j++) dot += direction[j] * vectors[off + j];
  return dot;
}

/** The `k` rows nearest `direction` by exact cosine among HNSW's candidates, skipping rows `skip` says to. */
export function nearestToDirection(index: LoadedIndex, direction: Float32Array, k: number, skip: (row: number) => boolean): RankedRow[] {
  const candidates = Math.max(k * CANDIDATE_FACTOR, MIN_CANDIDATES);
  const found = searchHnsw(index.hnsw, direction, candidates, skip);
  return found.rows
    .filter((row) => !skip(row))
    .map((row) => ({ row, score: cosineToRow(index, direction, row) }))
    .sort((a, b) => b.score - a.score || a.row - b.row)
    .slice(0, k);
}

/**
 * Recommends up to `k` papers like `pos` and unlike `neg` (rows of `index`), best first,
 * never one of the examples nor a row the filter rejects.
 * @example recommendPapers(index, { pos: [3, 17], neg: [5], k: 10 }) // => [{ row: 42, score: 0.61 }, …]
 */
export function recommendPapers(index: LoadedIndex, { pos, neg, k, method, filter }: RecommendRequest): RankedRow[] {
  const direction = recommendDirection(index, { pos, neg }, method);
  if (!direction) return [];
  const examples = new Set([...pos, ...neg]);
  const skip = filter ? (row: number) => examples.has(row) || !filter(row) : (row: number) => examples.has(row);
  return nearestToDirection(index, direction, k, skip);
}
