import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/pipeline/buildIndex.js';
import { ARTIFACT_FILES } from '../../src/store/indexFolder.js';
import type { KnnGraph } from '../../src/map/layout.js';
import { createSeededRandom } from '../../src/util/random.js';
import { computeTopics } from '../../src/map/topics.js';
import type { TopicCluster, Topics } from '../../src/map/topicTypes.js';
import { loadIndex, type LoadedIndex } from '../../src/search/loadIndex.js';
import { queryPoint } from '../../src/search/point.js';
import { searchSemantic } from '../../src/search/semantic.js';
import { STOP_WORDS } from '../../src/text/tokenize.js';
import { demoBuildOptions, type DemoEmbedder } from '../helpers/demoIndex.js';
import { ensureTinyModel } from '../helpers/model.js';
import { tempDir } from '../helpers/tempDir.js';

/** Gaussian blobs on the plane, `perBlob` points each, plus `outliers` far from every blob. */
function blobs(centres: number[][], perBlob: number, opts: { spread?: number; outliers?: number[][]; seed?: number } = {}) {
  const random = createSeededRandom(opts.seed ?? 1).uniform;
  const gauss = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const points: number[] = [];
  const truth: number[] = [];
  centres.forEach(([cx, cy], blob) => {
    for (let i = 0; i < perBlob; i++) {
      points.push(cx + gauss() * (opts.spread ?? 1), cy + gauss() * (opts.spread ?? 1));
      truth.push(blob);
    }
  });
  for (const [x, y] of opts.outliers ?? []) {
    points.push(x, y);
    truth.push(-1);
  }
  return { coords: Float32Array.from(points), truth };
}

/** The exact k nearest points of each point on the plane (itself excluded), found through a grid of cells. */
function planeKnn(coords: Float32Array, k = 15): KnnGraph {
  const count = coords.length / 2;
  const want = Math.min(k, count - 1);
  if (want <= 0) return { indices: Array.from({ length: count }, () => []), distances: Array.from({ length: count }, () => []) };
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < count; i++) {
    [minX, maxX] = [Math.min(minX, coords[2 * i]), Math.max(maxX, coords[2 * i])];
    [minY, maxY] = [Math.min(minY, coords[2 * i + 1]), Math.max(maxY, coords[2 * i + 1])];
  }
  // Cells of a few points were they spread evenly: blobs pack more into each.
  const cell = Math.sqrt((Math.max(1e-9, (maxX - minX) * (maxY - minY)) * 2) / count) || 1;
  const columns = Math.floor((maxX - minX) / cell) + 1;
  const rows = Math.floor((maxY - minY) / cell) + 1;
  const cellOf = (i: number) => Math.floor((coords[2 * i + 1] - minY) / cell) * columns + Math.floor((coords[2 * i] - minX) / cell);
  const grid = new Map<number, number[]>();
  for (let i = 0; i < count; i++) grid.set(cellOf(i), grid.get(cellOf(i)) ?? []).get(cellOf(i))!.push(i);
  const indices: number[][] = [];
  const distances: number[][] = [];
  for (let i = 0; i < count; i++) {
    const [cx, cy] = [cellOf(i) % columns, Math.floor(cellOf(i) / columns)];
    let found: [number, number][] = [];
    // After ring r every point nearer than r cells is found: stop when the k-th nearest is that near.
    for (let r = 0; r <= Math.max(columns, rows); r++) {
      for (let gy = Math.max(0, cy - r); gy <= Math.min(rows - 1, cy + r); gy++) {
        const step = Math.abs(gy - cy) === r ? 1 : 2 * r;
        for (let gx = cx - r; gx <= cx + r; gx += Math.max(1, step)) {
          if (gx < 0 || gx >= columns) continue;
          for (const j of grid.get(gy * columns + gx) ?? []) {
            if (j !== i) found.push([j, Math.hypot(coords[2 * i] - coords[2 * j], coords[2 * i + 1] - coords[2 * j + 1])]);
          }
        }
      }
      if (found.length < want) continue;
      found = found.sort((a, b) => a[1] - b[1] || a[0] - b[0]).slice(0, want);
      if (found[want - 1][1] <= r * cell) break;
    }
    indices.push(found.slice(0, want).map(([j]) => j));
    distances.push(found.slice(0, want).map(([, d]) => d));
  }
  return { indices, distances };
}

