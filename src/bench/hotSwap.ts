/**
 * @file The server's memory across hot swaps at scale: starts `paperscope serve` on a copy of
 * an index, drives it with autocannon (lexical searches and /api/health), runs `paperscope add`
 * for each file while it serves, and samples the server's RSS every second. Reports requests,
 * errors, non-2xx, each new builtAt seen and RSS at ready, at its peak and at the end. Run:
 * `node dist/bench/hotSwap.js --base DIR --work DIR FILE…`.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import autocannon from 'autocannon';
import { DEFAULT_MODELS_DIR, PROJECT_ROOT } from '../config.js';
import { memoryOf, startServer } from './serverProcess.js';

const run = promisify(execFile);
const ARGS = { base: { type: 'string' }, work: { type: 'string' }, connections: { type: 'string', default: '16' } } as const;
const QUERIES = ['graph neural networks', 'optimal transport', 'large language models reasoning', 'protein folding', 'diffusion models'];

async function builtAt(url: string): Promise<string> {
  return ((await (await fetch(`${url}/api/health`)).json()) as { index: { builtAt: string } }).index.builtAt;
}

async function main(): Promise<void> {
  const { values: o, positionals: files } = parseArgs({ options: ARGS, allowPositionals: true });
  if (!o.base || !o.work || files.length === 0) throw new Error('hot swap bench: pass --base DIR --work DIR FILE…');
  const index = path.join(o.work, 'index');
  await fs.rm(index, { recursive: true, force: true });
  await fs.cp(o.base, index, { recursive: true });
  const { child, url } = await startServer(index, DEFAULT_MODELS_DIR, 'hot swap');
  const rss: number[] = [memoryOf(child.pid!).rssMb];
  const sampler = setInterval(() => rss.push(memoryOf(child.pid!).rssMb), 1000);
  let next = 0;
  const paths = [...QUERIES.map((q) => `/api/search?q=${encodeURIComponent(q)}&mode=lexical`), '/api/health'];
  let load!: autocannon.Instance;
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    load = autocannon({ url, connections: Number(o.connections), duration: 3600, requests: [{ setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length] }) }] }, (err, result) => (err ? reject(err) : resolve(result)));
  });
  const errorCodes: Record<string, number> = {};
  load.on('reqError', (err: NodeJS.ErrnoException) => (errorCodes[err.code ?? err.message] = (errorCodes[err.code ?? err.message] ?? 0) + 1));
  const builds = [await builtAt(url)];
  try {
    for (const file of files) {
      await run(process.execPath, [path.join(PROJECT_ROOT, 'dist', 'cli', 'main.js'), 'add', '--index', index, file], { maxBuffer: 64 << 20 });
      const written = (JSON.parse(await fs.readFile(path.join(index, 'manifest.json'), 'utf8')) as { builtAt: string }).builtAt;
      while ((await builtAt(url)) !== written) await new Promise((r) => setTimeout(r, 200));
      builds.push(written);
    }
    // Keep serving a while after the last swap, so the old index can be collected.
    await new Promise((r) => setTimeout(r, 20_000));
  } finally {
    load.stop();
    clearInterval(sampler);
    // The load ends before the server stops, so no request is cut by the shutdown.
    await finished.catch(() => undefined);
    child.kill('SIGTERM');
  }
  const result = await finished;
  const summary = {
    adds: files.length, builds, requests: result.requests.total, errors: result.errors, errorCodes, timeouts: result.timeouts, non2xx: result.non2xx,
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
    rssMb: { ready: rss[0], peak: Math.max(...rss), end: rss.at(-1) },
    loadAverage: os.loadavg().map((l) => l.toFixed(2)).join(' '), cpus: os.cpus().length,
  };
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
}

await main();
