/**
 * @file The shape of the topic map saved with an index (topics.json) and
 * served in /api/map: clusters of papers with readable labels, on two levels.
 */

export interface TopicCluster {
  /** Cluster id, unique across both levels; papers in no cluster have -1. */
  id: number;
  /** 1 to 3 distinctive terms joined with " · ", e.g. "mixture of experts · routing". */
  label: string;
  size: number;
  /** Centroid on the 2D map. */
  x: number;
  y: number;
  /** 0 = coarse (shown zoomed out), 1 = fine (shown zoomed in). */
  level: 0 | 1;
  /** For a fine cluster, the coarse cluster that contains it. */
  parent?: number;
}

export interface Topics {
  /** Per paper row: its fine cluster id (or -1). */
  assignments: number[];
  /** Per paper row: its coarse cluster id (or -1). */
  coarseAssignments: number[];
  /** Coarse clusters first (ids 0, 1, …), then fine ones; largest first within a level. */
  clusters: TopicCluster[];
  /**
   * Per cluster id, its size when its label was chosen, once `paperscope add` has grown it
   * (src/map/assignTopics.ts); absent, each cluster's label fits its `size`.
   */
  labelSizes?: number[];
}