/** The topics of points on the plane, from their exact k-NN graph. */
function topicsOf(coords: Float32Array, texts: string[], opts?: Parameters<typeof computeTopics>[1]): Topics {
  return computeTopics({ coords, texts, knn: planeKnn(coords) }, opts);
}

/** Per blob, sentences that share its topic's words and little else, as abstracts on one topic do. */
const BLOB_TOPICS = [
  ['Sparse mixture of experts models route each token to two experts.', 'We train a mixture of experts with a load balancing loss.', 'Mixture-of-experts layers let language models grow cheaply.'],
  ['We compute optimal transport between probability distributions.', 'Entropic optimal transport is solved by Sinkhorn iterations.', 'Optimal transport maps push one measure onto another.'],
  ['We maximize a monotone submodular function under a matroid constraint.', 'Greedy algorithms approximate submodular maximization well.', 'Submodular functions model diminishing returns in data selection.'],
  ['Graph neural networks predict molecule properties.', 'Message passing on molecular graphs learns atom features.', 'We pretrain graph neural networks on unlabeled molecules.'],
  ['Reinforcement learning agents explore sparse reward environments.', 'Intrinsic curiosity drives exploration in reinforcement learning.', 'Policies trained by reinforcement learning reach new states.'],
  ['Diffusion models denoise images step by step.', 'Score matching trains diffusion models for image synthesis.', 'We speed up sampling from image diffusion models.'],
];

/** One text per point: a sentence of its blob's topic and a tail common to all; outliers get filler. */
function textsFor(truth: number[]): string[] {
  const tails = ['The results improve on prior work.', 'Experiments show strong results.', 'We report 3 benchmarks in 2024.'];
  return truth.map((blob, i) => {
    if (blob < 0) return 'A short note.';
    const sentences = BLOB_TOPICS[blob % BLOB_TOPICS.length];
    return `${sentences[i % sentences.length]} ${tails[Math.floor(i / 3) % tails.length]}`;
  });
}

/** The fine cluster holding most of `rows`, and its share of them. */
function dominantCluster(assignments: number[], rows: number[]): { id: number; share: number } {
  const counts = new Map<number, number>();
  for (const row of rows) counts.set(assignments[row], (counts.get(assignments[row]) ?? 0) + 1);
  const [id, n] = [...counts].filter(([c]) => c >= 0).sort((a, b) => b[1] - a[1])[0] ?? [-1, 0];
  return { id, share: n / rows.length };
}

/** Every problem with a label: not 1–3 terms, or a term that is a stop word, a number or a fragment. */
function labelProblems(label: string): string[] {
  const terms = label.split(' · ');
  const problems: string[] = [];
  if (label.length === 0 || terms.length > 3) problems.push(`"${label}" is not 1–3 terms`);
  for (const term of terms) {
    const words = term.split(' ');
    if (!/^[\p{L}\p{N}]+( [\p{L}\p{N}]+){0,2}$/u.test(term)) problems.push(`"${term}" is not 1–3 lowercase words`);
    if (term !== term.toLowerCase()) problems.push(`"${term}" is not lowercase`);
    if (STOP_WORDS.has(words[0]) || STOP_WORDS.has(words[words.length - 1])) problems.push(`"${term}" starts or ends with a stop word`);
    if (words.length === 1 && (/^\p{N}+$/u.test(term) || term.length < 3)) problems.push(`"${term}" is a number or a fragment`);
  }
  return problems;
}

