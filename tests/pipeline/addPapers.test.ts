import fs from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/pipeline/buildIndex.js';
import { readCorpus } from '../../src/corpus/parse.js';
import { addPapers } from '../../src/pipeline/addPapers.js';
import { BuildLockedError, lockFileOf } from '../../src/store/buildLock.js';
import { lineageOf } from '../../src/pipeline/lineage.js';
import { createSearchEngine, searchPapers } from '../../src/search/engine.js';
import { loadIndex, type LoadedIndex } from '../../src/search/loadIndex.js';
import { demoBuildOptions } from '../helpers/demoIndex.js';
import { splitDemoCorpus, type SplitCorpus } from '../helpers/splitCorpus.js';
import { tempDir } from '../helpers/tempDir.js';

const BASE_PAPERS = 60;

let work: string;
let split: SplitCorpus;

beforeAll(async () => {
  work = await tempDir('add');
  split = await splitDemoCorpus(work, BASE_PAPERS, 20);
});


async function freshBase(name: string): Promise<string> {
  const out = path.join(work, name, 'index');
  await buildIndex({ corpus: split.base, out, embedder: 'lexical' });
  return out;
}

/** A full build of the base and every batch, in the same order. */
async function fullBuild(): Promise<string> {
  const corpus = path.join(work, 'all.jsonl');
  const papers = [split.base, ...split.batches].map((file) => readCorpus(file));
  await fs.writeFile(corpus, (await Promise.all(papers)).flatMap((c) => c.papers.map((p) => JSON.stringify(p))).join('\n') + '\n');
  const out = path.join(work, 'full', 'index');
  await buildIndex({ corpus, out, embedder: 'lexical' });
  return out;
}

async function rankOf(index: LoadedIndex, query: string, id: string, mode: 'lexical' | 'semantic' | 'hybrid'): Promise<number> {
  const { results } = await searchPapers(createSearchEngine(index), { q: query, k: 10, mode });
  return results.findIndex((r) => index.papers[r.row].id === id);
}

