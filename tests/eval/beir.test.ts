/**
 * Reading a BEIR-layout folder: finding its files by pattern or by flag, and parsing the
 * corpus, queries and qrels with errors that name the file and line. Folders are made in a
 * temporary directory, except the hand-scored fixture in tests/fixtures/beir/mini.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { copyBeirCorpus, locateBeirFiles, MISSING_TEXT, readBeirQueries, readQrels } from '../../src/eval/beir.js';
import { tempDir } from '../helpers/tempDir.js';

const MINI = path.join(PROJECT_ROOT, 'tests', 'fixtures', 'beir', 'mini');
let dir: string;

beforeEach(async () => {
  dir = await tempDir('beir-test');
});

async function write(files: Record<string, string>): Promise<void> {
  for (const [name, text] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await fs.writeFile(path.join(dir, name), text);
  }
}

describe('locateBeirFiles', () => {
  it('finds the one corpus, queries and qrels file by their names', async () => {
    expect(await locateBeirFiles(MINI)).toEqual({
      corpus: path.join(MINI, 'corpus.jsonl'),
      queries: path.join(MINI, 'queries.jsonl'),
      qrels: path.join(MINI, 'qrels-test.tsv'),
    });
  });

  it('finds qrels in a qrels/ folder (the layout BEIR ships) and prefers corpus.jsonl to its .gz copy', async () => {
    await write({ 'corpus.jsonl': '', 'corpus.jsonl.gz': '', 'queries.jsonl': '', 'qrels/test.tsv': '' });
    const files = await locateBeirFiles(dir);
    expect(files.corpus).toBe(path.join(dir, 'corpus.jsonl'));
    expect(files.qrels).toBe(path.join(dir, 'qrels', 'test.tsv'));
  });

  describe('when two files could be meant', () => {
    it('throws naming both and the flag that picks one', async () => {
      await write({ 'corpus.jsonl': '', 'queries.jsonl': '', 'qrels/train.tsv': '', 'qrels/test.tsv': '' });
      await expect(locateBeirFiles(dir)).rejects.toThrow('several files could be the qrels: qrels/test.tsv, qrels/train.tsv; name one with --qrels <file>');
      const files = await locateBeirFiles(dir, { qrels: 'qrels/train.tsv' });
      expect(files.qrels).toBe(path.join(dir, 'qrels', 'train.tsv'));
    });
  });

  it('throws if a named file is missing or no file matches', async () => {
    await write({ 'queries.jsonl': '', 'qrels.tsv': '' });
    await expect(locateBeirFiles(dir)).rejects.toThrow(/no file matches .*corpus.*name one with --corpus <file>/);
    await expect(locateBeirFiles(dir, { corpus: 'nope.jsonl' })).rejects.toThrow(`${path.join(dir, 'nope.jsonl')}: no such file (from --corpus)`);
  });
});

describe('copyBeirCorpus', () => {
  it('writes { id, title, abstract } line for line, a placeholder for a missing title or text', async () => {
    await write({ 'c.jsonl': '{"_id": "a", "title": "T", "text": "X"}\n\n{"id": 7, "title": "", "text": "Y"}\n{"_id": "b", "title": "Only title"}\n' });
    const copy = await copyBeirCorpus(path.join(dir, 'c.jsonl'), path.join(dir, 'out.jsonl'));
    expect(copy).toEqual({ documents: 3, untitled: 1, textless: 1 });
    const lines = (await fs.readFile(path.join(dir, 'out.jsonl'), 'utf8')).split('\n');
    expect(lines.slice(0, 4).map((l) => (l ? JSON.parse(l) : l))).toEqual([
      { id: 'a', title: 'T', abstract: 'X' },
      '',
      { id: '7', title: MISSING_TEXT, abstract: 'Y' },
      { id: 'b', title: 'Only title', abstract: MISSING_TEXT },
    ]);
  });

  it('throws if a line is not JSON or has no id, naming the line', async () => {
    await write({ 'bad.jsonl': '{"_id": "a", "text": "x"}\n{"_id": "b", "text": \n', 'noid.jsonl': '{"title": "t", "text": "x"}\n' });
    await expect(copyBeirCorpus(path.join(dir, 'bad.jsonl'), path.join(dir, 'o'))).rejects.toThrow(/bad\.jsonl line 2: invalid JSON/);
    await expect(copyBeirCorpus(path.join(dir, 'noid.jsonl'), path.join(dir, 'o'))).rejects.toThrow(/noid\.jsonl line 1: missing "_id" \(or "id"\)/);
  });
});

describe('readBeirQueries', () => {
  it('maps ids to texts in file order', async () => {
    expect([...(await readBeirQueries(path.join(MINI, 'queries.jsonl'))).keys()]).toEqual(['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q8', 'q9']);
  });

  it('throws if an id repeats', async () => {
    await write({ 'q.jsonl': '{"_id": "1", "text": "a"}\n{"_id": "1", "text": "b"}\n' });
    await expect(readBeirQueries(path.join(dir, 'q.jsonl'))).rejects.toThrow(/q\.jsonl line 2: duplicate query id "1"/);
  });
});

describe('readQrels', () => {
  it('reads graded judgements after a header line', async () => {
    const qrels = await readQrels(path.join(MINI, 'qrels-test.tsv'));
    expect(qrels.get('q3')).toEqual(new Map([['d12', 2], ['d6', 1]]));
    expect(qrels.get('q6')).toEqual(new Map([['d12', 0]]));
  });

  it('reads the four-column TREC form too', async () => {
    await write({ 'q.txt': '1 0 docA 2\n1 0 docB 0\n' });
    expect((await readQrels(path.join(dir, 'q.txt'))).get('1')).toEqual(new Map([['docA', 2], ['docB', 0]]));
  });

  it('throws if a score is not a number', async () => {
    await write({ 'q.tsv': 'q\td\t1\nq\te\thigh\n' });
    await expect(readQrels(path.join(dir, 'q.tsv'))).rejects.toThrow(/q\.tsv line 2: score "high" is not a number/);
  });
});