describe('computeTopics', () => {
  describe('on synthetic blobs', () => {
    it.each([3, 6])('recovers %i blobs without being told how many: one coarse cluster each, fine ones inside', (k) => {
      const centres = Array.from({ length: k }, (_, i) => [40 * Math.cos((2 * Math.PI * i) / k), 40 * Math.sin((2 * Math.PI * i) / k)]);
      const { coords, truth } = blobs(centres, 60);
      const topics = topicsOf(coords, textsFor(truth));
      expect(topics.clusters.filter((c) => c.level === 0)).toHaveLength(k);
      const rowsOf = (blob: number) => truth.flatMap((t, row) => (t === blob ? [row] : []));
      const found = centres.map((_, blob) => dominantCluster(topics.coarseAssignments, rowsOf(blob)));
      for (const { share } of found) expect(share).toBeGreaterThanOrEqual(0.9);
      expect(new Set(found.map((f) => f.id)).size).toBe(k);
      // A fine cluster never straddles two blobs.
      for (const fine of topics.clusters.filter((c) => c.level === 1)) {
        expect(new Set(truth.filter((_, row) => topics.assignments[row] === fine.id)).size).toBe(1);
      }
    });

    it('puts a group linked only to itself, smaller than the smallest cluster, in no cluster (-1)', () => {
      const outliers = [[300, 300], [301, 300], [300, 301], [301, 301]];
      const { coords, truth } = blobs([[0, 0], [30, 0], [0, 30]], 50, { outliers });
      const knn = planeKnn(coords);
      const group = truth.flatMap((t, row) => (t < 0 ? [row] : []));
      for (const row of group) {
        knn.indices[row] = group.filter((other) => other !== row);
        knn.distances[row] = knn.indices[row].map((other) => Math.hypot(coords[2 * row] - coords[2 * other], coords[2 * row + 1] - coords[2 * other + 1]));
      }
      const topics = computeTopics({ coords, texts: textsFor(truth), knn });
      truth.forEach((t, row) => {
        expect(topics.assignments[row] === -1).toBe(t < 0);
        expect(topics.coarseAssignments[row] === -1).toBe(t < 0);
      });
    });

    it('gives fine clusters inside coarse ones, fewer and larger', () => {
      // Two regions far apart, each a ring of eight overlapping blobs that the k-NN graph links.
      const ring = (cx: number) => Array.from({ length: 8 }, (_, i) => [cx + 6 * Math.cos((i * Math.PI) / 4), 6 * Math.sin((i * Math.PI) / 4)]);
      const { coords, truth } = blobs([...ring(0), ...ring(100)], 40, { spread: 1.2 });
      const topics = topicsOf(coords, textsFor(truth));
      const region = (row: number) => (truth[row] < 8 ? 0 : 1);
      const coarse = topics.clusters.filter((c) => c.level === 0);
      const fine = topics.clusters.filter((c) => c.level === 1);
      expect(coarse.length).toBeGreaterThanOrEqual(2);
      expect(fine.length).toBeGreaterThan(coarse.length);
      for (const c of [...coarse, ...fine]) {
        const ids = c.level === 0 ? topics.coarseAssignments : topics.assignments;
        expect(new Set(ids.flatMap((id, row) => (id === c.id ? [region(row)] : []))).size).toBe(1);
      }
      // A fine cluster's parent is the coarse cluster holding all of its papers (none if they are in none).
      for (const c of fine) {
        const parents = new Set(topics.assignments.flatMap((id, row) => (id === c.id ? [topics.coarseAssignments[row]] : [])));
        expect(parents.size).toBe(1);
        const [parent] = parents;
        expect(c.parent).toBe(parent < 0 ? undefined : parent);
      }
      expect(fine.filter((c) => c.parent !== undefined).length).toBeGreaterThan(coarse.length);
    });

    it('gives each cluster its centroid and size', () => {
      const { coords, truth } = blobs([[10, 10], [-10, -10]], 40);
      const topics = topicsOf(coords, textsFor(truth));
      for (const cluster of topics.clusters) {
        const ids = cluster.level === 1 ? topics.assignments : topics.coarseAssignments;
        const rows = ids.flatMap((id, row) => (id === cluster.id ? [row] : []));
        expect(cluster.size).toBe(rows.length);
        expect(cluster.x).toBeCloseTo(rows.reduce((s, r) => s + coords[2 * r], 0) / rows.length, 4);
        expect(cluster.y).toBeCloseTo(rows.reduce((s, r) => s + coords[2 * r + 1], 0) / rows.length, 4);
      }
    });

    it('labels each blob with its own words, a phrase standing in for the words inside it', () => {
      const { coords, truth } = blobs([[0, 0], [40, 0], [0, 40]], 50);
      const topics = topicsOf(coords, textsFor(truth));
      const labelsOf = (blob: number, level: 0 | 1) => {
        const ids = new Set(truth.flatMap((t, row) => (t === blob ? [level === 1 ? topics.assignments[row] : topics.coarseAssignments[row]] : [])));
        return topics.clusters.filter((c) => ids.has(c.id)).map((c) => c.label);
      };
      // Each blob is one coarse cluster, named by its phrase; the fine clusters inside it use its words.
      for (const label of labelsOf(0, 0)) {
        expect(label).toContain('mixture of experts');
        expect(label.split(' · ')).not.toContain('experts');
      }
      for (const label of labelsOf(1, 0)) expect(label).toContain('optimal transport');
      for (const label of labelsOf(2, 0)) expect(label).toContain('submodular');
      const words = (blob: number) => new Set(BLOB_TOPICS[blob].join(' ').toLowerCase().split(/[^a-z]+/));
      for (const blob of [0, 1, 2]) {
        for (const label of labelsOf(blob, 1)) expect(label.split(/ · | /).every((w) => words(blob).has(w)), label).toBe(true);
      }
      for (const c of topics.clusters) expect(labelProblems(c.label)).toEqual([]);
    });

    it('gives identical output for identical input', () => {
      const { coords, truth } = blobs([[0, 0], [20, 5], [5, 25], [30, 30]], 80, { spread: 3, seed: 9 });
      const texts = textsFor(truth);
      expect(topicsOf(coords, texts)).toEqual(topicsOf(coords.slice(), [...texts]));
    });

    it.each([0, 1, 2, 5])('handles %i points', (count) => {
      const { coords, truth } = blobs([[0, 0]], count);
      const topics = topicsOf(coords, textsFor(truth));
      expect(topics.assignments).toHaveLength(count);
      expect(topics.coarseAssignments).toHaveLength(count);
      for (const id of [...topics.assignments, ...topics.coarseAssignments]) expect(id === -1 || topics.clusters.some((c) => c.id === id)).toBe(true);
    });

    it('throws when texts, neighbour lists and points differ in number', () => {
      const knn = { indices: [[1], [0], [0]], distances: [[1], [1], [1]] };
      expect(() => computeTopics({ coords: new Float32Array(6), texts: ['one'], knn })).toThrow(/topics: 1 texts and 3 neighbour lists for 3 map points/);
      expect(() => computeTopics({ coords: new Float32Array(6), texts: ['a', 'b', 'c'], knn: { indices: [], distances: [] } })).toThrow(/0 neighbour lists/);
    });

    it('clusters 100,000 points in well under a minute', () => {
      const centres = Array.from({ length: 30 }, (_, i) => [(i % 6) * 40, Math.floor(i / 6) * 40]);
      const { coords, truth } = blobs(centres, 100_000 / 30, { spread: 4, seed: 3 });
      const texts = truth.map((blob) => `topic${blob} words about area${blob}`);
      const knn = planeKnn(coords);
      const started = performance.now();
      const topics = computeTopics({ coords, texts, knn });
      const seconds = (performance.now() - started) / 1000;
      const coarse = topics.clusters.filter((c) => c.level === 0).length;
      console.log(`computeTopics on ${truth.length} points: ${seconds.toFixed(1)} s, ${coarse} coarse and ${topics.clusters.length - coarse} fine clusters`);
      expect(seconds).toBeLessThan(45);
      expect(coarse).toBeGreaterThanOrEqual(30);
      expect(topics.clusters.length - coarse).toBeGreaterThan(coarse);
      // No cluster straddles two blobs.
      const blobsOf = new Map<number, Set<number>>();
      truth.forEach((blob, row) => {
        for (const id of [topics.assignments[row], topics.coarseAssignments[row]]) blobsOf.set(id, (blobsOf.get(id) ?? new Set()).add(blob));
      });
      for (const [id, set] of blobsOf) if (id >= 0) expect(set.size).toBe(1);
    });
  });
});

