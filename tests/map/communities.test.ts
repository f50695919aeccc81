import { describe, expect, it } from 'vitest';
import { aggregateGraph, knnWeightedGraph, louvain, type WeightedGraph } from '../../src/map/communities.js';

/** An undirected graph from weighted edges [u, v, w]. */
function graphOf(count: number, edges: [number, number, number][]): WeightedGraph {
  const rows: [number, number][][] = Array.from({ length: count }, () => []);
  for (const [u, v, w] of edges) {
    rows[u].push([v, w]);
    if (u !== v) rows[v].push([u, w]);
  }
  const offsets = Int32Array.from([0, ...rows.map((_, i) => rows.slice(0, i + 1).reduce((s, r) => s + r.length, 0))]);
  return { offsets, targets: Int32Array.from(rows.flat().map(([v]) => v)), weights: Float64Array.from(rows.flat().map(([, w]) => w)) };
}

/** `count` cliques of `size` nodes, consecutive cliques joined by one edge. */
function cliqueChain(count: number, size: number): WeightedGraph {
  const edges: [number, number, number][] = [];
  for (let c = 0; c < count; c++) {
    for (let i = 0; i < size; i++) for (let j = i + 1; j < size; j++) edges.push([c * size + i, c * size + j, 1]);
    if (c > 0) edges.push([c * size - 1, c * size, 1]);
  }
  return graphOf(count * size, edges);
}

const rowOf = (graph: WeightedGraph, node: number) =>
  Array.from(graph.targets.subarray(graph.offsets[node], graph.offsets[node + 1]), (t, i) => [t, graph.weights[graph.offsets[node] + i]]);

describe('knnWeightedGraph', () => {
  const knn = { indices: [[1, 2], [0, 2], [1, 3], [2, 0]], distances: [[0.1, 0.5], [0.1, 0.2], [0.2, 0.9], [0.9, 0.95]] };

  it('lists every edge in both rows, once', () => {
    const graph = knnWeightedGraph(knn);
    for (let node = 0; node < 4; node++) {
      for (const [other, w] of rowOf(graph, node)) expect(rowOf(graph, other)).toContainEqual([node, w]);
      const targets = rowOf(graph, node).map(([t]) => t);
      expect(new Set(targets).size).toBe(targets.length);
    }
  });

  it("gives each point's nearest neighbour weight 1, and a pair listed both ways a + b − ab", () => {
    const graph = knnWeightedGraph(knn);
    const weight = (a: number, b: number) => rowOf(graph, a).find(([t]) => t === b)![1];
    expect(weight(0, 1)).toBeCloseTo(1, 12);
    // 3 lists 2 as its nearest (weight 1), so their union is 1 whatever 2 gives 3.
    expect(weight(3, 2)).toBeCloseTo(1, 12);
    // 1 lists 2 second, 2 lists 1 first: a < 1, b = 1, a + b − ab = 1.
    expect(weight(1, 2)).toBeCloseTo(1, 12);
    // 0 lists 2 second, 2 does not list 0: the weight is 0's alone, below 1.
    expect(weight(0, 2)).toBeGreaterThan(0);
    expect(weight(0, 2)).toBeLessThan(1);
  });

  it('has no edges for points without neighbours', () => {
    expect(knnWeightedGraph({ indices: [[], []], distances: [[], []] }).targets).toHaveLength(0);
  });
});

describe('louvain', () => {
  it('finds cliques joined by single edges', () => {
    const communities = louvain(cliqueChain(4, 6));
    for (let c = 0; c < 4; c++) expect(new Set(communities.subarray(c * 6, c * 6 + 6)).size).toBe(1);
    expect(new Set(communities).size).toBe(4);
  });

  it('merges more at a lower resolution', () => {
    const graph = cliqueChain(8, 4);
    expect(new Set(louvain(graph, { resolution: 0.1 })).size).toBeLessThan(new Set(louvain(graph, { resolution: 1 })).size);
  });

  it('gives identical communities for identical input, numbered in order of first appearance', () => {
    const graph = cliqueChain(5, 5);
    const first = louvain(graph, { seed: 3 });
    expect(louvain(graph, { seed: 3 })).toEqual(first);
    expect(first[0]).toBe(0);
    expect(Math.max(...first)).toBe(new Set(first).size - 1);
  });

  it('leaves isolated nodes alone', () => {
    expect(Array.from(louvain(graphOf(3, [])))).toEqual([0, 1, 2]);
  });
});

describe('aggregateGraph', () => {
  it('keeps every degree: inside weight becomes a self-loop', () => {
    const graph = cliqueChain(2, 3);
    const merged = aggregateGraph(graph, Int32Array.from([0, 0, 0, 1, 1, 1]), 2);
    // Each triangle: 3 edges listed twice = 6 as a self-loop; the bridge once per row.
    const sorted = (node: number) => rowOf(merged, node).sort((x, y) => x[0] - y[0]);
    expect(sorted(0)).toEqual([[0, 6], [1, 1]]);
    expect(sorted(1)).toEqual([[0, 1], [1, 6]]);
  });
});
