/**
 * @file Placing a paper on a map that is already laid out: at the similarity-weighted mean of
 * its nearest laid-out papers. The build places non-landmark papers this way
 * (src/map/layout.ts), and `paperscope add` places new papers this way, so neither moves a
 * point that is already on the map.
 */
import type { Neighbours } from '../ann/hnsw.js';

/**
 * The position of a paper whose nearest laid-out rows are `near` (cosine distances).
 * @example weightedPosition({ rows: [0, 1], distances: [0, 0] }, Float32Array.of(0, 0, 2, 2)) // => [1, 1]
 */
export function weightedPosition(near: Neighbours, coords: Float32Array): [number, number] {
  // Squared similarity favours the closest rows; the floor keeps the weights positive.
  const weights = near.distances.map((d) => Math.max(1e-6, 1 - d) ** 2);
  const total = weights.reduce((a, b) => a + b, 0);
  let x = 0;
  let y = 0;
  near.rows.forEach((row, j) => {
    x += (weights[j] / total) * coords[2 * row];
    y += (weights[j] / total) * coords[2 * row + 1];
  });
  return [x, y];
}
