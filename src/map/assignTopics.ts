/**
 * @file Topics for papers added to a built map (`paperscope add`): each new or changed paper
 * joins the fine and coarse clusters its nearest existing papers mostly belong to, cluster
 * sizes and centroids follow, and a cluster that has grown by TOPIC_RELABEL_GROWTH since its
 * label was chosen is labelled again (from ADD_LABEL_SAMPLE papers per cluster). No existing
 * paper changes cluster.
 */
import { ADD_LABEL_SAMPLE, TOPIC_RELABEL_GROWTH } from '../config.js';
import type { Neighbours } from '../ann/hnsw.js';
import { labelPartitions } from './topicLabels.js';
import type { TopicCluster, Topics } from './topicTypes.js';

/** A paper to (re)assign: its row and its nearest existing papers. */
export interface PlacedPaper {
  row: number;
  near: Neighbours;
}

export interface TopicUpdate {
  /** The topics before the add, over the old rows. */
  topics: Topics;
  /** Map coordinates before the add (old rows) and after it (every row). */
  oldCoords: Float32Array;
  coords: Float32Array;
  /** New and changed papers; rows past the old count are new. */
  placed: readonly PlacedPaper[];
  /** The text of a row after the add, for labels; read only when a label is chosen again. */
  textOf: (row: number) => string;
}

/** The cluster id (or -1) with the most similarity-weighted votes among `near`; ties go to the lower id. */
function vote(near: Neighbours, labels: readonly number[]): number {
  const tally = new Map<number, number>();
  near.rows.forEach((row, j) => tally.set(labels[row], (tally.get(labels[row]) ?? 0) + Math.max(1e-6, 1 - near.distances[j]) ** 2));
  let best = -1;
  let bestWeight = -1;
  for (const [id, weight] of tally) {
    if (weight > bestWeight || (weight === bestWeight && id < best)) [best, bestWeight] = [id, weight];
  }
  return best;
}

/** Moves cluster `id`'s size and centroid by one paper at (x, y): `sign` 1 adds it, -1 removes it. */
function shift(clusters: Map<number, TopicCluster>, id: number, x: number, y: number, sign: 1 | -1): void {
  const c = clusters.get(id);
  if (!c) return;
  const size = c.size + sign;
  c.x = size > 0 ? (c.x * c.size + sign * x) / size : c.x;
  c.y = size > 0 ? (c.y * c.size + sign * y) / size : c.y;
  c.size = size;
}

/**
 * The topics after an add.
 * @example assignTopics({ topics, oldCoords, coords, placed: [{ row: 120, near }], texts }).assignments[120] // => 7
 */
export function assignTopics(update: TopicUpdate): Topics {
  const { topics, oldCoords, coords, placed } = update;
  const clusters = topics.clusters.map((c) => ({ ...c }));
  const byId = new Map(clusters.map((c) => [c.id, c]));
  const fine = [...topics.assignments];
  const coarse = [...topics.coarseAssignments];
  const oldRows = fine.length;
  for (const { row } of placed) {
    if (row >= oldRows) continue;
    shift(byId, fine[row], oldCoords[2 * row], oldCoords[2 * row + 1], -1);
    shift(byId, coarse[row], oldCoords[2 * row], oldCoords[2 * row + 1], -1);
  }
  // Votes read the old assignments only: every neighbour is an existing, unchanged paper.
  const votes = placed.map(({ near }) => [vote(near, topics.assignments), vote(near, topics.coarseAssignments)]);
  placed.forEach(({ row }, i) => {
    [fine[row], coarse[row]] = votes[i];
    shift(byId, fine[row], coords[2 * row], coords[2 * row + 1], 1);
    shift(byId, coarse[row], coords[2 * row], coords[2 * row + 1], 1);
  });
  const next: Topics = { assignments: fine, coarseAssignments: coarse, clusters, labelSizes: topics.labelSizes ?? topics.clusters.map((c) => c.size) };
  relabelGrown(next, update.textOf);
  return next;
}

/**
 * The rows of each cluster that are read for its label: at most ADD_LABEL_SAMPLE, evenly spread
 * over the cluster's rows; the others get -1 (in no class) in the returned copy of `classes`.
 */
function sampleClasses(classes: readonly number[]): number[] {
  const rowsOf = new Map<number, number[]>();
  classes.forEach((c, row) => {
    if (c < 0) return;
    const rows = rowsOf.get(c);
    if (rows) rows.push(row);
    else rowsOf.set(c, [row]);
  });
  const sampled = new Array<number>(classes.length).fill(-1);
  for (const [c, rows] of rowsOf) {
    const step = Math.max(1, rows.length / ADD_LABEL_SAMPLE);
    for (let i = 0; i < rows.length; i += step) sampled[rows[Math.floor(i)]] = c;
  }
  return sampled;
}

/**
 * Labels again, in place, every cluster that has grown by TOPIC_RELABEL_GROWTH since its label
 * was chosen. Every cluster still takes part (c-TF-IDF scores a cluster's terms against all the
 * others), read from a smaller sample than the build's, so that an add stays cheap.
 */
function relabelGrown(topics: Topics, textOf: (row: number) => string): void {
  const labelSizes = topics.labelSizes!;
  const grown = topics.clusters.filter((c) => c.size >= Math.ceil(labelSizes[c.id] * (1 + TOPIC_RELABEL_GROWTH)));
  if (grown.length === 0) return;
  const coarseCount = topics.clusters.filter((c) => c.level === 0).length;
  const fineCount = topics.clusters.length - coarseCount;
  const coarse = sampleClasses(topics.coarseAssignments);
  const fine = sampleClasses(topics.assignments.map((id) => (id < 0 ? -1 : id - coarseCount)));
  // Only sampled rows are read, so only their records are parsed.
  const texts = coarse.map((c, row) => (c >= 0 || fine[row] >= 0 ? textOf(row) : ''));
  const [coarseLabels, fineLabels] = labelPartitions(texts, [coarse, fine], [coarseCount, fineCount]);
  for (const c of grown) {
    c.label = c.level === 0 ? coarseLabels[c.id] : fineLabels[c.id - coarseCount];
    labelSizes[c.id] = c.size;
  }
}
