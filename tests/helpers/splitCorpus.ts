/**
 * @file The demo corpus cut in two, for tests of `paperscope add`: the first papers make the
 * base index, the rest arrive later. Both parts keep the demo corpus's format, so each paper
 * keeps its id.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_CORPUS } from '../../src/config.js';

/** Two lines of page furniture, then a title line and an abstract line per paper. */
const FURNITURE_LINES = 2;

export interface SplitCorpus {
  /** The first `baseCount` papers. */
  base: string;
  /** Each later batch of papers, in corpus order. */
  batches: string[];
}

/**
 * Writes the first `baseCount` demo papers to `<dir>/base.txt` and the rest, in batches of
 * `batchSize` (all of them when absent), to `<dir>/batch-<n>.txt`.
 */
export async function splitDemoCorpus(dir: string, baseCount: number, batchSize?: number): Promise<SplitCorpus> {
  const lines = (await fs.readFile(DEFAULT_CORPUS, 'utf8')).split('\n').filter((line, i) => i < FURNITURE_LINES || line.trim() !== '');
  const header = lines.slice(0, FURNITURE_LINES);
  const papers = Array.from({ length: (lines.length - FURNITURE_LINES) / 2 }, (_, i) => lines.slice(FURNITURE_LINES + 2 * i, FURNITURE_LINES + 2 * i + 2));
  const write = async (name: string, part: string[][]) => {
    const file = path.join(dir, name);
    await fs.writeFile(file, [...header, ...part.flat()].join('\n') + '\n');
    return file;
  };
  const rest = papers.slice(baseCount);
  const size = batchSize ?? rest.length;
  const batches: string[] = [];
  for (let start = 0; start < rest.length; start += size) batches.push(await write(`batch-${batches.length}.txt`, rest.slice(start, start + size)));
  return { base: await write('base.txt', papers.slice(0, baseCount)), batches };
}
