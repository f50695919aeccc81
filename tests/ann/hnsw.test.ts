import { describe, expect, it } from 'vitest';
import { buildHnsw, knnGraph, searchHnsw } from '../../src/ann/hnsw.js';
import { createSeededRandom } from '../../src/util/random.js';

/** `count` random unit vectors, seeded. */
function randomUnitVectors(count: number, dims: number, seed: number): Float32Array {
  const random = createSeededRandom(seed);
  const out = new Float32Array(count * dims);
  for (let i = 0; i < count; i++) {
    let norm = 0;
    for (let j = 0; j < dims; j++) {
      // Gaussian components give directions uniform on the sphere.
      const g = random.normal();
      out[i * dims + j] = g;
      norm += g * g;
    }
    for (let j = 0; j < dims; j++) out[i * dims + j] /= Math.sqrt(norm);
  }
  return out;
}

function exactTopK(vectors: Float32Array, dims: number, query: Float32Array, k: number): number[] {
  const scores: Array<[number, number]> = [];
  for (let i = 0; i < vectors.length / dims; i++) {
    let dot = 0;
    for (let j = 0; j < dims; j++) dot += vectors[i * dims + j] * query[j];
    scores.push([i, dot]);
  }
  return scores.sort((a, b) => b[1] - a[1]).slice(0, k).map(([i]) => i);
}

describe('buildHnsw', () => {
  it('reaches recall@10 >= 0.99 against exact search with the default parameters', () => {
    const dims = 64;
    const vectors = randomUnitVectors(3000, dims, 1);
    const queries = randomUnitVectors(200, dims, 2);
    const index = buildHnsw(vectors, dims);
    let hits = 0;
    for (let q = 0; q < 200; q++) {
      const query = queries.subarray(q * dims, (q + 1) * dims);
      const truth = new Set(exactTopK(vectors, dims, query, 10));
      hits += searchHnsw(index, query, 10).rows.filter((r) => truth.has(r)).length;
    }
    expect(hits / 2000).toBeGreaterThanOrEqual(0.99);
  });

  it('labels rows by their position and returns cosine distances', () => {
    const vectors = new Float32Array([1, 0, 0, 1, Math.SQRT1_2, Math.SQRT1_2]);
    const found = searchHnsw(buildHnsw(vectors, 2), [1, 0], 3);
    expect(found.rows).toEqual([0, 2, 1]);
    expect(found.distances[0]).toBeCloseTo(0, 5);
    expect(found.distances[1]).toBeCloseTo(1 - Math.SQRT1_2, 5);
  });
});

describe('searchHnsw', () => {
  it('never returns an excluded row and returns no more rows than exist', () => {
    const vectors = randomUnitVectors(5, 8, 3);
    const index = buildHnsw(vectors, 8);
    const found = searchHnsw(index, vectors.subarray(0, 8), 10, (row) => row === 0);
    expect(found.rows).toHaveLength(4);
    expect(found.rows).not.toContain(0);
  });

  it('returns k rows when k is above efSearch, and leaves efSearch as it was', () => {
    const vectors = randomUnitVectors(300, 8, 4);
    const index = buildHnsw(vectors, 8);
    index.setEf(20);
    expect(searchHnsw(index, vectors.subarray(0, 8), 200).rows).toHaveLength(200);
    expect(index.getEf()).toBe(20);
  });
});

describe('knnGraph', () => {
  it('lists k neighbours per row, never the row itself', () => {
    const vectors = randomUnitVectors(100, 16, 4);
    const graph = knnGraph(buildHnsw(vectors, 16), vectors, 16, 5);
    expect(graph.indices).toHaveLength(100);
    graph.indices.forEach((row, i) => {
      expect(row).toHaveLength(5);
      expect(row).not.toContain(i);
    });
    expect(graph.distances.flat().every((d) => d >= 0 && d <= 2)).toBe(true);
  });
});
