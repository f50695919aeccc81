/**
 * @file The million-point bench's index: a built lexical index grown with synthetic
 * neighbours of its papers, which the server's loader then reads like any other index.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMillionIndex, growCorpus } from '../../src/bench/millionIndex.js';
import { loadIndex } from '../../src/search/loadIndex.js';
import { demoIndexDir } from '../helpers/demoIndex.js';
import { tempDir } from '../helpers/tempDir.js';

const dot = (a: Float32Array, b: Float32Array) => a.reduce((sum, v, i) => sum + v * b[i], 0);

describe('growCorpus', () => {
  it('keeps the real rows and adds unit vectors near the paper each synthetic one borrows from', () => {
    const dims = 4;
    const papers = [
      { id: 'a', title: 'Alpha', abstract: 'x', year: 2020, categories: ['cs.LG'] },
      { id: 'b', title: 'Beta', abstract: 'y' },
    ];
    const vectors = new Float32Array([1, 0, 0, 0, 0, 0, 1, 0]);
    const grown = growCorpus(papers, vectors, dims, 50);
    expect(grown.papers).toHaveLength(50);
    expect(grown.vectors.subarray(0, 2 * dims)).toEqual(vectors);
    expect(new Set(grown.papers.map((p) => p.id)).size).toBe(50);
    for (let i = 2; i < 50; i++) {
      const paper = grown.papers[i];
      const row = grown.vectors.subarray(i * dims, (i + 1) * dims);
      const source = paper.title === 'Alpha' ? 0 : 1;
      expect(paper.abstract).toBe('');
      expect(paper.year).toBe(papers[source].year);
      expect(dot(row, row)).toBeCloseTo(1, 5);
      expect(dot(row, vectors.subarray(source * dims, (source + 1) * dims))).toBeGreaterThan(0.9);
    }
  });
});

describe('buildMillionIndex', () => {
  it('writes an index of the asked size that the server loads and searches', async () => {
    const base = await demoIndexDir('lexical');
    const out = path.join(await tempDir('million'), 'index');
    const { manifest } = await buildMillionIndex({ base, out, papers: 300 });
    expect(manifest.papers).toBe(300);
    const index = await loadIndex(out);
    expect(index.papers).toHaveLength(300);
    expect(index.rowById.get('synthetic-299')).toBe(299);
    expect(index.coords).toHaveLength(600);
    const [query] = await index.queryEmbedder.embedBatch([index.papers[0].title]);
    expect(index.hnsw.searchKnn(Array.from(query), 1).neighbors).toHaveLength(1);
  });

  it('refuses a base index built with a transformer', async () => {
    const base = await demoIndexDir('transformer');
    const out = path.join(await tempDir('million'), 'index');
    await expect(buildMillionIndex({ base, out, papers: 300 })).rejects.toThrow(/transformer embedder; the bench needs a lexical index/);
  });
});
