/**
 * @file The 2D map: UMAP (umap-js) over the HNSW k-NN graph, seeded so the same
 * neighbours always give the same coordinates. Tiny corpora get fixed layouts.
 */
import { UMAP } from 'umap-js';
import { DEFAULT_UMAP } from '../config.js';

export interface LayoutOptions {
  nNeighbors?: number;
  minDist?: number;
  seed?: number;
  nEpochs?: number;
  onProgress?: (epoch: number, total: number) => void;
}

export interface KnnGraph {
  indices: number[][];
  distances: number[][];
}

/** mulberry32: a small seeded PRNG, so umap-js's random init and sampling repeat exactly. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Points on a unit circle: the layout for corpora too small for UMAP. */
function circleLayout(count: number): Float32Array {
  const coords = new Float32Array(count * 2);
  for (let i = 0; i < count && count > 1; i++) {
    coords[2 * i] = Math.cos((2 * Math.PI * i) / count);
    coords[2 * i + 1] = Math.sin((2 * Math.PI * i) / count);
  }
  return coords;
}

/**
 * Lays out `knn.indices.length` points in 2D from their k-NN graph.
 * @returns row-major [x0, y0, x1, y1, …]
 */
export async function layoutMap(knn: KnnGraph, opts: LayoutOptions = {}): Promise<Float32Array> {
  const count = knn.indices.length;
  const settings = { ...DEFAULT_UMAP, ...opts };
  // umap-js needs more points than neighbours, and at least two neighbours to be meaningful.
  const nNeighbors = Math.min(settings.nNeighbors, count - 1, knn.indices[0]?.length ?? 0);
  if (count < 4 || nNeighbors < 2) return circleLayout(count);
  const umap = new UMAP({
    nComponents: 2,
    nNeighbors,
    minDist: settings.minDist,
    nEpochs: settings.nEpochs,
    random: seededRandom(settings.seed),
  });
  umap.setPrecomputedKNN(
    knn.indices.map((row) => row.slice(0, nNeighbors)),
    knn.distances.map((row) => row.slice(0, nNeighbors)),
  );
  // umap-js only reads X's length when the k-NN graph is precomputed.
  const placeholder = Array.from({ length: count }, () => [0]);
  const epochs = umap.initializeFit(placeholder);
  for (let epoch = 0; epoch < epochs; epoch++) {
    umap.step();
    if (settings.onProgress && (epoch % 10 === 9 || epoch === epochs - 1)) settings.onProgress(epoch + 1, epochs);
  }
  return Float32Array.from(umap.getEmbedding().flat());
}
