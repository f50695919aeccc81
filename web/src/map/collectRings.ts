/**
 * @file The ring colours of the layers a collection view and a lasso selection draw on the
 * map (web/src/collect), shared by the point scene and the legend.
 */

/** Layers drawn under the search's own highlights. */
export type CollectLayerName = 'picked' | 'recommended' | 'negative' | 'positive';

/** RGBA, 0..1. */
export const COLLECT_RINGS: Readonly<Record<CollectLayerName, readonly [number, number, number, number]>> = {
  picked: [1, 0.92, 0.35, 1],
  recommended: [0.2, 0.82, 1, 1],
  negative: [0.86, 0.36, 0.95, 1],
  positive: [0.3, 0.9, 0.42, 1],
};
