/**
 * @file Load benchmark of the explorer server: starts `paperscope serve` on the demo index
 * as a child process, drives it with autocannon (searches in all three modes, similar
 * papers, the map) and prints throughput, latency, errors and the server's memory.
 * Run after `npm run build:ts`: `npm run bench:load -- --help`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { createSeededRandom } from '../util/random.js';
import { DEFAULT_CORPUS, DEFAULT_INDEX_DIR, DEFAULT_MODELS_DIR } from '../config.js';
import { buildIndex } from '../pipeline/buildIndex.js';
import { silentReporter } from '../report/reporter.js';
import { memoryOf, startServer } from './serverProcess.js';

const USAGE = `usage: node dist/bench/load.js [options]
  --index <dir>        index to serve as it is; built from the demo corpus (embedder auto) only if missing (default: ${DEFAULT_INDEX_DIR})
  --models-dir <dir>   models folder (default: ${DEFAULT_MODELS_DIR})
  --duration <s>       seconds of load (default 30)
  --connections <n>    concurrent connections (default 32)
  --seed <n>           seed of the request mix (default 1)
  --json               print the summary as JSON`;

const ARGS = {
  index: { type: 'string', default: DEFAULT_INDEX_DIR },
  'models-dir': { type: 'string', default: DEFAULT_MODELS_DIR },
  duration: { type: 'string', default: '30' },
  connections: { type: 'string', default: '32' },
  seed: { type: 'string', default: '1' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
} as const;

/** Share of each request kind in the mix. */
const MIX = Object.freeze({ search: 0.7, similar: 0.2, map: 0.1 });
const MODES = ['hybrid', 'semantic', 'lexical'] as const;

/** Builds random request paths over the served papers: varied queries, so the query cache rarely hits. */
function requestMaker(ids: string[], titles: string[], seed: number): () => string {
  const rand = createSeededRandom(seed).uniform;
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)];
  const words = [...new Set(titles.join(' ').toLowerCase().match(/[a-z][a-z-]{3,}/g) ?? [])];
  return () => {
    const r = rand();
    if (r < MIX.search) {
      const q = Array.from({ length: 1 + Math.floor(rand() * 4) }, () => pick(words)).join(' ');
      return `/api/search?q=${encodeURIComponent(q)}&mode=${pick(MODES)}&k=10`;
    }
    if (r < MIX.search + MIX.similar) return `/api/papers/${encodeURIComponent(pick(ids))}/similar?k=10`;
    return '/api/map';
  };
}

async function main(): Promise<void> {
  const { values: o } = parseArgs({ options: ARGS });
  if (o.help) return void process.stdout.write(`${USAGE}\n`);
  const duration = Number(o.duration);
  const connections = Number(o.connections);
  if (!fs.existsSync(path.join(o.index, 'manifest.json'))) {
    process.stderr.write(`load: no index in ${o.index}; building the demo corpus there\n`);
    await buildIndex({ corpus: DEFAULT_CORPUS, out: o.index, embedder: 'auto', modelsDir: o['models-dir'], offline: true, reporter: silentReporter });
  }
  const { child, url } = await startServer(o.index, o['models-dir']);
  try {
    const health = (await (await fetch(`${url}/api/health`)).json()) as { papers: number; embedder: { kind: string; model: string } };
    const map = (await (await fetch(`${url}/api/map`)).json()) as { ids: string[]; titles: string[] };
    const before = memoryOf(child.pid!);
    const next = requestMaker(map.ids, map.titles, Number(o.seed));
    const result = await autocannon({
      url,
      connections,
      duration,
      requests: [{ setupRequest: (req) => ({ ...req, path: next() }) }],
    });
    const after = memoryOf(child.pid!);
    const summary = {
      server: url,
      papers: health.papers,
      embedder: `${health.embedder.kind} (${health.embedder.model})`,
      durationS: duration,
      connections,
      mix: MIX,
      requests: result.requests.total,
      reqPerSec: Math.round(result.requests.average),
      latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      rssMb: { before: before.rssMb, after: after.rssMb, peak: after.peakMb },
      // Other work on the machine lowers the figures: report the 1-minute load average at the end.
      loadAverage: Number(os.loadavg()[0].toFixed(2)),
      cpus: os.cpus().length,
    };
    if (o.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    else process.stdout.write(formatSummary(summary));
  } finally {
    child.kill('SIGTERM');
  }
}

function formatSummary(s: Record<string, unknown> & { latencyMs: Record<string, number>; rssMb: Record<string, number> }): string {
  return [
    `paperscope load: ${s.papers} papers, ${s.embedder}, ${s.connections} connections for ${s.durationS} s`,
    `  mix          ${MIX.search * 100}% search (hybrid/semantic/lexical), ${MIX.similar * 100}% similar, ${MIX.map * 100}% map`,
    `  requests     ${s.requests} (${s.reqPerSec} req/s)`,
    `  latency      p50 ${s.latencyMs.p50} ms, p90 ${s.latencyMs.p90} ms, p99 ${s.latencyMs.p99} ms, max ${s.latencyMs.max} ms`,
    `  errors       ${s.errors} (timeouts ${s.timeouts}), non-2xx ${s.non2xx}`,
    `  server RSS   ${s.rssMb.before} MB before, ${s.rssMb.after} MB after (peak ${s.rssMb.peak} MB)`,
    `  machine      ${s.cpus} CPUs, 1-min load average ${s.loadAverage} at the end (server and autocannon share them)`,
    '',
  ].join('\n');
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
