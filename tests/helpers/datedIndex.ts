/**
 * @file A small dated, categorised index for the filter, facet and trend tests: every 12th
 * record of the bundled arXiv sample (data/arxiv-sample.jsonl.gz), plus records without a
 * date (an id that is not an arXiv id, no year) and with a year only. Built once per test
 * file with the lexical embedder, in a folder removed after the file's tests.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { buildIndex } from '../../src/pipeline/buildIndex.js';
import { PROJECT_ROOT } from '../../src/config.js';
import { tempDir } from './tempDir.js';

export const ARXIV_SAMPLE = path.join(PROJECT_ROOT, 'data', 'arxiv-sample.jsonl.gz');

interface SampleRecord {
  id: string;
  title: string;
  abstract: string;
  categories: string[];
  year?: number;
}

/** Every `step`-th record of the bundled sample. */
async function sampleRecords(step: number): Promise<SampleRecord[]> {
  const lines = zlib.gunzipSync(await fs.readFile(ARXIV_SAMPLE)).toString('utf8').trim().split('\n');
  return lines.filter((_, i) => i % step === 0).map((line) => JSON.parse(line) as SampleRecord);
}

/** The test corpus: the sample records, the first 8 made undated and the next 4 year-only (2024). */
export async function datedCorpusRecords(): Promise<SampleRecord[]> {
  return (await sampleRecords(12)).map((record, i) => {
    if (i < 8) return { id: `undated-${i}`, title: record.title, abstract: record.abstract, categories: record.categories };
    if (i < 12) return { ...record, id: `year-only-${i}`, year: 2024 };
    return record;
  });
}

let built: Promise<string> | undefined;

/** The folder of the dated test index, built on first call. */
export function datedIndexDir(): Promise<string> {
  built ??= (async () => {
    const dir = await tempDir('dated');
    const corpus = path.join(dir, 'dated.jsonl');
    await fs.writeFile(corpus, (await datedCorpusRecords()).map((r) => JSON.stringify(r)).join('\n') + '\n');
    const out = path.join(dir, 'index');
    await buildIndex({ corpus, out, embedder: 'lexical' });
    return out;
  })();
  return built;
}
