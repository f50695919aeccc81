/**
 * The recommenders: the SVM trainer on separable data, both directions, and recommendPapers
 * on the demo index (never an example, filters respected, topic-coherent results).
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { trainLinearSvm } from '../../src/recommend/linearSvm.js';
import { backgroundRows, rocchioDirection } from '../../src/recommend/directions.js';
import { RECOMMEND_METHODS, recommendPapers } from '../../src/recommend/recommend.js';
import { clusterOf } from '../../src/search/clusters.js';
import { rowFilterOf } from '../../src/search/rowFilter.js';
import type { SearchEngine } from '../../src/search/engine.js';
import { createSeededRandom } from '../../src/util/random.js';
import { demoEngine } from '../server/fixtures.js';

describe('trainLinearSvm', () => {
  it('separates points labelled by a random hyperplane', () => {
    const dims = 16;
    const count = 600;
    const random = createSeededRandom(5);
    const normal = random.normals(dims, 1);
    const vectors = random.normals(count * dims, 1);
    const pos: number[] = [];
    const neg: number[] = [];
    for (let row = 0; row < count; row++) {
      let side = 0;
      for (let j = 0; j < dims; j++) side += normal[j] * vectors[row * dims + j];
      // Leave a margin so the data is cleanly separable.
      if (side > 0.5) pos.push(row);
      else if (side < -0.5) neg.push(row);
    }
    const model = trainLinearSvm(vectors, dims, pos, neg, { c: 10, maxEpochs: 200, tolerance: 1e-3 });
    const score = (row: number) => model.bias + Array.from({ length: dims }, (_, j) => model.weights[j] * vectors[row * dims + j]).reduce((a, b) => a + b, 0);
    const correct = pos.filter((r) => score(r) > 0).length + neg.filter((r) => score(r) < 0).length;
    expect(correct / (pos.length + neg.length)).toBeGreaterThan(0.97);
  });
});

describe('rocchioDirection', () => {
  it('is the positives’ centroid minus a fifth of the negatives’, unit norm', () => {
    const table = { vectors: Float32Array.of(1, 0, 0, 1, 1, 1), dims: 2 };
    const direction = rocchioDirection(table, { pos: [0], neg: [1] })!;
    const expected = [1, -0.2].map((x) => x / Math.hypot(1, 0.2));
    expect(Array.from(direction).map((x) => Number(x.toFixed(6)))).toEqual(expected.map((x) => Number(x.toFixed(6))));
    expect(rocchioDirection(table, { pos: [], neg: [] })).toBeUndefined();
  });
});

describe('backgroundRows', () => {
  it('draws distinct rows, never an example, the same ones for the same seed', () => {
    const examples = new Set([0, 5, 9]);
    const rows = backgroundRows(1000, examples, 100, 3);
    expect(new Set(rows).size).toBe(100);
    expect(rows.some((r) => examples.has(r) || r < 0 || r >= 1000)).toBe(false);
    expect(backgroundRows(1000, examples, 100, 3)).toEqual(rows);
    expect(backgroundRows(12, examples, 100, 3)).toEqual([1, 2, 3, 4, 6, 7, 8, 10, 11]);
  });
});

describe.each(RECOMMEND_METHODS)('recommendPapers (%s) on the demo index', (method) => {
  let engine: SearchEngine;
  beforeAll(async () => {
    engine = await demoEngine('lexical');
  });

  it('never returns an example, returns k distinct rows best first', () => {
    const pos = [0, 10, 20, 30, 40];
    const neg = [50, 60];
    expect(recommendPapers(engine.index, { pos, neg, k: 500, method }).length).toBe(engine.index.papers.length - pos.length - neg.length);
    const rows = recommendPapers(engine.index, { pos, neg, k: 100, method });
    expect(rows.length).toBe(100);
    expect(rows.some((r) => pos.includes(r.row) || neg.includes(r.row))).toBe(false);
    expect(new Set(rows.map((r) => r.row)).size).toBe(rows.length);
    for (let i = 1; i < rows.length; i++) expect(rows[i - 1].score).toBeGreaterThanOrEqual(rows[i].score);
  });

  it('returns only rows the filter keeps, k of them while k pass', () => {
    const mask = Uint8Array.from(engine.index.papers, (_, row) => row % 2);
    const filter = rowFilterOf({}, mask, mask.length);
    const rows = recommendPapers(engine.index, { pos: [1, 2], neg: [], k: 20, method, filter });
    expect(rows.length).toBe(20);
    expect(rows.every((r) => r.row % 2 === 1 && r.row !== 1)).toBe(true);
    const few = rowFilterOf({}, Uint8Array.from(engine.index.papers, (_, row) => Number(row < 6)), mask.length);
    expect(recommendPapers(engine.index, { pos: [1, 2], neg: [3], k: 20, method, filter: few }).map((r) => r.row).sort()).toEqual([0, 4, 5]);
  });

  it('recommends papers of the seeds’ topic from three papers of it', () => {
    const { topics } = engine.index;
    const largest = topics.clusters.filter((c) => c.level === 1).sort((a, b) => b.size - a.size)[0];
    const members = engine.index.papers.map((_, row) => row).filter((row) => clusterOf(engine.index, row) === largest.id);
    const rows = recommendPapers(engine.index, { pos: members.slice(0, 3), neg: [], k: 5, method });
    const inTopic = rows.filter((r) => clusterOf(engine.index, r.row) === largest.id).length;
    // The topic holds under a fifth of the papers; at least 3 of 5 in it is far above chance.
    expect(members.length / engine.index.papers.length).toBeLessThan(0.2);
    expect(inTopic).toBeGreaterThanOrEqual(3);
  });
});
