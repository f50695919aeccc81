/**
 * @file Nearest papers among those a filter keeps, planned per query as vector engines plan
 * filtered search. Three ways, whose costs were measured at 98,085 papers (docs/BENCHMARKS.md,
 * "Filtered search"):
 *   exact      score every passing row: cost grows with the passing rows;
 *   postfilter HNSW without a filter, over-fetching wanted / share candidates with a raised
 *              ef, keeping those that pass: cost grows as the share falls;
 *   callback   HNSW skipping failing rows through hnswlib's filter callback, ef raised by
 *              2 / √share: one call from C++ into JavaScript per visited node.
 * Up to FILTER_EXACT_SCAN_MAX_ROWS passing rows are scanned exactly; above, postfilter runs;
 * when too few of its candidates pass (a filter far from the query), callback runs; and when
 * that returns fewer than k while k rows pass, the exact scan answers: a filter never returns
 * fewer than k results while k papers match.
 */
import { FILTER_EXACT_SCAN_MAX_ROWS, FILTER_OVERFETCH } from '../config.js';
import { searchHnsw } from '../ann/hnsw.js';
import type { LoadedIndex } from './loadIndex.js';
import type { RowFilter } from './rowFilter.js';
import type { RankedRow } from '../ranking/rankedRow.js';
import { topRows } from '../ranking/topRows.js';
import { cosineToRow, cosineToRows, isZeroVector, nearestRows, type NearestOptions } from './semantic.js';

export const FILTER_STRATEGIES = ['exact', 'postfilter', 'callback'] as const;
export type FilterStrategy = (typeof FILTER_STRATEGIES)[number];

export interface FilteredOptions extends NearestOptions {
  /** Up to this many passing rows are scanned exactly (FILTER_EXACT_SCAN_MAX_ROWS unless given). */
  exactScanMaxRows?: number;
  /** The HNSW pass above that threshold (postfilter unless given; benchmarks compare them). */
  hnswStrategy?: Exclude<FilterStrategy, 'exact'>;
}

/** How a filtered query was answered: a strategy, `+exact` when the exact scan had to finish it. */
export type FilterPlan = 'unfiltered' | FilterStrategy | 'postfilter+callback' | `${Exclude<FilterStrategy, 'exact'>}+exact`;

/**
 * The `k` passing rows most similar to `query` by exact cosine, over every passing row.
 * @param rows  Candidate rows, ascending.
 */
export function exactNearest(index: LoadedIndex, query: ArrayLike<number>, k: number, rows: Uint32Array, exclude?: number): RankedRow[] {
  const scores = new Float64Array(rows.length);
  cosineToRows(index, query, rows, scores);
  if (exclude !== undefined) {
    const at = rows.indexOf(exclude);
    if (at >= 0) scores[at] = -Infinity;
  }
  return topRows(scores, k, -Infinity).map(({ row, score }) => ({ row: rows[row], score }));
}

/** HNSW candidates re-ranked by exact cosine, best first, cut to k. */
function rerank(index: LoadedIndex, query: ArrayLike<number>, rows: readonly number[], k: number): RankedRow[] {
  return rows.map((row) => ({ row, score: cosineToRow(index, query, row) })).sort((a, b) => b.score - a.score || a.row - b.row).slice(0, k);
}

/** Candidates HNSW is asked for: at least k, 3k or 50 for the exact re-rank. */
const wantedOf = (k: number, opts: NearestOptions) => Math.max(k, opts.candidates ?? Math.max(3 * k, 50));

/**
 * Unfiltered HNSW over-fetching wanted / share candidates with a raised ef, then the passing
 * ones. HNSW's order is least exact at the end of a long list, so the answer stands only when
 * the k-th passing candidate is in the first half of it: else [] (the caller goes on).
 */
function postfilterHnsw(index: LoadedIndex, query: ArrayLike<number>, k: number, filter: RowFilter, opts: NearestOptions): RankedRow[] {
  const mask = filter.mask!;
  const share = filter.matching / index.papers.length;
  const fetch = Math.min(FILTER_OVERFETCH.max, Math.ceil((FILTER_OVERFETCH.factor * wantedOf(k, opts)) / share));
  const saved = index.hnsw.getEf();
  index.hnsw.setEf(Math.max(saved, Math.ceil(FILTER_OVERFETCH.efFactor * fetch)));
  const found = searchHnsw(index.hnsw, query, fetch);
  index.hnsw.setEf(saved);
  const passing = found.rows.filter((row) => mask[row] === 1 && row !== opts.exclude);
  const kth = passing.length >= k ? found.rows.indexOf(passing[k - 1]) : -1;
  return kth >= 0 && kth < found.rows.length / 2 ? rerank(index, query, passing, k) : [];
}

/** A callback-filtered search's ef: this many times efSearch (or the candidates wanted) over √share, at most CALLBACK_MAX_EF. */
const CALLBACK_EF_FACTOR = 2;
const CALLBACK_MAX_EF = 1024;

/** HNSW skipping failing rows through a filter callback, ef raised by CALLBACK_EF_FACTOR / √share (capped). */
function callbackHnsw(index: LoadedIndex, query: ArrayLike<number>, k: number, filter: RowFilter, opts: NearestOptions): RankedRow[] {
  const mask = filter.mask!;
  const wanted = wantedOf(k, opts);
  const share = filter.matching / index.papers.length;
  const saved = index.hnsw.getEf();
  index.hnsw.setEf(Math.min(CALLBACK_MAX_EF, Math.ceil((CALLBACK_EF_FACTOR * Math.max(wanted, saved)) / Math.sqrt(share))));
  try {
    const found = searchHnsw(index.hnsw, query, Math.min(wanted, filter.matching), (row) => mask[row] !== 1 || row === opts.exclude);
    return rerank(index, query, found.rows, k);
  } finally {
    index.hnsw.setEf(saved);
  }
}

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
  const strategy = opts.hnswStrategy ?? 'postfilter';
  if (strategy === 'postfilter') {
    const rows = postfilterHnsw(index, query, k, filter, opts);
    if (rows.length >= possible) return { rows, plan: 'postfilter' };
  }
  // Candidates passing the filter were too few or too deep in the list: HNSW skipping failing rows.
  const rows = callbackHnsw(index, query, k, filter, opts);
  if (rows.length >= possible) return { rows, plan: strategy === 'postfilter' ? 'postfilter+callback' : 'callback' };
  return { rows: exactNearest(index, query, k, filter.rows(), opts.exclude), plan: `${strategy}+exact` };
}

/** The `k` papers passing `filter` most similar to paper `row`, never the paper itself. */
export function similarRows(index: LoadedIndex, row: number, k: number, filter: RowFilter): RankedRow[] {
  const vector = index.vectors.subarray(row * index.dims, (row + 1) * index.dims);
  return nearestFiltered(index, vector, k, filter, { exclude: row }).rows;
}
