/**
 * @file HDBSCAN over 2D map points (Campello et al. 2013, as in the Python `hdbscan`
 * package): core distances → minimum spanning tree of the mutual-reachability graph
 * (Borůvka over a k-d tree, no O(n²) memory) → single-linkage tree → condensed tree
 * per minimum cluster size → clusters by excess of mass (or its leaves). Pure and deterministic.
 */
import { boxDistance2, buildKdTree, kthNeighbourDistances, type KdTree } from './kdtree.js';

/** Single-linkage merges: merge i joins nodes left[i] and right[i] (< count: points) into node count + i. */
interface Linkage {
  left: Int32Array;
  right: Int32Array;
  distance: Float64Array;
  size: Int32Array;
}

/** Union-find with path halving. */
function find(parent: Int32Array, i: number): number {
  while (parent[i] !== i) {
    parent[i] = parent[parent[i]];
    i = parent[i];
  }
  return i;
}

/** Per node of `tree`: the one component all its points share, or -1. */
function nodeComponents(tree: KdTree, comp: Int32Array): Int32Array {
  const out = new Int32Array(tree.nodeCount);
  // Children are created after their parent, so a reverse sweep sees children first.
  for (let node = tree.nodeCount - 1; node >= 0; node--) {
    if (tree.left[node] >= 0) {
      const l = out[tree.left[node]];
      out[node] = l >= 0 && l === out[tree.right[node]] ? l : -1;
      continue;
    }
    const first = comp[tree.order[tree.start[node]]];
    out[node] = first;
    for (let p = tree.start[node] + 1; p < tree.end[node]; p++) if (comp[tree.order[p]] !== first) out[node] = -1;
  }
  return out;
}

function nodeMinCore(tree: KdTree, core: Float64Array): Float64Array {
  const out = new Float64Array(tree.nodeCount);
  for (let node = tree.nodeCount - 1; node >= 0; node--) {
    if (tree.left[node] >= 0) {
      out[node] = Math.min(out[tree.left[node]], out[tree.right[node]]);
      continue;
    }
    let min = Infinity;
    for (let p = tree.start[node]; p < tree.end[node]; p++) min = Math.min(min, core[tree.order[p]]);
    out[node] = min;
  }
  return out;
}

/** A spanning tree as edge lists: edge i joins rows a[i] and b[i] at weight w[i]. */
interface SpanningTree {
  a: Int32Array;
  b: Int32Array;
  w: Float64Array;
}

/** Edges of the mutual-reachability MST: max(core a, core b, |a − b|), by Borůvka. Ties break by row, so the tree is unique. */
function mutualReachabilityMst(tree: KdTree, core: Float64Array): SpanningTree {
  const { xy } = tree;
  const count = core.length;
  const uf = Int32Array.from({ length: count }, (_, i) => i);
  const comp = new Int32Array(count);
  const a = new Int32Array(Math.max(0, count - 1));
  const b = new Int32Array(Math.max(0, count - 1));
  const w = new Float64Array(Math.max(0, count - 1));
  const minCore = nodeMinCore(tree, core);
  const bestW = new Float64Array(count);
  const bestLo = new Int32Array(count);
  const bestHi = new Int32Array(count);
  const stack = new Int32Array(256);
  let edges = 0;
  while (edges < count - 1) {
    for (let i = 0; i < count; i++) comp[i] = find(uf, i);
    const nodeComp = nodeComponents(tree, comp);
    bestW.fill(Infinity);
    for (let q = 0; q < count; q++) {
      const c = comp[q];
      const cq = core[q];
      if (cq > bestW[c]) continue;
      const x = xy[2 * q], y = xy[2 * q + 1];
      let top = 0;
      stack[top++] = 0;
      while (top > 0) {
        const node = stack[--top];
        if (nodeComp[node] === c) continue;
        if (Math.max(cq, minCore[node], Math.sqrt(boxDistance2(tree, node, x, y))) > bestW[c]) continue;
        const l = tree.left[node];
        if (l >= 0) {
          const r = tree.right[node];
          const nearLeft = boxDistance2(tree, l, x, y) <= boxDistance2(tree, r, x, y);
          stack[top++] = nearLeft ? r : l;
          stack[top++] = nearLeft ? l : r;
          continue;
        }
        for (let p = tree.start[node]; p < tree.end[node]; p++) {
          const j = tree.order[p];
          if (comp[j] === c) continue;
          const dx = xy[2 * j] - x, dy = xy[2 * j + 1] - y;
          const d = Math.max(cq, core[j], Math.sqrt(dx * dx + dy * dy));
          const lo = Math.min(q, j), hi = Math.max(q, j);
          if (d < bestW[c] || (d === bestW[c] && (lo < bestLo[c] || (lo === bestLo[c] && hi < bestHi[c])))) {
            bestW[c] = d;
            bestLo[c] = lo;
            bestHi[c] = hi;
          }
        }
      }
    }
    for (let c = 0; c < count; c++) {
      if (comp[c] !== c || bestW[c] === Infinity) continue;
      const ra = find(uf, bestLo[c]), rb = find(uf, bestHi[c]);
      if (ra === rb) continue;
      uf[ra] = rb;
      a[edges] = bestLo[c];
      b[edges] = bestHi[c];
      w[edges] = bestW[c];
      edges++;
    }
  }
  return { a, b, w };
}

