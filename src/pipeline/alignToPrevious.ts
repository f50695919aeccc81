/**
 * @file Keeps the map's orientation across full rebuilds: a new layout is turned, scaled and
 * shifted (Procrustes, src/map/procrustes.ts) onto the map of the index it replaces, fitted
 * over the papers both hold with the same text, so the field doesn't flip or rotate between
 * builds. Runs in the build, between the layout and the topics.
 */
import { ARTIFACT_FILES, float32Rows, loadArtifact, parsePapers, readManifest } from '../store/indexFolder.js';
import { paperText } from '../corpus/text.js';
import type { Paper } from '../corpus/paper.js';
import { applySimilarity, fitSimilarity } from '../map/procrustes.js';

/** Fewest shared papers worth aligning on: below it the previous map says little about the new one. */
const MIN_SHARED = 3;

export interface Alignment {
  /** Papers in both indexes with the same text: what the alignment is fitted on. */
  unchanged: number;
  /** Their mean distance, in map units, between the previous map and the aligned new one. */
  meanDisplacement: number;
  /** The same as a share of the previous map's diagonal. */
  relativeDisplacement: number;
}

interface PreviousMap {
  rowOf: Map<string, { row: number; text: string }>;
  coords: Float32Array;
}

async function readPreviousMap(dir: string): Promise<PreviousMap | undefined> {
  try {
    const manifest = await readManifest(dir);
    const [papers, coords] = await Promise.all([
      loadArtifact(dir, manifest, ARTIFACT_FILES.papers, (bytes, file) => parsePapers(bytes, file, manifest.papers)),
      loadArtifact(dir, manifest, ARTIFACT_FILES.map, (bytes, file) => float32Rows(bytes, file, manifest.papers, 2)),
    ]);
    return { rowOf: new Map(papers.map((p, row) => [p.id, { row, text: paperText(p) }])), coords };
  } catch {
    // No previous index, or one that doesn't load: nothing to align to.
    return undefined;
  }
}

function diagonal(coords: Float32Array): number {
  const xs = coords.filter((_, i) => i % 2 === 0);
  const ys = coords.filter((_, i) => i % 2 === 1);
  return Math.hypot(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys)) || 1;
}

/**
 * `coords` (the new map of `papers`) aligned to the map of the index now in `dir`, with how far
 * the unchanged papers moved; `coords` as they are when there is no usable previous map.
 */
export async function alignToPrevious(dir: string, papers: readonly Paper[], coords: Float32Array): Promise<{ coords: Float32Array; alignment?: Alignment }> {
  const previous = await readPreviousMap(dir);
  if (!previous) return { coords };
  const pairs: [number, number][] = [];
  papers.forEach((p, row) => {
    const old = previous.rowOf.get(p.id);
    if (old && old.text === paperText(p)) pairs.push([row, old.row]);
  });
  if (pairs.length < MIN_SHARED) return { coords };
  const from = new Float32Array(pairs.length * 2);
  const to = new Float32Array(pairs.length * 2);
  pairs.forEach(([row, oldRow], i) => {
    from.set(coords.subarray(2 * row, 2 * row + 2), 2 * i);
    to.set(previous.coords.subarray(2 * oldRow, 2 * oldRow + 2), 2 * i);
  });
  const aligned = applySimilarity(coords, fitSimilarity(from, to));
  const moved = pairs.reduce((sum, [row, oldRow]) => sum + Math.hypot(aligned[2 * row] - previous.coords[2 * oldRow], aligned[2 * row + 1] - previous.coords[2 * oldRow + 1]), 0);
  const meanDisplacement = moved / pairs.length;
  return { coords: aligned, alignment: { unchanged: pairs.length, meanDisplacement, relativeDisplacement: meanDisplacement / diagonal(previous.coords) } };
}

/** One line for the build log, e.g. "map: aligned to the previous map over 9,800 unchanged papers; they moved 0.41 map units on average (1.2% of its diagonal)". */
export function describeAlignment(a: Alignment): string {
  return `map: aligned to the previous map over ${a.unchanged.toLocaleString('en-US')} unchanged papers; they moved ${a.meanDisplacement.toFixed(2)} map units on average (${(100 * a.relativeDisplacement).toFixed(1)}% of its diagonal)`;
}
