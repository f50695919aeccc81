/**
 * @file Applies a FilterSpec to a loaded index: which rows pass, as a byte mask, and how
 * many. One pass over the typed arrays of facets.bin and the topic assignments; recent
 * filters are kept per index, so paging through one slice computes its mask once.
 */
import { FILTER_CACHE_SIZE } from '../config.js';
import { NO_MONTH } from '../facets/months.js';
import type { FacetIndex } from '../facets/facetIndex.js';
import { FilterError, isEmptyFilter, type FilterSpec } from './filterSpec.js';
import type { LoadedIndex } from './loadIndex.js';
import { LruCache } from './queryCache.js';

/** The rows a filter keeps. */
export interface RowFilter {
  spec: FilterSpec;
  /** 1 for a row that passes every filter; undefined when nothing is filtered (every row passes). */
  mask?: Uint8Array;
  /** How many rows pass. */
  matching: number;
  /** The passing rows, ascending (worked out on first use). */
  rows(): Uint32Array;
}

/** Rows of `mask` that are 1, ascending. */
function rowsOf(mask: Uint8Array, count: number): Uint32Array {
  const rows = new Uint32Array(count);
  for (let row = 0, n = 0; n < count; row++) if (mask[row] === 1) rows[n++] = row;
  return rows;
}

/** A RowFilter over `mask` (or over every row). */
export function rowFilterOf(spec: FilterSpec, mask: Uint8Array | undefined, total: number): RowFilter {
  let matching = total;
  if (mask) {
    matching = 0;
    for (let row = 0; row < mask.length; row++) matching += mask[row];
  }
  let rows: Uint32Array | undefined;
  return {
    spec,
    mask,
    matching,
    rows: () => (rows ??= mask ? rowsOf(mask, matching) : Uint32Array.from({ length: total }, (_, i) => i)),
  };
}

/** The cluster assignment array a topic id belongs to; throws FilterError for an id this index has not. */
function topicAssignments(index: LoadedIndex, topic: number): readonly number[] {
  const topics = index.topics;
  const cluster = topics.clusters.find((c) => c.id === topic);
  if (!cluster) throw new FilterError('topic', `topic ${topic} is not a topic of this index (see /api/map clusters)`);
  return cluster.level === 0 ? topics.coarseAssignments : topics.assignments;
}

/** Marks the category ids named in `names` (unknown names mark nothing: they match no paper). */
function categoryMarks(facets: FacetIndex, names: readonly string[]): Uint8Array {
  const marks = new Uint8Array(facets.categoryNames.length);
  const idOf = new Map(facets.categoryNames.map((name, id) => [name, id]));
  for (const name of names) {
    const id = idOf.get(name);
    if (id !== undefined) marks[id] = 1;
  }
  return marks;
}

/** One pass over every row: 1 where the date range, the categories and the topic all hold. */
function computeMask(index: LoadedIndex, spec: FilterSpec): Uint8Array {
  const { facets } = index;
  const { monthLo, monthHi, categoryStarts, categoryIds } = facets;
  const from = spec.from ?? 0;
  const to = spec.to ?? Number.MAX_SAFE_INTEGER;
  const dated = spec.from !== undefined || spec.to !== undefined;
  const marks = spec.cat && categoryMarks(facets, spec.cat);
  const assignments = spec.topic === undefined ? undefined : topicAssignments(index, spec.topic);
  const mask = new Uint8Array(index.papers.length);
  for (let row = 0; row < mask.length; row++) {
    // A year-only date passes when any month of its year is in range; no date never passes a date filter.
    if (dated && (monthHi[row] === NO_MONTH || monthLo[row] > to || monthHi[row] < from)) continue;
    if (assignments && assignments[row] !== spec.topic) continue;
    if (marks) {
      let any = 0;
      for (let e = categoryStarts[row]; e < categoryStarts[row + 1] && any === 0; e++) any = marks[categoryIds[e]];
      if (any === 0) continue;
    }
    mask[row] = 1;
  }
  return mask;
}

const caches = new WeakMap<LoadedIndex, LruCache<string, RowFilter>>();

/**
 * The rows of `index` that pass `spec`. Throws FilterError('topic') for a topic id the index
 * has not; an unknown category simply matches nothing.
 * @example resolveFilter(index, { cat: ['cs.CL'] }).matching // => 1904
 */
export function resolveFilter(index: LoadedIndex, spec: FilterSpec): RowFilter {
  if (isEmptyFilter(spec)) return rowFilterOf(spec, undefined, index.papers.length);
  let cache = caches.get(index);
  if (!cache) caches.set(index, (cache = new LruCache(FILTER_CACHE_SIZE)));
  const key = JSON.stringify(spec);
  let filter = cache.get(key);
  if (!filter) {
    filter = rowFilterOf(spec, computeMask(index, spec), index.papers.length);
    cache.set(key, filter);
  }
  return filter;
}
