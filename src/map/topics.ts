/**
 * @file Topics on the map: communities of the papers' k-NN graph (the graph the map is laid out
 * from, so each is a compact region of it) at two levels, fine for zoomed in and coarse for zoomed
 * out, each with its centroid, size and a c-TF-IDF label. Runs in the build after the map; the
 * result is topics.json.
 */
import { aggregateGraph, knnWeightedGraph, louvain } from './communities.js';
import type { KnnGraph } from './layout.js';
import { labelPartitions } from './topicLabels.js';
import type { TopicCluster, Topics } from './topicTypes.js';
import { DEFAULT_TOPIC_SEED } from '../config.js';

export interface TopicInput {
  /** Row-major map coordinates [x0, y0, x1, y1, …]. */
  coords: Float32Array;
  /** One text per paper row (title and abstract), for the labels. */
  texts: string[];
  /** Per paper row its nearest papers (itself excluded) and their distances, nearest first. */
  knn: KnnGraph;
}

export interface TopicOptions {
  /** Smallest fine cluster; default from the corpus size (fineClusterSize). */
  minClusterSize?: number;
  /** Smallest coarse cluster; default from the corpus size (coarseClusterSize). */
  coarseMinClusterSize?: number;
  /** Louvain resolution of the fine level; default FINE_RESOLUTION. */
  resolution?: number;
  /** Louvain resolution that merges fine clusters into coarse ones; default COARSE_RESOLUTION. */
  coarseResolution?: number;
  /** Seeds Louvain's visiting order. */
  seed?: number;
}

/**
 * Fine clusters are the zoomed-in view: above plain modularity (γ = 1), which on ~120 papers gives
 * ~7 clusters of ~17 papers that lump a small field in with its neighbours; γ = 1.5 gives ~10 of ~11.
 */
export const FINE_RESOLUTION = 1.5;
/** Coarse clusters merge the fine ones still well linked at a third of the fine level's resolution. */
export const COARSE_RESOLUTION = 0.5;

/** Fine clusters: √n / 2 papers at least (5 of 100, 158 of 100,000), never fewer than 3. */
export function fineClusterSize(count: number): number {
  return Math.max(3, Math.round(Math.sqrt(count) / 2));
}

/** Coarse clusters: 2√n papers at least (20 of 100, 632 of 100,000). */
export function coarseClusterSize(count: number): number {
  return Math.max(fineClusterSize(count), Math.round(2 * Math.sqrt(count)));
}

/** Communities of fewer than `minSize` papers become -1 (in no cluster). */
function dropSmall(communities: ArrayLike<number>, minSize: number): Int32Array {
  const sizes = new Map<number, number>();
  for (const c of Array.from(communities)) sizes.set(c, (sizes.get(c) ?? 0) + 1);
  return Int32Array.from(communities, (c) => ((sizes.get(c) ?? 0) >= minSize ? c : -1));
}

/**
 * Fine communities of the k-NN graph, and coarse ones made by merging whole fine communities,
 * so every fine cluster lies inside one coarse cluster.
 */
function findCommunities(knn: KnnGraph, opts: TopicOptions): { fine: Int32Array; coarse: Int32Array } {
  const graph = knnWeightedGraph(knn);
  const seed = opts.seed ?? DEFAULT_TOPIC_SEED;
  const fine = louvain(graph, { resolution: opts.resolution ?? FINE_RESOLUTION, seed });
  const fineCount = fine.reduce((k, c) => Math.max(k, c + 1), 0);
  const coarseOfFine = louvain(aggregateGraph(graph, fine, fineCount), { resolution: opts.coarseResolution ?? COARSE_RESOLUTION, seed });
  return { fine, coarse: fine.map((c) => coarseOfFine[c]) };
}

function countClusters(labels: Int32Array): number {
  return new Set(labels.filter((c) => c >= 0)).size;
}

/** Renumbers cluster labels largest cluster first (ties: lowest first row), from `firstId`. */
function renumber(labels: Int32Array, firstId: number): { ids: number[]; count: number } {
  const sizes = new Map<number, { size: number; first: number }>();
  labels.forEach((c, row) => {
    if (c < 0) return;
    const entry = sizes.get(c) ?? { size: 0, first: row };
    entry.size++;
    sizes.set(c, entry);
  });
  const order = [...sizes].sort((a, b) => b[1].size - a[1].size || a[1].first - b[1].first).map(([c]) => c);
  const newId = new Map(order.map((c, i) => [c, firstId + i]));
  return { ids: Array.from(labels, (c) => (c < 0 ? -1 : newId.get(c)!)), count: order.length };
}

