/**
 * @file Topics on the map: HDBSCAN density clusters over the 2D coordinates at two
 * levels (coarse for zoomed out, fine for zoomed in), each with its centroid, size and
 * a c-TF-IDF label. Runs in the build after the map; the result is topics.json.
 */
import { hdbscan2d } from './hdbscan.js';
import { labelPartitions } from './topicLabels.js';
import type { TopicCluster, Topics } from './topicTypes.js';

export interface TopicInput {
  /** Row-major map coordinates [x0, y0, x1, y1, …]. */
  coords: Float32Array;
  /** One text per paper row (title and abstract), for the labels. */
  texts: string[];
}

export interface TopicOptions {
  /** Smallest fine cluster; default from the corpus size (fineClusterSize). */
  minClusterSize?: number;
  /** Smallest coarse cluster; default from the corpus size (coarseClusterSize). */
  coarseMinClusterSize?: number;
  /** Neighbours that define a point's density (HDBSCAN min_samples); default the fine cluster size. */
  minSamples?: number;
}

/** Fine clusters: √n / 2 papers at least (5 of 100, 158 of 100,000), never fewer than 3. */
export function fineClusterSize(count: number): number {
  return Math.max(3, Math.round(Math.sqrt(count) / 2));
}

/** Coarse clusters: 2√n papers at least (20 of 100, 632 of 100,000). */
export function coarseClusterSize(count: number): number {
  return Math.max(fineClusterSize(count), Math.round(2 * Math.sqrt(count)));
}

/** Renumbers HDBSCAN labels largest cluster first (ties: lowest first row), from `firstId`. */
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
 * @example computeTopics({ coords, texts }).clusters[0] // => { id: 0, label: 'mixture of experts · routing', size: 24, x: 3.1, y: -2.4, level: 0 }
 * @param input  map coordinates and one text per paper row
 * @returns per row its fine and coarse cluster id (-1: in no cluster), and the clusters; coarse ids come first
 */
export function computeTopics(input: TopicInput, opts: TopicOptions = {}): Topics {
  const count = input.coords.length / 2;
  if (!Number.isInteger(count) || input.texts.length !== count) {
    throw new Error(`topics: ${input.texts.length} texts for ${input.coords.length / 2} map points`);
  }
  const fineSize = opts.minClusterSize ?? fineClusterSize(count);
  const coarseSize = opts.coarseMinClusterSize ?? coarseClusterSize(count);
  const [fineLabels, coarseLabels] = hdbscan2d(Float64Array.from(input.coords), opts.minSamples ?? fineSize, [{ minClusterSize: fineSize, selection: 'leaf' }, { minClusterSize: coarseSize, selection: 'eom' }]);
  const coarse = renumber(coarseLabels, 0);
  const fine = renumber(fineLabels, coarse.count);
  const toClass = (ids: number[], firstId: number) => ids.map((id) => (id < 0 ? -1 : id - firstId));
  const [coarseNames, fineNames] = labelPartitions(input.texts, [toClass(coarse.ids, 0), toClass(fine.ids, coarse.count)], [coarse.count, fine.count]);
  const coarseClusters = describeClusters(coarse.ids, 0, coarse.count, input.coords, coarseNames, 0);
  const fineClusters = describeClusters(fine.ids, coarse.count, fine.count, input.coords, fineNames, 1);
  assignParents(fineClusters, fine.ids, coarse.ids);
  return { assignments: fine.ids, coarseAssignments: coarse.ids, clusters: [...coarseClusters, ...fineClusters] };
}
