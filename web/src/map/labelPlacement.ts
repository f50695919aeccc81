/**
 * @file Which topic labels to show at the current zoom, and where: greedy
 * placement in priority order (bigger topics first), each centred on its
 * anchor or else just above or below it, skipping any label whose box would
 * overlap one already placed, cover an obstacle or leave the screen. Pure: no DOM.
 */

export interface LabelCandidate {
  id: number;
  /** Screen position of the label's centre (CSS px). */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Higher goes first. */
  priority: number;
}

export interface PlacedLabel extends LabelCandidate {
  left: number;
  top: number;
}

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface PlacementOptions {
  width: number;
  height: number;
  /** Boxes no label may cover (the query marker, highlighted papers). */
  obstacles?: readonly Box[];
  /** Empty space kept around every label (CSS px). */
  gap?: number;
  maxLabels?: number;
}

function overlaps(a: Box, b: Box, gap: number): boolean {
  return (
    a.left < b.left + b.width + gap &&
    b.left < a.left + a.width + gap &&
    a.top < b.top + b.height + gap &&
    b.top < a.top + a.height + gap
  );
}

/**
 * Place labels greedily by priority with bounding-box collision.
 * @example placeLabels([{ id: 1, x: 50, y: 50, width: 40, height: 16, priority: 9 },
 *                       { id: 2, x: 55, y: 52, width: 40, height: 16, priority: 3 }], { width: 200, height: 200 })
 * // => one label, id 1 (id 2 would overlap it)
 */
export function placeLabels(candidates: readonly LabelCandidate[], options: PlacementOptions): PlacedLabel[] {
  const gap = options.gap ?? 4;
  const maxLabels = options.maxLabels ?? Infinity;
  const obstacles = options.obstacles ?? [];
  const placed: PlacedLabel[] = [];
  const ordered = [...candidates].sort((a, b) => b.priority - a.priority || a.id - b.id);
  const fits = (label: PlacedLabel): boolean =>
    label.left >= 0 &&
    label.top >= 0 &&
    label.left + label.width <= options.width &&
    label.top + label.height <= options.height &&
    !placed.some((other) => overlaps(label, other, gap)) &&
    !obstacles.some((box) => overlaps(label, box, 0));
  for (const candidate of ordered) {
    if (placed.length >= maxLabels) break;
    // Centred on its anchor if there is room, else just above or below it.
    for (const shift of [0, -(candidate.height + gap), candidate.height + gap]) {
      const label = { ...candidate, left: candidate.x - candidate.width / 2, top: candidate.y + shift - candidate.height / 2 };
      if (fits(label)) {
        placed.push(label);
        break;
      }
    }
  }
  return placed;
}
