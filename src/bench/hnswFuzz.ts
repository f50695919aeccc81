/**
 * @file Benchmark-sized fuzz of the hnsw.bin loader (issue 18): 1,000 seeded mutations of a
 * demo index's hnsw.bin, each with its checksum recomputed in manifest.json, each loaded and
 * searched in a child process that may die. Prints how many were refused, answered, failed
 * or killed the process. Run after `npm run build:ts`: `npm run bench:hnsw-fuzz -- --runs 1000`.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_CORPUS } from '../config.js';
import { buildIndex } from '../pipeline/buildIndex.js';
import { describeMachine } from '../report/machine.js';
import { fuzzHnswFile } from './hnswFuzzRun.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '1000' }, seed: { type: 'string', default: '20261130' } } });
const work = await fs.mkdtemp(path.join(os.tmpdir(), 'paperscope-hnsw-fuzz-'));
try {
  const index = path.join(work, 'index');
  await buildIndex({ corpus: DEFAULT_CORPUS, out: index, embedder: 'lexical' });
  const start = performance.now();
  const summary = await fuzzHnswFile({ index, work: path.join(work, 'mutated'), runs: Number(values.runs), seed: Number(values.seed) });
  const seconds = (performance.now() - start) / 1000;
  process.stdout.write(`${JSON.stringify({ machine: describeMachine(), seconds: Number(seconds.toFixed(1)), seed: Number(values.seed), ...summary }, null, 2)}\n`);
  if (summary.deaths.length > 0 || summary.failed.length > 0) process.exitCode = 1;
} finally {
  await fs.rm(work, { recursive: true, force: true });
}
