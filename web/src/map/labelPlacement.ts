/**
 * @file Which labels to show at the current zoom, and where: greedy placement in
 * priority order (bigger topics first), each centred on its anchor or else just above
 * or below it, moved inside the screen rather than dropped at its edge, skipping any
 * label whose box would overlap one already placed or cover an obstacle (the map's
 * controls, the query marker), and any whose text is already shown. Pure: no DOM.
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
  /** What it reads; a label whose text is already placed is skipped. */
  text?: string;
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

/** How far (CSS px) a label may slide sideways from its anchor, in steps of SLIDE_STEP. */
const SLIDE = 240;
const SLIDE_STEP = 24;

/** Offsets from the anchor to try, best first: centred, above, below, then sliding sideways. */
function positions(rowStep: number): [number, number][] {
  const rows = [0, -rowStep, rowStep];
  const out: [number, number][] = rows.map((dy) => [0, dy]);
  for (let dx = SLIDE_STEP; dx <= SLIDE; dx += SLIDE_STEP) for (const dy of rows) out.push([-dx, dy], [dx, dy]);
  return out;
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
  const texts = new Set<string>();
  const ordered = [...candidates].sort((a, b) => b.priority - a.priority || a.id - b.id);
  const fits = (label: PlacedLabel): boolean => !placed.some((other) => overlaps(label, other, gap)) && !obstacles.some((box) => overlaps(label, box, 0));
  const clamp = (value: number, max: number) => Math.max(0, Math.min(max, value));
  for (const candidate of ordered) {
    if (placed.length >= maxLabels) break;
    const text = candidate.text?.trim().toLowerCase();
    if (text && texts.has(text)) continue;
    const width = Math.min(candidate.width, options.width);
    // Centred on its anchor if there is room, else just above or below it, else slid
    // sideways (past a control at the edge); always on screen.
    for (const [dx, dy] of positions(candidate.height + gap)) {
      const left = clamp(candidate.x + dx - width / 2, options.width - width);
      const top = clamp(candidate.y + dy - candidate.height / 2, options.height - candidate.height);
      const label = { ...candidate, width, left, top };
      if (fits(label)) {
        placed.push(label);
        if (text) texts.add(text);
        break;
      }
    }
  }
  return placed;
}
