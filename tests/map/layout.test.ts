import { describe, expect, it } from 'vitest';
import { buildHnsw, knnGraph } from '../../src/ann/hnsw.js';
import { layoutMap, layoutPapers, sampleRows } from '../../src/map/layout.js';
import { createSeededRandom } from '../../src/util/random.js';

function knnOf(count: number, dims = 8, seed = 7) {
  const random = createSeededRandom(seed).uniform;
  const vectors = Float32Array.from({ length: count * dims }, () => random() - 0.5);
  return knnGraph(buildHnsw(vectors, dims), vectors, dims, 15);
}

describe('layoutMap', () => {
  it('gives identical coordinates for the same neighbours and seed', async () => {
    const knn = knnOf(200);
    const a = await layoutMap(knn, { nEpochs: 100 });
    const b = await layoutMap(knn, { nEpochs: 100 });
    expect(a).toHaveLength(400);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(a.every(Number.isFinite)).toBe(true);
  });

  it('gives different coordinates for another seed', async () => {
    const knn = knnOf(50);
    const a = await layoutMap(knn, { nEpochs: 50, seed: 1 });
    const b = await layoutMap(knn, { nEpochs: 50, seed: 2 });
    expect(Array.from(a)).not.toEqual(Array.from(b));
  });

  it('places neighbours closer than strangers', async () => {
    // Two well-separated groups of vectors must land in two separated groups of points.
    const dims = 4;
    const vectors = new Float32Array(60 * dims);
    const random = createSeededRandom(3).uniform;
    for (let i = 0; i < 60; i++) {
      vectors[i * dims + (i < 30 ? 0 : 1)] = 1;
      for (let j = 0; j < dims; j++) vectors[i * dims + j] += (random() - 0.5) * 0.1;
    }
    const coords = await layoutMap(knnGraph(buildHnsw(vectors, dims), vectors, dims, 10));
    const dist = (i: number, j: number) => Math.hypot(coords[2 * i] - coords[2 * j], coords[2 * i + 1] - coords[2 * j + 1]);
    let within = 0;
    let across = 0;
    for (let i = 0; i < 30; i++) {
      within += dist(i, (i + 1) % 30);
      across += dist(i, 30 + i);
    }
    expect(within).toBeLessThan(across / 3);
  });

  describe('when the corpus is tiny', () => {
    it.each([1, 2, 3, 5])('lays out %i points with finite, distinct coordinates', async (count) => {
      const coords = await layoutMap(knnOf(count));
      expect(coords).toHaveLength(count * 2);
      expect(coords.every(Number.isFinite)).toBe(true);
      const points = new Set(Array.from({ length: count }, (_, i) => `${coords[2 * i]},${coords[2 * i + 1]}`));
      expect(points.size).toBe(count);
    });
  });
});

describe('layoutPapers', () => {
  /** Two tight groups of unit vectors along two axes. */
  function twoGroups(count: number, dims = 8): Float32Array {
    const random = createSeededRandom(11).uniform;
    const vectors = new Float32Array(count * dims);
    for (let i = 0; i < count; i++) {
      vectors[i * dims + (i % 2)] = 1;
      for (let j = 0; j < dims; j++) vectors[i * dims + j] += (random() - 0.5) * 0.2;
      const norm = Math.hypot(...vectors.subarray(i * dims, (i + 1) * dims));
      for (let j = 0; j < dims; j++) vectors[i * dims + j] /= norm;
    }
    return vectors;
  }

  describe('when there are more papers than UMAP lays out itself', () => {
    it('places every paper, deterministically, with the groups kept apart', async () => {
      const dims = 8;
      const vectors = twoGroups(400, dims);
      const knn = knnGraph(buildHnsw(vectors, dims), vectors, dims, 15);
      const options = { maxUmapPoints: 100, nEpochs: 100 };
      const coords = await layoutPapers(vectors, dims, knn, options);
      expect(coords).toHaveLength(800);
      expect(coords.every(Number.isFinite)).toBe(true);
      expect(Array.from(await layoutPapers(vectors, dims, knn, options))).toEqual(Array.from(coords));
      const centre = (parity: number) => {
        const rows = Array.from({ length: 200 }, (_, i) => 2 * i + parity);
        return [rows.reduce((s, r) => s + coords[2 * r], 0) / 200, rows.reduce((s, r) => s + coords[2 * r + 1], 0) / 200];
      };
      const spread = (parity: number) => {
        const [cx, cy] = centre(parity);
        return Array.from({ length: 200 }, (_, i) => Math.hypot(coords[2 * (2 * i + parity)] - cx, coords[2 * (2 * i + parity) + 1] - cy)).reduce((a, b) => a + b) / 200;
      };
      const [ax, ay] = centre(0);
      const [bx, by] = centre(1);
      expect(Math.hypot(ax - bx, ay - by)).toBeGreaterThan(2 * Math.max(spread(0), spread(1)));
    });
  });
});

describe('sampleRows', () => {
  it('picks distinct rows in ascending order, the same for the same seed', () => {
    const rows = sampleRows(1000, 50, 3);
    expect(new Set(rows).size).toBe(50);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    expect(sampleRows(1000, 50, 3)).toEqual(rows);
    expect(sampleRows(1000, 50, 4)).not.toEqual(rows);
  });
});
