/**
 * @file Counts for a slice of the papers (GET /api/facets): how many fall in each month,
 * category and topic. Reads only typed arrays (facets.bin, topic assignments).
 */
import { monthText } from '../facets/months.js';
import type { LoadedIndex } from './loadIndex.js';

export interface FacetCounts {
  matching: number;
  /** Papers dated to the month, by month ascending (year-only dates are in no month). */
  months: Array<{ month: string; count: number }>;
  /** Most papers first, then by name. */
  categories: Array<{ name: string; count: number }>;
  /** Clusters of both levels, most papers first, then by id. */
  topics: Array<{ id: number; count: number }>;
}

/** Adds one to `counts[key]`. */
const bump = (counts: Map<number, number>, key: number) => counts.set(key, (counts.get(key) ?? 0) + 1);

/** Entries of a count map, most first and then by key. */
const byCount = (counts: Map<number, number>) => [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0]);

/**
 * The facet counts of `rows` (each counted once).
 * @example countFacets(index, [3, 17]).categories // => [{ name: 'cs.CL', count: 2 }, …]
 */
export function countFacets(index: LoadedIndex, rows: Iterable<number>): FacetCounts {
  const { monthLo, monthHi, categoryStarts, categoryIds, categoryNames } = index.facets;
  const topics = index.topics;
  const months = new Map<number, number>();
  const categories = new Map<number, number>();
  const clusters = new Map<number, number>();
  let matching = 0;
  for (const row of rows) {
    matching++;
    if (monthLo[row] !== 0 && monthLo[row] === monthHi[row]) bump(months, monthLo[row]);
    for (let e = categoryStarts[row]; e < categoryStarts[row + 1]; e++) bump(categories, categoryIds[e]);
    for (const cluster of new Set([topics.assignments[row], topics.coarseAssignments[row]])) if (cluster >= 0) bump(clusters, cluster);
  }
  return {
    matching,
    months: [...months].sort((a, b) => a[0] - b[0]).map(([code, count]) => ({ month: monthText(code), count })),
    categories: byCount(categories).map(([id, count]) => ({ name: categoryNames[id], count })),
    topics: byCount(clusters).map(([id, count]) => ({ id, count })),
  };
}
