/**
 * @file The 2D map: UMAP (umap-js) over the HNSW k-NN graph, seeded so the same
 * neighbours always give the same coordinates. Tiny corpora get fixed layouts;
 * large ones a landmark layout that keeps umap-js's memory bounded.
 */
import { UMAP } from 'umap-js';
import { DEFAULT_MAP_LANDMARKS, DEFAULT_UMAP } from '../config.js';
import { createSeededRandom } from '../util/random.js';
import { buildHnsw, knnGraph, rowOf, searchHnsw, type HnswIndex } from '../ann/hnsw.js';

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
    random: createSeededRandom(settings.seed).uniform,
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

export interface PaperLayoutOptions extends LayoutOptions {
  /** Most points UMAP lays out itself; above it, landmarks (see DEFAULT_MAP_LANDMARKS). */
  maxUmapPoints?: number;
}

/** Landmarks each non-landmark point is placed among. */
const PLACEMENT_NEIGHBOURS = 8;

/** `count` distinct rows of `total`, chosen by a seeded shuffle, in ascending order. */
export function sampleRows(total: number, count: number, seed: number): number[] {
  const rows = Array.from({ length: total }, (_, i) => i);
  const random = createSeededRandom(seed).uniform;
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (total - i));
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
  return rows.slice(0, count).sort((a, b) => a - b);
}

/**
 * The 2D map of every paper, from the k-NN graph of every paper. Up to
 * `maxUmapPoints` papers: UMAP over that graph. Beyond: UMAP over a seeded sample
 * of landmarks; every other paper lands at the similarity-weighted mean of its
 * nearest landmarks, so umap-js's memory and time stay bounded.
 */
export async function layoutPapers(vectors: Float32Array, dims: number, knn: KnnGraph, opts: PaperLayoutOptions = {}): Promise<Float32Array> {
  const count = vectors.length / dims;
  const maxPoints = opts.maxUmapPoints ?? DEFAULT_MAP_LANDMARKS;
  if (count <= maxPoints) return layoutMap(knn, opts);
  const landmarks = sampleRows(count, maxPoints, opts.seed ?? DEFAULT_UMAP.seed);
  const landmarkVectors = new Float32Array(landmarks.length * dims);
  landmarks.forEach((row, i) => landmarkVectors.set(vectors.subarray(row * dims, (row + 1) * dims), i * dims));
  const landmarkIndex = buildHnsw(landmarkVectors, dims);
  const landmarkKnn = knnGraph(landmarkIndex, landmarkVectors, dims, knn.indices[0]?.length ?? DEFAULT_UMAP.nNeighbors);
  const landmarkCoords = await layoutMap(landmarkKnn, opts);
  return placeAmongLandmarks(vectors, dims, landmarks, landmarkIndex, landmarkCoords);
}

function placeAmongLandmarks(vectors: Float32Array, dims: number, landmarks: number[], landmarkIndex: HnswIndex, landmarkCoords: Float32Array): Float32Array {
  const coords = new Float32Array((vectors.length / dims) * 2);
  const landmarkOf = new Map(landmarks.map((row, i) => [row, i]));
  for (let row = 0; row < vectors.length / dims; row++) {
    const own = landmarkOf.get(row);
    if (own !== undefined) {
      coords.set(landmarkCoords.subarray(2 * own, 2 * own + 2), 2 * row);
      continue;
    }
    const near = searchHnsw(landmarkIndex, rowOf(vectors, dims, row), PLACEMENT_NEIGHBOURS);
    // Squared similarity favours the closest landmarks; the floor keeps the weights positive.
    const weights = near.distances.map((d) => Math.max(1e-6, 1 - d) ** 2);
    const total = weights.reduce((a, b) => a + b, 0);
    near.rows.forEach((landmark, j) => {
      coords[2 * row] += (weights[j] / total) * landmarkCoords[2 * landmark];
      coords[2 * row + 1] += (weights[j] / total) * landmarkCoords[2 * landmark + 1];
    });
  }
  return coords;
}
