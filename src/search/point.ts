/**
 * @file Where a query lands on the 2D map: the weighted mean of the map positions of
 * the papers nearest to it, so the UI can show "your query is here".
 */
import type { RankedRow } from '../ranking/rankedRow.js';

/** A position on the map, in the map's own units. */
export interface MapPoint {
  x: number;
  y: number;
}

/** How many of the nearest papers place the query. */
export const POINT_NEIGHBOURS = 5;

/**
 * The similarity-weighted mean position of the first POINT_NEIGHBOURS `rows`.
 * Scores are weights (negative ones count as 0; if all are 0 the papers count equally).
 * @example queryPoint(new Float32Array([0, 0, 2, 2]), [{ row: 0, score: 1 }, { row: 1, score: 1 }]) // => { x: 1, y: 1 }
 * @param coords  row-major map coordinates [x0, y0, x1, y1, …]
 * @param rows  nearest papers, best first
 * @returns null when `rows` is empty (the query matches nothing)
 */
export function queryPoint(coords: Float32Array, rows: readonly RankedRow[]): MapPoint | null {
  const near = rows.slice(0, POINT_NEIGHBOURS);
  if (near.length === 0) return null;
  const weights = near.map(({ score }) => (Number.isFinite(score) && score > 0 ? score : 0));
  const total = weights.reduce((a, b) => a + b, 0);
  let x = 0;
  let y = 0;
  near.forEach(({ row }, i) => {
    const w = total > 0 ? weights[i] / total : 1 / near.length;
    x += w * coords[2 * row];
    y += w * coords[2 * row + 1];
  });
  return { x, y };
}
