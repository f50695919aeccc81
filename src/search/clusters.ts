/**
 * @file Reads a loaded index's topic clusters per paper. Every index has topics (schema 3
 * on), but a paper in no cluster (an outlier of the community detection) is in cluster -1.
 */
import type { LoadedIndex } from './loadIndex.js';

/** The fine cluster id of paper `row`, or -1 when it has none. */
export function clusterOf(index: LoadedIndex, row: number): number {
  return index.topics.assignments[row] ?? -1;
}

/** The coarse cluster id of paper `row`, or -1 when it has none. */
export function coarseClusterOf(index: LoadedIndex, row: number): number {
  return index.topics.coarseAssignments[row] ?? -1;
}