/** Papers whose titles name a topic, and the word the label of their cluster must hold. */
const DEMO_TOPICS = [
  { name: 'mixture of experts', title: /mixtures?[- ]of[- ]experts?|moe/i, word: 'expert' },
  { name: 'optimal transport', title: /transport/i, word: 'transport' },
  { name: 'submodular optimization', title: /submodular/i, word: 'submodular' },
] as const;

/** Each cluster (either level) holding some of `rows`, with its share of them, largest share first (ties: fine first). */
function clustersHolding(topics: Topics, rows: number[]): { cluster: TopicCluster; share: number }[] {
  return topics.clusters
    .map((cluster) => {
      const ids = cluster.level === 1 ? topics.assignments : topics.coarseAssignments;
      return { cluster, share: rows.filter((row) => ids[row] === cluster.id).length / rows.length };
    })
    .filter((c) => c.share > 0)
    .sort((a, b) => b.share - a.share || b.cluster.level - a.cluster.level);
}

/** Share of a topic's papers its cluster must gather (issue 5). */
const REQUIRED_SHARE = 0.75;

/** The cluster that gathers a demo topic: REQUIRED_SHARE of its papers, its word in the label (a fine one if both levels do). */
function topicCluster(index: LoadedIndex, topic: (typeof DEMO_TOPICS)[number]) {
  const rows = index.papers.flatMap((p, row) => (topic.title.test(p.title) ? [row] : []));
  const holding = clustersHolding(index.topics, rows);
  const found = holding.filter((c) => c.share >= REQUIRED_SHARE && c.cluster.label.includes(topic.word)).sort((a, b) => b.cluster.level - a.cluster.level)[0];
  return { papers: rows.length, found, best: holding[0] };
}

