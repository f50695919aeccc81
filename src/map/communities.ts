/**
 * @file Communities of the papers' k-NN graph, for the topics. The graph is the one UMAP lays out
 * (each paper's neighbours weighted by UMAP's fuzzy membership, symmetrized by fuzzy union), so
 * communities are compact regions of the map; they are found by Louvain modularity optimization
 * (Blondel et al. 2008) with a resolution γ. Typed arrays throughout: 100,000 papers × 15
 * neighbours take about a second. Pure and deterministic (a seeded visiting order).
 */
import type { KnnGraph } from './layout.js';
import { createSeededRandom } from '../util/random.js';

/**
 * An undirected weighted graph in compressed sparse rows: node i's edges are
 * targets/weights[offsets[i] … offsets[i + 1]). Every edge is listed in both rows, a self-loop once.
 */
export interface WeightedGraph {
  offsets: Int32Array;
  targets: Int32Array;
  weights: Float64Array;
}

export interface LouvainOptions {
  /** γ: above 1, more and smaller communities; below 1, fewer and larger. Default 1 (plain modularity). */
  resolution?: number;
  /** Seeds the order in which nodes are visited. */
  seed?: number;
}

/** UMAP's fuzzy membership: σ is searched until a point's neighbour weights sum to log2(k). */
const SIGMA_SEARCH_STEPS = 64;
const SIGMA_TOLERANCE = 1e-5;
/** UMAP's floor on σ, as a share of the mean neighbour distance. */
const MIN_SIGMA_SCALE = 1e-3;
/** Local-moving passes per Louvain level: enough for convergence on k-NN graphs. */
const MAX_PASSES = 50;
/** A move must gain more than this, so float noise never decides. */
const MIN_GAIN = 1e-12;

/** One point's neighbour weights exp(−(d − ρ) / σ), ρ its nearest distance (UMAP's smooth_knn_dist). */
function fuzzyWeights(distances: readonly number[]): number[] {
  if (distances.length === 0) return [];
  const rho = distances.find((d) => d > 0) ?? 0;
  const target = Math.log2(distances.length);
  let [lo, hi, sigma] = [0, Infinity, 1];
  for (let step = 0; step < SIGMA_SEARCH_STEPS; step++) {
    const sum = distances.reduce((s, d) => s + (d > rho ? Math.exp(-(d - rho) / sigma) : 1), 0);
    if (Math.abs(sum - target) < SIGMA_TOLERANCE) break;
    if (sum > target) [hi, sigma] = [sigma, (lo + sigma) / 2];
    else [lo, sigma] = [sigma, hi === Infinity ? sigma * 2 : (sigma + hi) / 2];
  }
  const mean = distances.reduce((s, d) => s + d, 0) / distances.length;
  sigma = Math.max(sigma, MIN_SIGMA_SCALE * mean, Number.MIN_VALUE);
  return distances.map((d) => (d > rho ? Math.exp(-(d - rho) / sigma) : 1));
}

/** CSR rows from an edge list (each edge u–v once, u ≠ v): both directions listed. */
function toCsr(count: number, us: Int32Array, vs: Int32Array, ws: Float64Array, edges: number): WeightedGraph {
  const offsets = new Int32Array(count + 1);
  for (let e = 0; e < edges; e++) {
    offsets[us[e] + 1]++;
    offsets[vs[e] + 1]++;
  }
  for (let i = 0; i < count; i++) offsets[i + 1] += offsets[i];
  const fill = offsets.slice(0, count);
  const targets = new Int32Array(2 * edges);
  const weights = new Float64Array(2 * edges);
  for (let e = 0; e < edges; e++) {
    [targets[fill[us[e]]], weights[fill[us[e]]++]] = [vs[e], ws[e]];
    [targets[fill[vs[e]]], weights[fill[vs[e]]++]] = [us[e], ws[e]];
  }
  return { offsets, targets, weights };
}

/**
 * The fuzzy k-NN graph UMAP lays out: w(i→j) = exp(−(d − ρᵢ) / σᵢ), and w(i–j) = a + b − a·b
 * for the two directions a, b (0 where j does not list i).
 * @param knn  per point its neighbours (itself excluded) and their distances, nearest first
 */
export function knnWeightedGraph(knn: KnnGraph): WeightedGraph {
  const count = knn.indices.length;
  const directed = knn.distances.map(fuzzyWeights);
  const weightOf = (from: number, to: number): number => {
    const at = knn.indices[from].indexOf(to);
    return at < 0 ? 0 : directed[from][at];
  };
  const capacity = knn.indices.reduce((s, row) => s + row.length, 0);
  const [us, vs, ws] = [new Int32Array(capacity), new Int32Array(capacity), new Float64Array(capacity)];
  let edges = 0;
  knn.indices.forEach((row, i) => {
    row.forEach((j, at) => {
      if (j === i || j < 0 || j >= count || row.indexOf(j) !== at) return;
      // A pair listed both ways is written once, from the lower row.
      if (j < i && knn.indices[j].includes(i)) return;
      const back = weightOf(j, i);
      const a = directed[i][at];
      const weight = a + back - a * back;
      if (weight > 0) [us[edges], vs[edges], ws[edges++]] = [i, j, weight];
    });
  });
  return toCsr(count, us, vs, ws, edges);
}

