/**
 * @file Nearest papers among those a filter keeps, planned per query as vector engines plan
 * filtered search: few passing rows are scanned exactly (cost ∝ passing rows); many are
 * searched with HNSW, which skips failing rows through a filter callback and gets a raised
 * ef (cost ∝ 1 / selectivity). If HNSW still returns fewer than k while k rows pass, the
 * exact scan answers: a filter never returns fewer than k results while k papers match.
 * The threshold between the two was measured at 98,085 papers (docs/BENCHMARKS.md).
 */
import { FILTER_EXACT_SCAN_MAX_ROWS } from '../config.js';
import { searchHnsw } from '../ann/hnsw.js';
import type { LoadedIndex } from './loadIndex.js';
import type { RowFilter } from './rowFilter.js';
import type { RankedRow } from '../ranking/rankedRow.js';
import { topRows } from '../ranking/topRows.js';
import { cosineToRow, isZeroVector, nearestRows, type NearestOptions } from './semantic.js';

export interface FilteredOptions extends NearestOptions {
  /** Up to this many passing rows are scanned exactly (FILTER_EXACT_SCAN_MAX_ROWS unless given). */
  exactScanMaxRows?: number;
}

/** How a filtered query was answered (benchmarks report it). */
export type FilterPlan = 'unfiltered' | 'exact' | 'hnsw' | 'hnsw+exact';

/**
 * The `k` passing rows most similar to `query` by exact cosine, over every passing row.
 * @param rows  Candidate rows, ascending.
 */
export function exactNearest(index: LoadedIndex, query: ArrayLike<number>, k: number, rows: Uint32Array, exclude?: number): RankedRow[] {
  const scores = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) scores[i] = rows[i] === exclude ? -Infinity : cosineToRow(index, query, rows[i]);
  return topRows(scores, k, -Infinity).map(({ row, score }) => ({ row: rows[row], score }));
}

/** HNSW candidates with failing rows skipped, ef raised by the inverse of the selectivity (capped). */
function filteredHnsw(index: LoadedIndex, query: ArrayLike<number>, k: number, filter: RowFilter, opts: NearestOptions): RankedRow[] {
  const mask = filter.mask!;
  const wanted = Math.max(k, opts.candidates ?? Math.max(3 * k, 50));
  const selectivity = filter.matching / index.papers.length;
  const ef = Math.min(FILTER_MAX_EF, Math.ceil(Math.max(wanted, index.hnsw.getEf()) / Math.sqrt(selectivity)));
  const saved = index.hnsw.getEf();
  index.hnsw.setEf(ef);
  try {
    const found = searchHnsw(index.hnsw, query, Math.min(wanted, filter.matching), (row) => mask[row] !== 1 || row === opts.exclude);
    return found.rows.map((row) => ({ row, score: cosineToRow(index, query, row) })).sort((a, b) => b.score - a.score || a.row - b.row).slice(0, k);
  } finally {
    index.hnsw.setEf(saved);
  }
}

/** The highest ef a filtered HNSW search raises to: beyond it the exact scan is cheaper. */
const FILTER_MAX_EF = 1024;

/**
 * The `k` rows passing `filter` most similar to `query`, best first, and how they were found.
 * @example nearestFiltered(index, vector, 10, resolveFilter(index, { cat: ['cs.CL'] })).rows.length // => 10
 */
export function nearestFiltered(index: LoadedIndex, query: ArrayLike<number>, k: number, filter: RowFilter, opts: FilteredOptions = {}): { rows: RankedRow[]; plan: FilterPlan } {
  if (!filter.mask) return { rows: nearestRows(index, query, k, opts), plan: 'unfiltered' };
  if (isZeroVector(query) || filter.matching === 0) return { rows: [], plan: 'exact' };
  const excluded = opts.exclude !== undefined && filter.mask[opts.exclude] === 1 ? 1 : 0;
  const possible = Math.min(k, filter.matching - excluded);
  if (filter.matching <= (opts.exactScanMaxRows ?? FILTER_EXACT_SCAN_MAX_ROWS)) return { rows: exactNearest(index, query, k, filter.rows(), opts.exclude), plan: 'exact' };
  const rows = filteredHnsw(index, query, k, filter, opts);
  if (rows.length >= possible) return { rows, plan: 'hnsw' };
  return { rows: exactNearest(index, query, k, filter.rows(), opts.exclude), plan: 'hnsw+exact' };
}

/** The `k` papers passing `filter` most similar to paper `row`, never the paper itself. */
export function similarRows(index: LoadedIndex, row: number, k: number, filter: RowFilter): RankedRow[] {
  const vector = index.vectors.subarray(row * index.dims, (row + 1) * index.dims);
  return nearestFiltered(index, vector, k, filter, { exclude: row }).rows;
}
