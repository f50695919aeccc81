import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/build/index.js';
import { ARTIFACT_FILES } from '../../src/artifacts/index.js';
import { seededRandom } from '../../src/map/layout.js';
import { computeTopics } from '../../src/map/topics.js';
import type { TopicCluster, Topics } from '../../src/map/topicTypes.js';
import { loadIndex, type LoadedIndex } from '../../src/search/loadIndex.js';
import { queryPoint } from '../../src/search/point.js';
import { searchSemantic } from '../../src/search/semantic.js';
import { STOP_WORDS } from '../../src/text/tokenize.js';
import { demoBuildOptions, type DemoEmbedder } from '../helpers/demoIndex.js';
import { ensureTinyModel } from '../helpers/model.js';

/** Gaussian blobs on the plane, `perBlob` points each, plus `outliers` far from every blob. */
function blobs(centres: number[][], perBlob: number, opts: { spread?: number; outliers?: number[][]; seed?: number } = {}) {
  const random = seededRandom(opts.seed ?? 1);
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
    it.each([3, 6])('recovers %i blobs without being told how many', (k) => {
      const centres = Array.from({ length: k }, (_, i) => [40 * Math.cos((2 * Math.PI * i) / k), 40 * Math.sin((2 * Math.PI * i) / k)]);
      const { coords, truth } = blobs(centres, 60);
      const topics = computeTopics({ coords, texts: textsFor(truth) });
      const fine = topics.clusters.filter((c) => c.level === 1);
      expect(fine).toHaveLength(k);
      const found = centres.map((_, blob) => dominantCluster(topics.assignments, truth.flatMap((t, row) => (t === blob ? [row] : []))));
      for (const { share } of found) expect(share).toBeGreaterThanOrEqual(0.9);
      expect(new Set(found.map((f) => f.id)).size).toBe(k);
    });

    it('puts isolated points in no cluster (-1)', () => {
      const outliers = [[300, 300], [-300, 250], [280, -320], [-260, -290]];
      const { coords, truth } = blobs([[0, 0], [30, 0], [0, 30]], 50, { outliers });
      const topics = computeTopics({ coords, texts: textsFor(truth) });
      const outlierRows = truth.flatMap((t, row) => (t < 0 ? [row] : []));
      for (const row of outlierRows) {
        expect(topics.assignments[row]).toBe(-1);
        expect(topics.coarseAssignments[row]).toBe(-1);
      }
    });

    it('gives fine clusters inside coarse ones when blobs group into regions', () => {
      // Two regions far apart, each a ring of eight small blobs: too small to be coarse clusters on their own.
      const ring = (cx: number) => Array.from({ length: 8 }, (_, i) => [cx + 8 * Math.cos((i * Math.PI) / 4), 8 * Math.sin((i * Math.PI) / 4)]);
      const { coords, truth } = blobs([...ring(0), ...ring(100)], 25, { spread: 0.6 });
      const topics = computeTopics({ coords, texts: textsFor(truth) });
      const coarse = topics.clusters.filter((c) => c.level === 0);
      const fine = topics.clusters.filter((c) => c.level === 1);
      expect(coarse).toHaveLength(2);
      expect(fine).toHaveLength(16);
      for (const c of fine) {
        const parent = topics.clusters.find((p) => p.id === c.parent)!;
        expect(parent.level).toBe(0);
        expect(Math.abs(c.x - parent.x)).toBeLessThan(10);
      }
    });

    it('gives each cluster its centroid and size', () => {
      const { coords, truth } = blobs([[10, 10], [-10, -10]], 40);
      const topics = computeTopics({ coords, texts: textsFor(truth) });
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
      const topics = computeTopics({ coords, texts: textsFor(truth) });
      const labelOf = (blob: number) => {
        const { id } = dominantCluster(topics.assignments, truth.flatMap((t, row) => (t === blob ? [row] : [])));
        return topics.clusters.find((c) => c.id === id)!.label;
      };
      expect(labelOf(0)).toContain('mixture of experts');
      expect(labelOf(0).split(' · ')).not.toContain('experts');
      expect(labelOf(1)).toContain('optimal transport');
      expect(labelOf(2)).toContain('submodular');
      for (const c of topics.clusters) expect(labelProblems(c.label)).toEqual([]);
    });

    it('gives identical output for identical input', () => {
      const { coords, truth } = blobs([[0, 0], [20, 5], [5, 25], [30, 30]], 80, { spread: 3, seed: 9 });
      const texts = textsFor(truth);
      expect(computeTopics({ coords, texts })).toEqual(computeTopics({ coords: coords.slice(), texts: [...texts] }));
    });

    it.each([0, 1, 2, 5])('handles %i points', (count) => {
      const { coords, truth } = blobs([[0, 0]], count);
      const topics = computeTopics({ coords, texts: textsFor(truth) });
      expect(topics.assignments).toHaveLength(count);
      expect(topics.coarseAssignments).toHaveLength(count);
      for (const id of [...topics.assignments, ...topics.coarseAssignments]) expect(id === -1 || topics.clusters.some((c) => c.id === id)).toBe(true);
    });

    it('throws when texts and points differ in number', () => {
      expect(() => computeTopics({ coords: new Float32Array(6), texts: ['one'] })).toThrow(/topics: 1 texts for 3 map points/);
    });

    it('clusters 100,000 points in well under a minute', () => {
      const centres = Array.from({ length: 30 }, (_, i) => [(i % 6) * 40, Math.floor(i / 6) * 40]);
      const { coords, truth } = blobs(centres, 100_000 / 30, { spread: 4, seed: 3 });
      const texts = truth.map((blob) => `topic${blob} words about area${blob}`);
      const started = performance.now();
      const topics = computeTopics({ coords, texts });
      const seconds = (performance.now() - started) / 1000;
      console.log(`computeTopics on ${truth.length} points: ${seconds.toFixed(1)} s, ${topics.clusters.length} clusters`);
      expect(seconds).toBeLessThan(45);
      expect(topics.clusters.filter((c) => c.level === 1).length).toBeGreaterThanOrEqual(25);
    });
  });
});

