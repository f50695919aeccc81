/**
 * @file Where the "your query" label sits beside the query's marker: on the first side
 * (right above, left above, right below, left below) where it covers no point it must
 * leave clear (the open paper) and stays inside the map; failing that, on the side that
 * covers fewest and sticks out least. Pure: no DOM.
 */
import type { Viewport } from './camera.js';
import type { Box } from './labelPlacement.js';

/** A point on screen that must stay visible, with the radius of its ring (CSS px). */
export interface Circle {
  x: number;
  y: number;
  r: number;
}

/** The label's near edge from the marker's centre, sideways (CSS px): just past the marker's ring. */
const SIDE = 15;
/** The label's far edge from the marker's centre, up or down (CSS px). */
const RISE = 25;

/** The label's box on each side of a marker at (sx, sy), in order of preference. */
function sides(sx: number, sy: number, width: number, height: number): Box[] {
  const [right, left] = [sx + SIDE, sx - SIDE - width];
  const [above, below] = [sy - RISE, sy + RISE - height];
  return [
    { left: right, top: above, width, height },
    { left, top: above, width, height },
    { left: right, top: below, width, height },
    { left, top: below, width, height },
  ];
}

function covers(box: Box, circle: Circle): boolean {
  const nearestX = Math.min(Math.max(circle.x, box.left), box.left + box.width);
  const nearestY = Math.min(Math.max(circle.y, box.top), box.top + box.height);
  return Math.hypot(circle.x - nearestX, circle.y - nearestY) < circle.r;
}

/** How far (CSS px, summed over the four edges) a box sticks out of the view. */
function overhang(box: Box, view: Viewport): number {
  return Math.max(0, -box.left) + Math.max(0, -box.top) + Math.max(0, box.left + box.width - view.width) + Math.max(0, box.top + box.height - view.height);
}

/** The label's box for a marker at (sx, sy): clear of `keepClear` where any side allows, else the least bad side. */
export function queryLabelBox(sx: number, sy: number, size: Viewport, keepClear: readonly Circle[], view: Viewport): Box {
  let best: Box | null = null;
  let bestCost = Infinity;
  for (const box of sides(sx, sy, size.width, size.height)) {
    // Covering a point outweighs any overhang: the label can stick out, the open paper must show.
    const cost = keepClear.filter((circle) => covers(box, circle)).length * 1e6 + overhang(box, view);
    if (cost < bestCost) [best, bestCost] = [box, cost];
  }
  return best!;
}
