/**
 * @file The unit every ranking in search passes around: BM25, semantic, fusion, the map point.
 */

/** One ranked paper: its row in the index and a higher-is-better score. */
export interface RankedRow {
  row: number;
  score: number;
}