describe('addPapers', () => {
  describe('when the papers are new', () => {
    let before: LoadedIndex;
    let after: LoadedIndex;
    let indexDir: string;

    beforeAll(async () => {
      indexDir = await freshBase('new');
      before = await loadIndex(indexDir);
      for (const batch of split.batches) await addPapers({ index: indexDir, files: [batch] });
      after = await loadIndex(indexDir);
    });

    it('leaves every existing paper at exactly the same map coordinates and in the same topics', () => {
      expect(after.papers.length).toBe(119);
      expect(after.papers.slice(0, BASE_PAPERS)).toEqual(before.papers);
      expect(Array.from(after.coords.subarray(0, 2 * BASE_PAPERS))).toEqual(Array.from(before.coords));
      expect(after.topics.assignments.slice(0, BASE_PAPERS)).toEqual(before.topics.assignments);
      expect(after.topics.coarseAssignments.slice(0, BASE_PAPERS)).toEqual(before.topics.coarseAssignments);
    });

    it('finds every new paper by its title, ranking exactly as a full build of the same papers', async () => {
      const full = await loadIndex(await fullBuild());
      for (const paper of after.papers.slice(BASE_PAPERS)) {
        expect(await rankOf(after, paper.title, paper.id, 'lexical'), paper.title).toBeGreaterThanOrEqual(0);
        expect(await rankOf(after, paper.title, paper.id, 'hybrid'), paper.title).toBeGreaterThanOrEqual(0);
        const ids = async (index: LoadedIndex) => (await searchPapers(createSearchEngine(index), { q: paper.title, k: 10, mode: 'lexical' })).results.map((r) => index.papers[r.row].id);
        expect(await ids(after)).toEqual(await ids(full));
      }
    });

    it('places each new paper inside the area of the existing map', () => {
      const xs = Array.from(before.coords.filter((_, i) => i % 2 === 0));
      const ys = Array.from(before.coords.filter((_, i) => i % 2 === 1));
      for (let row = BASE_PAPERS; row < after.papers.length; row++) {
        expect(after.coords[2 * row]).toBeGreaterThanOrEqual(Math.min(...xs));
        expect(after.coords[2 * row]).toBeLessThanOrEqual(Math.max(...xs));
        expect(after.coords[2 * row + 1]).toBeGreaterThanOrEqual(Math.min(...ys));
        expect(after.coords[2 * row + 1]).toBeLessThanOrEqual(Math.max(...ys));
      }
    });

    it('keeps cluster sizes equal to the papers assigned to them', () => {
      for (const cluster of after.topics.clusters) {
        const assigned = cluster.level === 0 ? after.topics.coarseAssignments : after.topics.assignments;
        expect(cluster.size, cluster.label).toBe(assigned.filter((id) => id === cluster.id).length);
      }
    });

    it('records the lineage: the base build and each add', () => {
      const lineage = lineageOf(after.manifest)!;
      expect(lineage.base).toEqual({ builtAt: before.manifest.builtAt, papers: BASE_PAPERS, corpusSha256: before.manifest.corpus.sha256 });
      expect(lineage.adds.map((a) => a.added)).toEqual([20, 20, 19]);
      expect(lineage.adds.at(-1)!.builtAt).toBe(after.manifest.builtAt);
      expect(after.hnsw.getCurrentCount()).toBe(119);
    });
  });

  describe('when a paper already in the index comes again', () => {
    it('replaces a changed text in its row, and writes nothing when nothing changed', async () => {
      const indexDir = await freshBase('changed');
      const before = await loadIndex(indexDir);
      const target = before.papers[5];
      expect(await rankOf(before, target.abstract, target.id, 'lexical')).toBe(0);
      const changed = { ...target, abstract: 'Zeolite crystallography with quasicrystalline tilings and xylophone acoustics.' };
      const file = path.join(work, 'changed.jsonl');
      await fs.writeFile(file, JSON.stringify(changed) + '\n');
      const report = await addPapers({ index: indexDir, files: [file] });
      expect(report).toMatchObject({ added: 0, replaced: 1, updated: 0, unchanged: 0 });
      const after = await loadIndex(indexDir);
      expect(after.papers.length).toBe(BASE_PAPERS);
      expect(after.papers[5]).toEqual(changed);
      expect(await rankOf(after, 'zeolite quasicrystalline xylophone', target.id, 'lexical')).toBe(0);
      expect(await rankOf(after, 'zeolite quasicrystalline xylophone', target.id, 'hybrid')).toBe(0);
      // BM25 holds the new text only: the old abstract ranks the papers as a fresh build of the changed corpus does.
      const corpus = path.join(work, 'changed-all.jsonl');
      await fs.writeFile(corpus, after.papers.map((p) => JSON.stringify(p)).join('\n') + '\n');
      await buildIndex({ corpus, out: path.join(work, 'changed-full', 'index'), embedder: 'lexical' });
      const fresh = await loadIndex(path.join(work, 'changed-full', 'index'));
      const byOldAbstract = async (index: LoadedIndex) => (await searchPapers(createSearchEngine(index), { q: target.abstract, k: 60, mode: 'lexical' })).results;
      expect(await byOldAbstract(after)).toEqual(await byOldAbstract(fresh));
      expect(Array.from(after.coords.subarray(0, 10))).toEqual(Array.from(before.coords.subarray(0, 10)));

      const again = await addPapers({ index: indexDir, files: [file] });
      expect(again).toMatchObject({ added: 0, replaced: 0, unchanged: 1 });
      expect(again.manifest).toBeUndefined();
      expect((await loadIndex(indexDir)).manifest.builtAt).toBe(after.manifest.builtAt);
    });
  });

  describe('while another process holds the folder\'s build lock', () => {
    it('refuses to add, naming that process, and leaves the index as it was', async () => {
      const indexDir = await freshBase('locked');
      const before = await loadIndex(indexDir);
      // The parent of this test process is alive for the whole test: a lock it "holds" is not stale.
      await fs.writeFile(lockFileOf(indexDir), `${process.ppid}\n`);
      await expect(addPapers({ index: indexDir, files: [split.batches[0]] })).rejects.toThrow(BuildLockedError);
      await fs.rm(lockFileOf(indexDir));
      expect((await loadIndex(indexDir)).manifest.builtAt).toBe(before.manifest.builtAt);
    });
  });

  describe('with a transformer index', () => {
    it('embeds the new papers with the model named in the manifest', async () => {
      const options = await demoBuildOptions('transformer', path.join(work, 'tiny', 'index'));
      await buildIndex({ ...options, corpus: split.base });
      await addPapers({ index: options.out, files: split.batches, modelsDir: options.modelsDir });
      const after = await loadIndex(options.out, { modelsDir: options.modelsDir });
      const [vector] = await after.queryEmbedder.embedBatch([`${after.papers[100].title}. ${after.papers[100].abstract}`]);
      expect(after.manifest.embedder.kind).toBe('transformer');
      expect(after.papers.length).toBe(119);
      const stored = after.vectors.subarray(100 * after.dims, 101 * after.dims);
      // Embedded in a batch, padded beside longer texts: equal up to float rounding.
      expect(stored.reduce((sum, v, i) => sum + v * vector[i], 0)).toBeGreaterThan(0.999);
    });
  });
});
