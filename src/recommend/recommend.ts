/**
 * @file "More like these, not like those": recommendations from positive and negative example
 * papers of a loaded index. A method turns the examples into a direction (directions.ts); the
 * HNSW graph finds the papers nearest it, never an example, and they are re-ranked exactly.
 */
import { searchHnsw } from '../ann/hnsw.js';
import { nearestFiltered } from '../search/filteredNearest.js';
import { cosineToRow } from '../search/semantic.js';
import type { LoadedIndex } from '../search/loadIndex.js';
import { rowFilterOf, type RowFilter } from '../search/rowFilter.js';
import type { RankedRow } from '../ranking/rankedRow.js';
import { rocchioDirection, svmDirection, type Examples, type VectorTable } from './directions.js';

export const RECOMMEND_METHODS = Object.freeze(['svm', 'rocchio'] as const);
export type RecommendMethod = (typeof RECOMMEND_METHODS)[number];

/** The method the API uses: it scored the higher precision@20 on arXiv categories (docs/BENCHMARKS.md). */
export const DEFAULT_RECOMMEND_METHOD: RecommendMethod = 'svm';

export interface RecommendRequest extends Examples {
  k: number;
  method?: RecommendMethod;
  /** Only papers passing it are recommended (API.md "Filters"); all papers when absent. */
  filter?: RowFilter;
}

/** HNSW candidates re-ranked exactly per request: the direction is not a paper, so search wider than for one. */
const MIN_CANDIDATES = 200;
const CANDIDATE_FACTOR = 5;

/** The direction `method` makes of the examples, unit norm; undefined when they give none. */
export function recommendDirection(table: VectorTable, examples: Examples, method: RecommendMethod = DEFAULT_RECOMMEND_METHOD): Float32Array | undefined {
  return method === 'svm' ? svmDirection(table, examples) : rocchioDirection(table, examples);
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

/** `filter` with `rows` taken out too. */
function withoutRows(filter: RowFilter, rows: ReadonlySet<number>, total: number): RowFilter {
  const mask = filter.mask ? Uint8Array.from(filter.mask) : new Uint8Array(total).fill(1);
  for (const row of rows) mask[row] = 0;
  return rowFilterOf(filter.spec, mask, total);
}

/**
 * Recommends up to `k` papers like `pos` and unlike `neg` (rows of `index`), best first,
 * never one of the examples nor a paper the filter leaves out. Filtered, the search is the
 * filtered search's own plan (exact scan or filtered HNSW), so it finds `k` papers whenever
 * `k` pass the filter.
 * @example recommendPapers(index, { pos: [3, 17], neg: [5], k: 10 }) // => [{ row: 42, score: 0.61 }, …]
 */
export function recommendPapers(index: LoadedIndex, { pos, neg, k, method, filter }: RecommendRequest): RankedRow[] {
  const direction = recommendDirection(index, { pos, neg }, method);
  if (!direction) return [];
  const examples = new Set([...pos, ...neg]);
  if (!filter?.mask) return nearestToDirection(index, direction, k, (row) => examples.has(row));
  return nearestFiltered(index, direction, k, withoutRows(filter, examples, index.papers.length)).rows;
}
