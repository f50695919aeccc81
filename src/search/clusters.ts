/**
 * @file Reads a loaded index's topic clusters per paper. An index built before topics
 * existed loads with empty topics, so its papers are in cluster -1.
 */
import type { Topics } from '../map/topicTypes.js';
import type { LoadedIndex } from './loadIndex.js';

/** The index's topics, if it has any. */
export function topicsOf(index: LoadedIndex): Topics | undefined {
  return index.topics as Topics | undefined;
}

/** The fine cluster id of paper `row`, or -1 when it has none. */
export function clusterOf(index: LoadedIndex, row: number): number {
  return topicsOf(index)?.assignments[row] ?? -1;
}

/** The coarse cluster id of paper `row`, or -1 when it has none. */
export function coarseClusterOf(index: LoadedIndex, row: number): number {
  return topicsOf(index)?.coarseAssignments[row] ?? -1;
}