/** Clusters of one level with their centroid and size; ids are firstId…firstId+count−1. */
function describeClusters(ids: number[], firstId: number, count: number, coords: Float32Array, labels: string[], level: 0 | 1): TopicCluster[] {
  const clusters: TopicCluster[] = Array.from({ length: count }, (_, i) => ({ id: firstId + i, label: labels[i], size: 0, x: 0, y: 0, level }));
  ids.forEach((id, row) => {
    if (id < 0) return;
    const c = clusters[id - firstId];
    c.size++;
    c.x += coords[2 * row];
    c.y += coords[2 * row + 1];
  });
  for (const c of clusters) {
    c.x /= c.size;
    c.y /= c.size;
  }
  return clusters;
}

/** For each fine cluster, the coarse cluster holding most of its papers (ties: the lower id). */
function assignParents(fine: TopicCluster[], fineIds: number[], coarseIds: number[]): void {
  const votes = new Map<number, Map<number, number>>();
  fineIds.forEach((f, row) => {
    if (f < 0 || coarseIds[row] < 0) return;
    const byCoarse = votes.get(f) ?? new Map<number, number>();
    byCoarse.set(coarseIds[row], (byCoarse.get(coarseIds[row]) ?? 0) + 1);
    votes.set(f, byCoarse);
  });
  for (const cluster of fine) {
    const byCoarse = votes.get(cluster.id);
    if (!byCoarse) continue;
    cluster.parent = [...byCoarse].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
  }
}

/**
 * Finds and labels the topics of a map. Same input, same output.
 * @example computeTopics({ coords, texts, knn }).clusters[0] // => { id: 0, label: 'mixture of experts · routing', size: 24, x: 3.1, y: -2.4, level: 0 }
 * @param input  map coordinates, one text per paper row and the k-NN graph the map was laid out from
 * @returns per row its fine and coarse cluster id (-1: in no cluster), and the clusters; coarse ids come first
 */
export function computeTopics(input: TopicInput, opts: TopicOptions = {}): Topics {
  const count = input.coords.length / 2;
  if (!Number.isInteger(count) || input.texts.length !== count || input.knn.indices.length !== count) {
    throw new Error(`topics: ${input.texts.length} texts and ${input.knn.indices.length} neighbour lists for ${input.coords.length / 2} map points`);
  }
  const communities = findCommunities(input.knn, opts);
  const fineLabels = dropSmall(communities.fine, opts.minClusterSize ?? fineClusterSize(count));
  const coarseLabels = dropSmall(communities.coarse, opts.coarseMinClusterSize ?? coarseClusterSize(count));
  // A corpus too small or too uniform for two coarse clusters shows its fine clusters when zoomed out too.
  const coarse = renumber(countClusters(coarseLabels) >= 2 ? coarseLabels : fineLabels, 0);
  const fine = renumber(fineLabels, coarse.count);
  const toClass = (ids: number[], firstId: number) => ids.map((id) => (id < 0 ? -1 : id - firstId));
  const [coarseNames, fineNames] = labelPartitions(input.texts, [toClass(coarse.ids, 0), toClass(fine.ids, coarse.count)], [coarse.count, fine.count]);
  const coarseClusters = describeClusters(coarse.ids, 0, coarse.count, input.coords, coarseNames, 0);
  const fineClusters = describeClusters(fine.ids, coarse.count, fine.count, input.coords, fineNames, 1);
  assignParents(fineClusters, fine.ids, coarse.ids);
  return { assignments: fine.ids, coarseAssignments: coarse.ids, clusters: [...coarseClusters, ...fineClusters] };
}

/** One line for the build log, e.g. "topics: 3 coarse and 9 fine clusters; 28 of 119 papers in none". */
export function summarizeTopics(topics: Topics): string {
  const coarse = topics.clusters.filter((c) => c.level === 0).length;
  const unclustered = topics.assignments.filter((id) => id < 0).length;
  return `topics: ${coarse} coarse and ${topics.clusters.length - coarse} fine clusters; ${unclustered} of ${topics.assignments.length} papers in none`;
}

/** What is wrong with a parsed topics.json for `count` papers, or undefined when it is well-formed. */
export function topicsProblem(value: unknown, count: number): string | undefined {
  const topics = value as Partial<Topics> | null;
  if (!topics || !Array.isArray(topics.assignments) || !Array.isArray(topics.coarseAssignments) || !Array.isArray(topics.clusters)) {
    return 'not a topics object (assignments, coarseAssignments and clusters arrays)';
  }
  if (topics.assignments.length !== count || topics.coarseAssignments.length !== count) {
    return `assigns ${topics.assignments.length} papers, the index holds ${count}`;
  }
  const ids = new Set(topics.clusters.map((c) => c.id));
  const unknown = [...topics.assignments, ...topics.coarseAssignments].find((id) => id !== -1 && !ids.has(id));
  return unknown === undefined ? undefined : `assigns papers to cluster ${unknown}, which it does not list`;
}
