/**
 * @file `paperscope add` at scale: copies a built index, adds each corpus file to it in turn with
 * the real CLI (each add its own process, timed with /usr/bin/time for wall time and peak RSS),
 * then measures HNSW recall@10 of the result against exact search. Run:
 * `node dist/bench/add.js --base DIR --work DIR FILE…` (SHARED_DATA_DIR holds the arXiv corpus).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parseArgs } from 'node:util';
import { searchHnsw } from '../ann/hnsw.js';
import { PROJECT_ROOT } from '../config.js';
import { loadIndex, type LoadedIndex } from '../search/loadIndex.js';
import { sampleRows } from '../map/layout.js';
import { exactTop } from './scale.js';

const run = promisify(execFile);
const ARGS = {
  base: { type: 'string' },
  work: { type: 'string' },
  queries: { type: 'string', default: '500' },
} as const;

/** Runs one `paperscope add`; seconds and peak RSS (MB) from GNU time. */
async function timedAdd(index: string, file: string): Promise<{ file: string; seconds: number; peakMb: number; log: string }> {
  const cli = path.join(PROJECT_ROOT, 'dist', 'cli', 'main.js');
  const { stderr } = await run('/usr/bin/time', ['-f', 'time %e %M', process.execPath, cli, 'add', '--index', index, file], { maxBuffer: 64 << 20 });
  const [, seconds, kb] = /time ([\d.]+) (\d+)\s*$/.exec(stderr) ?? [];
  return { file: path.basename(file), seconds: Number(seconds), peakMb: Math.round(Number(kb) / 1024), log: stderr.split('\n').filter((l) => l.startsWith('add:') || l.startsWith('wrote')).join('; ') };
}

/** HNSW recall@10 against exact search, for `queries` seeded random papers as queries (each itself left out). */
function recallAt10(index: LoadedIndex, queries: number): number {
  const { dims, vectors } = index;
  let hits = 0;
  for (const row of sampleRows(index.papers.length, queries, 7)) {
    const query = vectors.subarray(row * dims, (row + 1) * dims);
    const truth = new Set(exactTop(vectors, query, 11, dims).filter((r) => r !== row).slice(0, 10));
    hits += searchHnsw(index.hnsw, query, 11).rows.filter((r) => r !== row).slice(0, 10).filter((r) => truth.has(r)).length;
  }
  return Number((hits / (queries * 10)).toFixed(4));
}

async function main(): Promise<void> {
  const { values: o, positionals: files } = parseArgs({ options: ARGS, allowPositionals: true });
  if (!o.base || !o.work || files.length === 0) throw new Error('add bench: pass --base DIR --work DIR FILE…');
  const index = path.join(o.work, 'index');
  await fs.rm(index, { recursive: true, force: true });
  await fs.cp(o.base, index, { recursive: true });
  const queries = Number(o.queries);
  const baseRecall = recallAt10(await loadIndex(index), queries);
  const adds = [];
  for (const file of files) {
    const add = await timedAdd(index, file);
    adds.push(add);
    process.stderr.write(`${add.file}: ${add.seconds} s, peak ${add.peakMb} MB (${add.log})\n`);
  }
  const final = await loadIndex(index);
  const summary = { papers: { before: (await loadIndex(o.base)).papers.length, after: final.papers.length }, adds, recallAt10: { before: baseRecall, after: recallAt10(final, queries), queries }, loadAverage: os.loadavg().map((l) => l.toFixed(2)).join(' '), cpus: os.cpus().length };
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
}

await main();
