import { describe, expect, it } from 'vitest';
import { assignTopics } from '../../src/map/assignTopics.js';
import type { Topics } from '../../src/map/topicTypes.js';

/** Two topics of ten papers each: rows 0–9 about graphs, rows 10–19 about proteins. */
const TEXTS = [
  ...Array.from({ length: 10 }, (_, i) => `Graph neural networks for node classification, study ${i}. Message passing on graph neural networks.`),
  ...Array.from({ length: 10 }, (_, i) => `Protein folding with structure prediction, study ${i}. Protein structure prediction from sequences.`),
];
const NEW = Array.from({ length: 4 }, (_, i) => `Sparse attention transformers for long documents, part ${i}. Sparse attention scales transformers.`);

function twoTopics(): Topics {
  const coarse = [...Array(10).fill(0), ...Array(10).fill(1)];
  return {
    coarseAssignments: coarse,
    assignments: coarse.map((c) => c + 2),
    clusters: [
      { id: 0, label: 'graph neural networks', size: 10, x: 0, y: 0, level: 0 },
      { id: 1, label: 'protein folding', size: 10, x: 10, y: 0, level: 0 },
      { id: 2, label: 'graph neural networks', size: 10, x: 0, y: 0, level: 1, parent: 0 },
      { id: 3, label: 'protein folding', size: 10, x: 10, y: 0, level: 1, parent: 1 },
    ],
  };
}

describe('assignTopics', () => {
  const oldCoords = Float32Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? (i < 20 ? 0 : 10) : 0));

  it("gives new papers their neighbours' topics, moves sizes and centroids, and keeps every old assignment", () => {
    const coords = new Float32Array(42);
    coords.set(oldCoords);
    coords.set([2, 4], 40);
    const topics = assignTopics({ topics: twoTopics(), oldCoords, coords, placed: [{ row: 20, near: { rows: [3, 4, 15], distances: [0.1, 0.2, 0.6] } }], textOf: (row) => [...TEXTS, ...NEW][row] });
    expect(topics.assignments.slice(0, 20)).toEqual(twoTopics().assignments);
    expect([topics.coarseAssignments[20], topics.assignments[20]]).toEqual([0, 2]);
    expect(topics.clusters[0].size).toBe(11);
    expect(topics.clusters[1].size).toBe(10);
    expect(topics.clusters[0].x).toBeCloseTo(2 / 11, 6);
    expect(topics.clusters[0].y).toBeCloseTo(4 / 11, 6);
  });

  it('labels a topic again once it has grown by a tenth, and only that topic', () => {
    const count = 20 + NEW.length;
    const coords = new Float32Array(2 * count);
    coords.set(oldCoords);
    const placed = NEW.map((_, i) => ({ row: 20 + i, near: { rows: [12, 13], distances: [0.3, 0.3] } }));
    const topics = assignTopics({ topics: twoTopics(), oldCoords, coords, placed, textOf: (row) => [...TEXTS, ...NEW][row] });
    const protein = topics.clusters.filter((c) => c.id % 2 === 1);
    expect(protein.map((c) => c.size)).toEqual([14, 14]);
    // Fresh c-TF-IDF over the grown cluster, now partly about sparse attention.
    for (const c of protein) expect(c.label).not.toBe('protein folding');
    expect(topics.labelSizes).toEqual([10, 14, 10, 14]);
    expect(topics.clusters.filter((c) => c.id % 2 === 0).map((c) => c.label)).toEqual(['graph neural networks', 'graph neural networks']);
  });
});