function nodeCount(graph: WeightedGraph): number {
  return graph.offsets.length - 1;
}

/** Renumbers labels 0…k−1 in order of first appearance; returns k. */
function renumberInPlace(labels: Int32Array): number {
  const next = new Int32Array(labels.length).fill(-1);
  let count = 0;
  for (let i = 0; i < labels.length; i++) {
    if (next[labels[i]] < 0) next[labels[i]] = count++;
    labels[i] = next[labels[i]];
  }
  return count;
}

/**
 * Louvain's local moving phase: each node, in a seeded order, joins the neighbouring community
 * with the largest modularity gain k(i,c) − γ·Σtot(c)·k(i) / 2m, until no node moves.
 */
function moveNodes(graph: WeightedGraph, resolution: number, random: () => number): { community: Int32Array; moved: boolean } {
  const n = nodeCount(graph);
  const { offsets, targets, weights } = graph;
  const community = Int32Array.from({ length: n }, (_, i) => i);
  const degree = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let e = offsets[i]; e < offsets[i + 1]; e++) degree[i] += weights[e];
  const total = degree.reduce((s, d) => s + d, 0);
  if (total === 0) return { community, moved: false };
  const tot = degree.slice();
  const order = Int32Array.from(community);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const weightTo = new Float64Array(n);
  const touched = new Int32Array(n);
  let moved = false;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let moves = 0;
    for (const i of order) {
      let seen = 0;
      for (let e = offsets[i]; e < offsets[i + 1]; e++) {
        const j = targets[e];
        if (j === i) continue;
        if (weightTo[community[j]] === 0) touched[seen++] = community[j];
        weightTo[community[j]] += weights[e];
      }
      const own = community[i];
      const k = degree[i] * resolution / total;
      tot[own] -= degree[i];
      let best = own;
      let bestGain = weightTo[own] - tot[own] * k;
      for (let t = 0; t < seen; t++) {
        const gain = weightTo[touched[t]] - tot[touched[t]] * k;
        if (gain > bestGain + MIN_GAIN) [best, bestGain] = [touched[t], gain];
      }
      tot[best] += degree[i];
      if (best !== own) [community[i], moves] = [best, moves + 1];
      for (let t = 0; t < seen; t++) weightTo[touched[t]] = 0;
    }
    if (moves === 0) break;
    moved = true;
  }
  renumberInPlace(community);
  return { community, moved };
}

/**
 * The graph of communities: one node per community, edge weights summed, edges inside a
 * community becoming its self-loop, so each node's degree is the sum of its members' degrees.
 * @param community  per node its community, 0…count−1
 */
export function aggregateGraph(graph: WeightedGraph, community: Int32Array, count: number): WeightedGraph {
  const members = new Int32Array(community.length);
  const start = new Int32Array(count + 1);
  for (const c of community) start[c + 1]++;
  for (let c = 0; c < count; c++) start[c + 1] += start[c];
  const fill = start.slice(0, count);
  community.forEach((c, node) => (members[fill[c]++] = node));
  const offsets = new Int32Array(count + 1);
  const targets: number[] = [];
  const weights: number[] = [];
  const weightTo = new Float64Array(count);
  const touched = new Int32Array(count);
  for (let c = 0; c < count; c++) {
    let seen = 0;
    for (let m = start[c]; m < start[c + 1]; m++) {
      const node = members[m];
      for (let e = graph.offsets[node]; e < graph.offsets[node + 1]; e++) {
        const d = community[graph.targets[e]];
        if (weightTo[d] === 0) touched[seen++] = d;
        weightTo[d] += graph.weights[e];
      }
    }
    for (let t = 0; t < seen; t++) {
      targets.push(touched[t]);
      weights.push(weightTo[touched[t]]);
      weightTo[touched[t]] = 0;
    }
    offsets[c + 1] = targets.length;
  }
  return { offsets, targets: Int32Array.from(targets), weights: Float64Array.from(weights) };
}

/**
 * Louvain community detection: local moving, then the same on the graph of communities, until
 * nothing moves. Same graph and options, same communities.
 * @example louvain(knnWeightedGraph(knn), { resolution: 1 }) // => Int32Array [0, 0, 1, 2, 1, …]
 * @returns per node its community, numbered 0…k−1 in order of first appearance
 */
export function louvain(graph: WeightedGraph, opts: LouvainOptions = {}): Int32Array {
  const random = createSeededRandom(opts.seed ?? 42).uniform;
  const membership = Int32Array.from({ length: nodeCount(graph) }, (_, i) => i);
  let level = graph;
  for (;;) {
    const { community, moved } = moveNodes(level, opts.resolution ?? 1, random);
    if (!moved) break;
    for (let i = 0; i < membership.length; i++) membership[i] = community[membership[i]];
    level = aggregateGraph(level, community, community.reduce((k, c) => Math.max(k, c + 1), 0));
  }
  renumberInPlace(membership);
  return membership;
}
