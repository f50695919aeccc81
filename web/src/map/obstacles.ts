/**
 * @file The screen boxes map labels must leave clear: the query marker, the papers the
 * user is looking at (the open paper, search results) and the map's controls.
 */
import { toScreen, type Camera, type Viewport } from './camera.js';
import type { Box } from './labelPlacement.js';

export interface Highlighted {
  results: readonly number[];
  selected: number;
}

/** `queryBoxes`: the query's marker and its label, where they were placed (overlays.ts). */
export function labelObstacles(
  camera: Camera,
  view: Viewport,
  queryBoxes: readonly Box[],
  points: { xs: ArrayLike<number>; ys: ArrayLike<number> } | null,
  highlighted: Highlighted,
): Box[] {
  const boxes: Box[] = [...queryBoxes];
  if (!points) return boxes;
  const around = (i: number, r: number): void => {
    const [sx, sy] = toScreen(camera, view, points.xs[i], points.ys[i]);
    boxes.push({ left: sx - r, top: sy - r, width: 2 * r, height: 2 * r });
  };
  if (highlighted.selected >= 0) around(highlighted.selected, 11);
  for (const i of highlighted.results) around(i, 6);
  return boxes;
}

/** The map's own controls (zoom buttons, legends, the lasso button), in the map's coordinates. */
export function controlObstacles(root: HTMLElement): Box[] {
  const origin = root.getBoundingClientRect();
  const margin = 4;
  return [...root.querySelectorAll<HTMLElement>('.map-controls, .map-legend, .lasso-toggle, .collect-legend')]
    .filter((el) => !el.hidden && el.getClientRects().length > 0)
    .map((el) => {
      const box = el.getBoundingClientRect();
      return { left: box.left - origin.left - margin, top: box.top - origin.top - margin, width: box.width + 2 * margin, height: box.height + 2 * margin };
    });
}
