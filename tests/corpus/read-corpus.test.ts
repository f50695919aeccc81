/**
 * @file readCorpus on files: the bundled demo corpus, every fixture format, gzip, missing files.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { CorpusError } from '../../src/corpus/errors.js';
import { readCorpus } from '../../src/corpus/parse.js';
import { DEMO_CORPUS, FIXTURES } from './helpers.js';
import { tempDir } from '../helpers/tempDir.js';

describe('readCorpus', () => {
  describe('when reading the bundled demo corpus', () => {
    it('finds exactly 119 papers, from the first title to the last', async () => {
      const { papers, format, warnings, skipped } = await readCorpus(DEMO_CORPUS);
      expect(format).toBe('trending');
      expect(papers).toHaveLength(119);
      expect(papers[0].title).toBe('Learning to Act Greedily: Polymatroid Semi-Bandits');
      expect(papers[0].abstract).toMatch(/^Many important optimization problems/);
      expect(papers[118].title).toBe('Optimal Sets and Solution Paths of ReLU Networks');
      expect(warnings).toEqual([]);
      expect(skipped).toEqual([]);
    });

    it('keeps no page furniture in any title or abstract', async () => {
      const { papers } = await readCorpus(DEMO_CORPUS);
      for (const paper of papers) {
        expect(`${paper.title}\n${paper.abstract}`).not.toMatch(/trending papers|email inbox|^Subscribe/im);
      }
    });

    it('gives unique, URL-safe ids that are the same on every run', async () => {
      const first = await readCorpus(DEMO_CORPUS);
      const second = await readCorpus(DEMO_CORPUS);
      const ids = first.papers.map((paper) => paper.id);
      expect(new Set(ids).size).toBe(119);
      for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9._-]+$/);
      expect(second.papers.map((paper) => paper.id)).toEqual(ids);
    });
  });

  describe('when reading each fixture format', () => {
    it.each([
      ['trending.txt', 'trending', 2],
      ['papers.jsonl', 'jsonl', 3],
      ['papers.json', 'json', 2],
      ['papers.csv', 'csv', 2],
      ['arxiv-snapshot.jsonl', 'arxiv', 2],
    ])('reads %s as %s with %i papers', async (name, format, count) => {
      const result = await readCorpus(path.join(FIXTURES, name));
      expect(result.format).toBe(format);
      expect(result.papers).toHaveLength(count);
    });
  });

  describe('when the file is gzipped', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await tempDir('corpus');
    });

    it('gunzips and detects the format from the name without .gz', async () => {
      const file = path.join(dir, 'arxiv.jsonl.gz');
      await writeFile(file, gzipSync(await readFile(path.join(FIXTURES, 'arxiv-snapshot.jsonl'))));
      const result = await readCorpus(file);
      expect(result.format).toBe('arxiv');
      expect(result.papers.map((paper) => paper.id)).toEqual(['0704.0001', 'hep-th/9901001']);
    });

    it('reports a damaged gzip file', async () => {
      const file = path.join(dir, 'cut.jsonl.gz');
      const whole = gzipSync(await readFile(path.join(FIXTURES, 'papers.jsonl')));
      await writeFile(file, whole.subarray(0, whole.length / 2));
      await expect(readCorpus(file)).rejects.toThrow(`corpus: ${file}: not a valid gzip file (unexpected end of file)`);
    });
  });

  describe('when the file cannot be read', () => {
    it('throws a CorpusError naming the file and the reason', async () => {
      const missing = path.join(FIXTURES, 'no-such-file.jsonl');
      const error = await readCorpus(missing).catch((err: unknown) => err);
      expect(error).toBeInstanceOf(CorpusError);
      expect((error as CorpusError).message).toBe(`corpus: ${missing}: cannot read file (ENOENT)`);
    });
  });
});
