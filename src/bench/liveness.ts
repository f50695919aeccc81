/**
 * @file Liveness with a 5 MB abstract in the index (issue 18): serves the demo corpus plus one
 * paper whose abstract is 5 MB (`paperscope serve` as a child process), keeps 8 connections
 * searching for that paper in every mode, and meanwhile times /api/health one request after
 * another. Prints the health and search latencies. Run after `npm run build:ts`:
 * `npm run bench:liveness -- --seconds 20`.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_CORPUS, PROJECT_ROOT } from '../config.js';
import { readCorpus } from '../corpus/parse.js';
import { describeMachine } from '../report/machine.js';
import { startServer } from './serverProcess.js';
import { quantile } from './report.js';

const ABSTRACT_BYTES = 5 * 1024 * 1024;
const SEARCHERS = 8;
const QUERIES = ['zyxwort', 'stiff gradient methods', 'gradient methods converge slowly on stiff problems'];


const summarize = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  return { count: ms.length, p50: Number(quantile(sorted, 0.5).toFixed(1)), p99: Number(quantile(sorted, 0.99).toFixed(1)), max: Number(sorted[sorted.length - 1].toFixed(1)) };
};

async function timedGet(url: string): Promise<number> {
  const start = performance.now();
  const res = await fetch(url);
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status}`);
  return performance.now() - start;
}

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '20' } } });
const work = await fs.mkdtemp(path.join(os.tmpdir(), 'paperscope-liveness-'));
try {
  const sentence = 'Gradient methods converge slowly on stiff problems, e.g. in control. ';
  const huge = { id: 'huge', title: 'Stiff zyxwort gradients', abstract: `${sentence.repeat(Math.ceil(ABSTRACT_BYTES / sentence.length))}Only here does zyxwort appear.` };
  const corpus = path.join(work, 'papers.jsonl');
  await fs.writeFile(corpus, [...(await readCorpus(DEFAULT_CORPUS)).papers, huge].map((p) => JSON.stringify(p)).join('\n'));
  const index = path.join(work, 'index');
  // Built by the CLI in a child process, so the measuring process starts without the build's heap.
  execFileSync(process.execPath, [path.join(PROJECT_ROOT, 'dist', 'cli', 'main.js'), 'build', '--corpus', corpus, '--out', index, '--embedder', 'lexical'], { stdio: 'ignore' });
  const { child, url } = await startServer(index, path.join(work, 'models'), 'liveness');
  try {
    const until = Date.now() + Number(values.seconds) * 1000;
    const searchMs: number[] = [];
    const healthMs: number[] = [];
    const searcher = async (n: number) => {
      for (let i = n; Date.now() < until; i++) {
        const mode = ['lexical', 'hybrid', 'semantic'][i % 3];
        searchMs.push(await timedGet(`${url}/api/search?q=${encodeURIComponent(QUERIES[i % QUERIES.length])}&mode=${mode}&k=20`));
      }
    };
    const health = async () => {
      while (Date.now() < until) healthMs.push(await timedGet(`${url}/api/health`));
    };
    await Promise.all([...Array.from({ length: SEARCHERS }, (_, n) => searcher(n)), health()]);
    const report = { machine: describeMachine(), abstractBytes: huge.abstract.length, seconds: Number(values.seconds), searchers: SEARCHERS, healthMs: summarize(healthMs), searchMs: summarize(searchMs) };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } finally {
    child.kill('SIGTERM');
  }
} finally {
  await fs.rm(work, { recursive: true, force: true });
}
