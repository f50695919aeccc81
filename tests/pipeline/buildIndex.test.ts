import fs from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/pipeline/buildIndex.js';
import type { Reporter } from '../../src/report/reporter.js';
import { paperText } from '../../src/corpus/text.js';
import { loadIndex } from '../../src/search/loadIndex.js';
import { searchSemantic } from '../../src/search/semantic.js';
import { DEMO_CORPUS, demoBuildOptions } from '../helpers/demoIndex.js';
import { tempDir } from '../helpers/tempDir.js';

let work: string;
beforeAll(async () => {
  work = await tempDir('build');
});

/** A reporter that throws when `stage` reports progress: a real failure in the middle of a build. */
function failingAt(stage: string): Reporter {
  return {
    info() {},
    warn() {},
    progress(s) {
      if (s === stage) throw new Error(`interrupted during ${stage}`);
    },
  };
}

describe('buildIndex', () => {
  describe('with the generated transformer model on the demo corpus', () => {
    let out: string;
    beforeAll(async () => {
      out = path.join(work, 'tiny');
    });

    it('writes a complete index that loads and answers', async () => {
      const report = await buildIndex(await demoBuildOptions('transformer', out));
      expect(report.manifest.papers).toBe(119);
      expect(report.embedded).toBe(119);
      expect(report.manifest.embedder.kind).toBe('transformer');
      for (const f of ['hnsw.bin', 'map.f32', 'papers.jsonl', 'vectors.f32']) expect(report.manifest.files).toHaveProperty([f]);
      const index = await loadIndex(out, { modelsDir: (await demoBuildOptions('transformer', out)).modelsDir });
      expect(index.papers).toHaveLength(119);
      expect(index.coords.every(Number.isFinite)).toBe(true);
      // A paper's own text embeds to its own stored vector: it must come back first, with cosine 1.
      const [top] = await searchSemantic(index, paperText(index.papers[7]), 1);
      expect(top.row).toBe(7);
      expect(top.score).toBeCloseTo(1, 4);
    });

    it('embeds nothing on an immediate second build', async () => {
      const report = await buildIndex(await demoBuildOptions('transformer', out));
      expect(report.embedded).toBe(0);
      expect(report.reused).toBe(119);
    });

    it('embeds exactly the 3 papers appended to the corpus', async () => {
      const grown = path.join(work, 'grown.txt');
      const extra = [1, 2, 3].map((i) => `A New Paper Number ${i}\nThis abstract describes new finding number ${i} about sparse routing.`).join('\n');
      await fs.writeFile(grown, (await fs.readFile(DEMO_CORPUS, 'utf8')).trimEnd() + '\n' + extra + '\n');
      const report = await buildIndex({ ...(await demoBuildOptions('transformer', out)), corpus: grown });
      expect(report.manifest.papers).toBe(122);
      expect(report.embedded).toBe(3);
      expect(report.reused).toBe(119);
    });
  });

  describe('when a build fails midway', () => {
    it.each(['hnsw', 'map'])('leaves the previous index loadable and unchanged (failure during %s)', async (stage) => {
      const out = path.join(work, `fail-${stage}`, 'index');
      const options = await demoBuildOptions('lexical', out);
      const first = await buildIndex(options);
      await expect(buildIndex({ ...options, reporter: failingAt(stage) })).rejects.toThrow(`interrupted during ${stage}`);
      const index = await loadIndex(out);
      expect(index.manifest).toEqual(first.manifest);
      expect(await fs.readdir(path.dirname(out))).toEqual([path.basename(out)]);
    });
  });

  describe('when the corpus is tiny', () => {
    it.each([1, 2, 5])('builds and loads an index of %i papers', async (count) => {
      const corpus = path.join(work, `tiny-${count}.jsonl`);
      const lines = Array.from({ length: count }, (_, i) => JSON.stringify({ id: `p${i}`, title: `Paper ${i} on graphs`, abstract: `We study graph number ${i} and its colouring.` }));
      await fs.writeFile(corpus, lines.join('\n') + '\n');
      const out = path.join(work, `tiny-out-${count}`);
      await buildIndex({ ...(await demoBuildOptions('transformer', out)), corpus });
      const index = await loadIndex(out, { modelsDir: (await demoBuildOptions('transformer', out)).modelsDir });
      expect(index.papers).toHaveLength(count);
      expect(index.coords.every(Number.isFinite)).toBe(true);
    });
  });
});
