/**
 * @file Reads a loaded index's topic clusters, tolerating an index without any
 * (built before topics existed): every paper is then in cluster -1.
 */
import type { Topics } from '../map/topicTypes.js';
import type { LoadedIndex } from './loadIndex.js';

/** The index's topics, if it has them. */
export function topicsOf(index: LoadedIndex): Topics | undefined {
  return (index as LoadedIndex & { topics?: Topics }).topics;
}

/** The fine cluster id of paper `row`, or -1 when it has none. */
export function clusterOf(index: LoadedIndex, row: number): number {
  return topicsOf(index)?.assignments[row] ?? -1;
}

/** The coarse cluster id of paper `row`, or -1 when it has none. */
export function coarseClusterOf(index: LoadedIndex, row: number): number {
  return topicsOf(index)?.coarseAssignments[row] ?? -1;
}
