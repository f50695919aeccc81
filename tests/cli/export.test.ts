/**
 * `paperscope export` run as a real process on the demo index: ids, a collection from a data
 * folder and a search, in each format, and bad arguments stopped with a message.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { parse as parseCsv } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { openCollectionStore } from '../../src/collections/store.js';
import { createSearchEngine, searchPapers } from '../../src/search/engine.js';
import { loadIndex } from '../../src/search/loadIndex.js';
import { ensureCli, runCli } from '../faults/helpers.js';
import { demoIndexDir } from '../helpers/demoIndex.js';
import { tempDir } from '../helpers/tempDir.js';

describe('paperscope export', () => {
  let main: string;
  let indexDir: string;
  let ids: string[];
  beforeAll(async () => {
    [main, indexDir] = await Promise.all([ensureCli(), demoIndexDir('lexical')]);
    ids = (await loadIndex(indexDir)).papers.slice(0, 5).map((p) => p.id);
  }, 180_000);

  it('writes the given ids as CSV to standard output', async () => {
    const run = await runCli(main, ['export', '--index', indexDir, '--ids', ids.join(',')]);
    expect(run.code).toBe(0);
    const records = parseCsv(run.stdout, { columns: true }) as Record<string, string>[];
    expect(records.map((r) => r.id)).toEqual(ids);
    expect(records[0].permalink).toBe(`http://127.0.0.1:3000/?paper=${ids[0]}`);
  });

  it("writes a collection from --data as BibTeX to --out, and a search's results as JSON Lines", async () => {
    const work = await tempDir('export');
    const store = openCollectionStore(path.join(work, 'data'));
    const collection = store.create('cli');
    for (const id of ids.slice(0, 3)) store.putPaper(collection.id, id, 'pos');
    store.close();
    const out = path.join(work, 'cli.bib');
    const bib = await runCli(main, ['export', '--index', indexDir, '--data', path.join(work, 'data'), '--collection', collection.id, '--format', 'bibtex', '-o', out]);
    expect(bib.code).toBe(0);
    expect(bib.stderr).toMatch(/wrote 3 papers/);
    const parsed = parseBibtex(await fs.readFile(out, 'utf8'));
    expect(parsed.errors).toEqual([]);
    expect(parsed.entries.length).toBe(3);

    const jsonl = await runCli(main, ['export', '--index', indexDir, '--query', 'optimal transport', '--mode', 'lexical', '-k', '4', '--format', 'jsonl']);
    const engine = createSearchEngine(await loadIndex(indexDir));
    const expected = (await searchPapers(engine, { q: 'optimal transport', mode: 'lexical', k: 4 })).results.map((r) => engine.index.papers[r.row].id);
    expect(jsonl.stdout.trimEnd().split('\n').map((line) => JSON.parse(line).id)).toEqual(expected);
  });

  it.each([
    [['--ids', 'a', '--query', 'x'], /give one of --ids, --query or --collection, or a filter/],
    [[], /give one of --ids, --query or --collection, or a filter/],
    [['--ids', 'no-such-paper'], /no paper with id "no-such-paper"/],
    [['--topic', 'x'], /--topic/],
    [['--topic', '99999'], /--topic: topic 99999 is not a topic of this index/],
    [['--format', 'xlsx', '--ids', 'a'], /format/],
  ])('stops with a message for %j', async (args, message) => {
    const run = await runCli(main, ['export', '--index', indexDir, ...args]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
  });
});
