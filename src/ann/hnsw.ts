/**
 * @file Approximate nearest neighbours over the paper vectors with hnswlib-node
 * (cosine space). Labels are row numbers into the papers/vectors arrays.
 */
import hnswlib from 'hnswlib-node';
import { DEFAULT_HNSW } from '../config.js';

const { HierarchicalNSW } = hnswlib;
export type HnswIndex = InstanceType<typeof HierarchicalNSW>;

export interface HnswOptions {
  m?: number;
  efConstruction?: number;
  efSearch?: number;
  seed?: number;
}

/** efSearch while computing the k-NN graph of every row. */
const KNN_GRAPH_EF = 48;

/** Neighbours of one query, best first: row numbers and cosine distances (1 − cosine). */
export interface Neighbours {
  rows: number[];
  distances: number[];
}

/** Row `i` of a row-major matrix with `dims` columns, as the plain array hnswlib expects. */
export function rowOf(vectors: Float32Array, dims: number, i: number): number[] {
  return Array.from(vectors.subarray(i * dims, (i + 1) * dims));
}

/**
 * Builds an HNSW graph over `count` rows of `vectors` (row-major, `dims` wide).
 * @example buildHnsw(vectors, 384).getCurrentCount() // => vectors.length / 384
 */
export function buildHnsw(vectors: Float32Array, dims: number, opts: HnswOptions = {}, onProgress?: (done: number, total: number) => void): HnswIndex {
  const { m, efConstruction, efSearch } = { ...DEFAULT_HNSW, ...opts };
  const count = vectors.length / dims;
  const index = new HierarchicalNSW('cosine', dims);
  index.initIndex({ maxElements: Math.max(1, count), m, efConstruction, randomSeed: opts.seed ?? 100 });
  for (let i = 0; i < count; i++) {
    index.addPoint(rowOf(vectors, dims, i), i);
    if (onProgress && (i % 1000 === 999 || i === count - 1)) onProgress(i + 1, count);
  }
  index.setEf(efSearch);
  return index;
}

/** Loads a graph written by `index.writeIndex`. */
export async function loadHnsw(file: string, dims: number, efSearch: number = DEFAULT_HNSW.efSearch): Promise<HnswIndex> {
  const index = new HierarchicalNSW('cosine', dims);
  await index.readIndex(file);
  index.setEf(efSearch);
  return index;
}

/** The `k` nearest rows to `query`, best first, optionally leaving out rows for which `exclude` is true. */
export function searchHnsw(index: HnswIndex, query: ArrayLike<number>, k: number, exclude?: (row: number) => boolean): Neighbours {
  const available = index.getCurrentCount() - (exclude ? 1 : 0);
  const n = Math.min(k, Math.max(0, available));
  if (n === 0) return { rows: [], distances: [] };
  const filter = exclude ? (label: number) => !exclude(label) : undefined;
  const ef = index.getEf();
  // hnswlib needs ef >= k to return k results; the raise is for this search only.
  if (ef < n) index.setEf(n);
  try {
    const { neighbors, distances } = index.searchKnn(Array.from(query), n, filter);
    return { rows: neighbors, distances };
  } finally {
    index.setEf(ef);
  }
}

/**
 * The k-NN graph of every row (itself excluded), for UMAP's precomputed neighbours.
 * @returns indices and distances, one array of `k` per row, nearest first.
 */
export function knnGraph(index: HnswIndex, vectors: Float32Array, dims: number, k: number): { indices: number[][]; distances: number[][] } {
  const count = vectors.length / dims;
  const indices: number[][] = [];
  const distances: number[][] = [];
  // The graph only needs near neighbours, not the exact top k: a smaller ef halves its cost.
  const savedEf = index.getEf();
  index.setEf(Math.max(k + 1, KNN_GRAPH_EF));
  for (let i = 0; i < count; i++) {
    const found = searchHnsw(index, rowOf(vectors, dims, i), k + 1);
    const keep = found.rows.map((row, j) => [row, Math.max(0, found.distances[j])] as const).filter(([row]) => row !== i).slice(0, k);
    indices.push(keep.map(([row]) => row));
    distances.push(keep.map(([, d]) => d));
  }
  index.setEf(savedEf);
  return { indices, distances };
}