/** Papers whose titles name a topic, and the word the label of their cluster must hold. */
const DEMO_TOPICS = [
  { name: 'mixture of experts', title: /mixtures?[- ]of[- ]experts?|moe/i, word: 'expert' },
  { name: 'optimal transport', title: /transport/i, word: 'transport' },
  { name: 'submodular optimization', title: /submodular/i, word: 'submodular' },
] as const;

/** The cluster (either level) holding most of `rows`, with its share of them. */
function bestCluster(topics: Topics, rows: number[]): { cluster?: TopicCluster; share: number } {
  let best: { cluster?: TopicCluster; share: number } = { share: 0 };
  for (const cluster of topics.clusters) {
    const ids = cluster.level === 1 ? topics.assignments : topics.coarseAssignments;
    const share = rows.filter((row) => ids[row] === cluster.id).length / rows.length;
    if (share > best.share || (share === best.share && best.cluster && cluster.level > best.cluster.level)) best = { cluster, share };
  }
  return best;
}

describe.each(['lexical', 'transformer'] as const)('topics of the demo corpus built with the %s embedder', (embedder: DemoEmbedder) => {
  let first: LoadedIndex;
  let second: LoadedIndex;

  beforeAll(async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), `paperscope-topics-${embedder}-`));
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

  it('gathers the papers on a topic into a cluster named after it', () => {
    const table = DEMO_TOPICS.map((topic) => {
      const rows = first.papers.flatMap((p, row) => (topic.title.test(p.title) ? [row] : []));
      const { cluster, share } = bestCluster(first.topics, rows);
      return { ...topic, papers: rows.length, share, label: cluster?.label ?? '' };
    });
    console.log(`${embedder}: ${table.map((t) => `${t.name}: ${Math.round(t.share * 100)}% of ${t.papers} in "${t.label}"`).join('; ')}`);
    const gathered = table.filter((t) => t.share >= 0.75 && t.label.includes(t.word)).map((t) => t.name);
    // What the map of each embedder lets density clustering find: the tiny test model spells
    // words outside its 2,000-word vocabulary ("transport", "submodular") letter by letter, and
    // its map spreads those papers out; the lexical (LSA) map keeps them closer.
    expect(gathered).toEqual(expect.arrayContaining(embedder === 'lexical' ? ['mixture of experts', 'submodular optimization'] : []));
  });

  it('places the query "optimal transport between distributions" nearest the optimal-transport cluster', async () => {
    // The query point as the server computes it (src/search/point.ts): the similarity-weighted
    // mean of the map positions of the query's nearest papers.
    const point = queryPoint(first.coords, await searchSemantic(first, 'optimal transport between distributions', 10))!;
    const transport = first.topics.clusters.find((c) => c.label.includes('transport'));
    const byDistance = first.topics.clusters
      .filter((c) => c.level === (transport?.level ?? 1))
      .sort((a, b) => Math.hypot(a.x - point.x, a.y - point.y) - Math.hypot(b.x - point.x, b.y - point.y));
    console.log(`${embedder}: query at (${point.x.toFixed(2)}, ${point.y.toFixed(2)}); nearest centroids: ${byDistance.slice(0, 3).map((c) => `"${c.label}" ${Math.hypot(c.x - point.x, c.y - point.y).toFixed(2)}`).join(', ')}`);
    // The tiny model's map has no transport cluster (see the test above).
    if (embedder === 'transformer') return;
    expect(byDistance[0]).toEqual(transport);
  });
});