/** Kruskal over the MST edges, recording each merge. */
function singleLinkage(mst: SpanningTree, count: number): Linkage {
  const m = mst.w.length;
  const edgeOrder = Array.from({ length: m }, (_, i) => i);
  edgeOrder.sort((i, j) => mst.w[i] - mst.w[j] || mst.a[i] - mst.a[j] || mst.b[i] - mst.b[j]);
  const uf = Int32Array.from({ length: count }, (_, i) => i);
  const nodeOf = Int32Array.from({ length: count }, (_, i) => i);
  const sizeOf = new Int32Array(count).fill(1);
  const linkage: Linkage = { left: new Int32Array(m), right: new Int32Array(m), distance: new Float64Array(m), size: new Int32Array(m) };
  edgeOrder.forEach((e, i) => {
    const ra = find(uf, mst.a[e]), rb = find(uf, mst.b[e]);
    linkage.left[i] = nodeOf[ra];
    linkage.right[i] = nodeOf[rb];
    linkage.distance[i] = mst.w[e];
    linkage.size[i] = sizeOf[ra] + sizeOf[rb];
    uf[ra] = rb;
    nodeOf[rb] = count + i;
    sizeOf[rb] += sizeOf[ra];
  });
  return linkage;
}

/** The condensed tree: clusters (0 = root) that split off with at least `minClusterSize` points. */
interface CondensedTree {
  parent: number[];
  birth: number[];
  stability: number[];
  /** The condensed cluster each point fell out of. */
  pointCluster: Int32Array;
}

/** λ = 1 / distance; exact duplicates get a large finite λ so stabilities stay comparable. */
const lambdaOf = (distance: number): number => 1 / Math.max(distance, 1e-12);

