import { describe, expect, it } from 'vitest';
import { buildHnsw, knnGraph } from '../../src/index/hnsw.js';
import { layoutMap, seededRandom } from '../../src/map/layout.js';

function knnOf(count: number, dims = 8, seed = 7) {
  const random = seededRandom(seed);
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
    const random = seededRandom(3);
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
