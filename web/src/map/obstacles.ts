/**
 * @file The screen boxes map labels must leave clear: the query marker and the papers
 * the user is looking at (the open paper, search results).
 */
import { toScreen, type Camera, type Viewport } from './camera.js';
import type { Box } from './labelPlacement.js';

export interface Highlighted {
  results: readonly number[];
  selected: number;
}

export function labelObstacles(
  camera: Camera,
  view: Viewport,
  queryPoint: { x: number; y: number } | null,
  points: { xs: ArrayLike<number>; ys: ArrayLike<number> } | null,
  highlighted: Highlighted,
): Box[] {
  const boxes: Box[] = [];
  if (queryPoint) {
    const [sx, sy] = toScreen(camera, view, queryPoint.x, queryPoint.y);
    boxes.push({ left: sx - 13, top: sy - 30, width: 110, height: 44 });
  }
  if (!points) return boxes;
  const around = (i: number, r: number): void => {
    const [sx, sy] = toScreen(camera, view, points.xs[i], points.ys[i]);
    boxes.push({ left: sx - r, top: sy - r, width: 2 * r, height: 2 * r });
  };
  if (highlighted.selected >= 0) around(highlighted.selected, 11);
  for (const i of highlighted.results) around(i, 6);
  return boxes;
}