function condense(linkage: Linkage, count: number, minClusterSize: number): CondensedTree {
  const tree: CondensedTree = { parent: [-1], birth: [0], stability: [0], pointCluster: new Int32Array(count) };
  const sizeOf = (node: number): number => (node < count ? 1 : linkage.size[node - count]);
  const fallOut = (node: number, cluster: number, lambda: number): void => {
    const pending = [node];
    while (pending.length > 0) {
      const n = pending.pop()!;
      if (n < count) {
        tree.pointCluster[n] = cluster;
        tree.stability[cluster] += lambda - tree.birth[cluster];
      } else pending.push(linkage.left[n - count], linkage.right[n - count]);
    }
  };
  const work: Array<[node: number, cluster: number]> = [[2 * count - 2, 0]];
  while (work.length > 0) {
    const [node, cluster] = work.pop()!;
    if (node < count) {
      tree.pointCluster[node] = cluster;
      continue;
    }
    const l = linkage.left[node - count], r = linkage.right[node - count];
    const lambda = lambdaOf(linkage.distance[node - count]);
    const bigL = sizeOf(l) >= minClusterSize, bigR = sizeOf(r) >= minClusterSize;
    if (bigL && bigR) {
      for (const child of [l, r]) {
        const label = tree.parent.length;
        tree.parent.push(cluster);
        tree.birth.push(lambda);
        tree.stability.push(0);
        tree.stability[cluster] += (lambda - tree.birth[cluster]) * sizeOf(child);
        work.push([child, label]);
      }
      continue;
    }
    if (bigL) work.push([l, cluster]);
    else fallOut(l, cluster, lambda);
    if (bigR) work.push([r, cluster]);
    else fallOut(r, cluster, lambda);
  }
  return tree;
}

/** HDBSCAN's cluster selection: 'eom' (excess of mass, the most stable clusters) or 'leaf' (the finest ones). */
export type ClusterSelection = 'eom' | 'leaf';

/** Selects clusters (the root never is one); returns per point its selected cluster, 0-based, or -1. */
function selectClusters(tree: CondensedTree, method: ClusterSelection): Int32Array {
  const k = tree.parent.length;
  const children: number[][] = Array.from({ length: k }, () => []);
  for (let c = 1; c < k; c++) children[tree.parent[c]].push(c);
  const best = tree.stability.slice();
  const chosen = new Array<boolean>(k).fill(false);
  // Children have larger labels than their parent: a reverse sweep is bottom-up.
  for (let c = k - 1; c >= 1; c--) {
    const below = children[c].reduce((sum, child) => sum + best[child], 0);
    if (children[c].length > 0 && (method === 'leaf' || below > tree.stability[c])) best[c] = below;
    else chosen[c] = true;
  }
  const finalLabel = new Int32Array(k).fill(-1);
  let next = 0;
  for (let c = 1; c < k; c++) {
    const inherited = finalLabel[tree.parent[c]];
    finalLabel[c] = inherited >= 0 ? inherited : chosen[c] ? next++ : -1;
  }
  return tree.pointCluster.map((c) => finalLabel[c]);
}

/** One labelling: the smallest group of points that counts as a cluster, and how clusters are selected. */
export interface ClusterLevel {
  minClusterSize: number;
  selection: ClusterSelection;
}

/**
 * Clusters 2D points with HDBSCAN, once per level (the spanning tree is shared).
 * @example hdbscan2d(xy, 3, [{ minClusterSize: 5, selection: 'leaf' }, { minClusterSize: 20, selection: 'eom' }]) // => [fine labels, coarse labels], each -1 (noise) or 0…k−1 per point
 * @param xy  Row-major [x0, y0, x1, y1, …]
 * @param minSamples  Neighbours (the point included) that define a point's core distance
 * @param levels  One labelling each
 */
export function hdbscan2d(xy: Float64Array, minSamples: number, levels: ClusterLevel[]): Int32Array[] {
  const count = xy.length / 2;
  if (count < 2) return levels.map(() => new Int32Array(count).fill(-1));
  const tree = buildKdTree(xy);
  return clustersOfTree(mutualReachabilityMst(tree, kthNeighbourDistances(tree, minSamples)), count, levels);
}

/** HDBSCAN's clusters from a mutual-reachability spanning tree of `count` points, once per minimum cluster size. */
function clustersOfTree(mst: SpanningTree, count: number, levels: ClusterLevel[]): Int32Array[] {
  if (count < 2) return levels.map(() => new Int32Array(count).fill(-1));
  const linkage = singleLinkage(mst, count);
  return levels.map(({ minClusterSize, selection }) => selectClusters(condense(linkage, count, Math.max(2, minClusterSize)), selection));
}