describe.each(['lexical', 'transformer'] as const)('topics of the demo corpus built with the %s embedder', (embedder: DemoEmbedder) => {
  let first: LoadedIndex;
  let second: LoadedIndex;

  beforeAll(async () => {
    const root = await tempDir(`topics-${embedder}`);
    const modelsDir = embedder === 'transformer' ? (await ensureTinyModel()).modelsDir : undefined;
    const load = async (name: string) => {
      const out = path.join(root, name);
      await buildIndex(await demoBuildOptions(embedder, out));
      return loadIndex(out, { modelsDir });
    };
    first = await load('a');
    second = await load('b');
  });

  it('writes topics.json, which loadIndex reads', () => {
    expect(first.manifest.files[ARTIFACT_FILES.topics]).toBeDefined();
    expect(first.topics.assignments).toHaveLength(first.papers.length);
    expect(first.topics.clusters.filter((c) => c.level === 1).length).toBeGreaterThanOrEqual(3);
    expect(first.topics.clusters.filter((c) => c.level === 0).length).toBeGreaterThanOrEqual(2);
  });

  it('gives identical labels and assignments in two builds', () => {
    expect(second.topics).toEqual(first.topics);
  });

  it('labels every cluster with 1–3 terms, none a stop word, a number or a fragment', () => {
    const labels = first.topics.clusters.map((c) => c.label);
    console.log(`${embedder} topics:\n${first.topics.clusters.map((c) => `  [${c.level === 0 ? 'coarse' : 'fine'} ${c.id}] ${c.size} papers: ${c.label}`).join('\n')}`);
    expect(labels.flatMap(labelProblems)).toEqual([]);
  });

  it('gathers the papers on each topic into a cluster named after it', () => {
    const table = DEMO_TOPICS.map((topic) => ({ topic, ...topicCluster(first, topic) }));
    const where = ({ cluster, share }: { cluster: TopicCluster; share: number }) => `${Math.round(share * 100)}% in ${cluster.level ? 'fine' : 'coarse'} "${cluster.label}" (${cluster.size})`;
    console.log(`${embedder}: ${table.map((t) => `${t.topic.name} (${t.papers} papers): ${where(t.found ?? t.best)}`).join('; ')}`);
    for (const t of table) expect(t.found, `${t.topic.name}: best is ${where(t.best)}`).toBeDefined();
  });

  it('places the query "optimal transport between distributions" nearest the optimal-transport cluster', async () => {
    // The query point as the server computes it (src/search/point.ts): the similarity-weighted
    // mean of the map positions of the query's nearest papers.
    const point = queryPoint(first.coords, await searchSemantic(first, 'optimal transport between distributions', 10))!;
    const found = topicCluster(first, DEMO_TOPICS[1]).found;
    expect(found, 'no cluster gathers the optimal-transport papers (see the test above)').toBeDefined();
    const transport = found!.cluster;
    const byDistance = first.topics.clusters
      .filter((c) => c.level === transport.level)
      .sort((a, b) => Math.hypot(a.x - point.x, a.y - point.y) - Math.hypot(b.x - point.x, b.y - point.y));
    console.log(`${embedder}: query at (${point.x.toFixed(2)}, ${point.y.toFixed(2)}); nearest centroids: ${byDistance.slice(0, 3).map((c) => `"${c.label}" ${Math.hypot(c.x - point.x, c.y - point.y).toFixed(2)}`).join(', ')}`);
    expect(byDistance.indexOf(transport)).toBe(0);
  });
});
