/**
 * @file Soak test of the explorer server: builds (once) an index of the first 10,000 papers of
 * the arXiv sample, serves it with `paperscope serve` as a child process, and drives it with
 * autocannon for 10 minutes at 64 connections over a realistic mix (search in all three modes,
 * paper, similar papers, the map). Prints requests, errors, non-2xx, p50/p99 latency and
 * server RSS per minute; writes bench-results/soak.json. Run after `npm run build:ts`:
 * `npm run bench:soak -- --help`. See docs/SOAK.md.
 */
import { createReadStream, existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { createGunzip } from 'node:zlib';
import autocannon from 'autocannon';
import { readManifest, sha256File } from '../store/indexFolder.js';
import { buildIndex } from '../pipeline/buildIndex.js';
import { consoleReporter } from '../report/console.js';
import { DEFAULT_MODEL, DEFAULT_MODELS_DIR, PROJECT_ROOT } from '../config.js';
import { createSeededRandom } from '../util/random.js';
import { formatSection, writeBenchJson, type BenchSection } from './report.js';
import { describeMachine } from '../report/machine.js';
import { memoryOf, startServer } from './serverProcess.js';

const ARXIV_SAMPLE = path.join(PROJECT_ROOT, '..', 'shared', 'data', 'arxiv-daily', 'papers.jsonl.gz');

const USAGE = `usage: node dist/bench/soak.js [options]
  --corpus <file>      JSON Lines corpus, .gz ok (default: ${ARXIV_SAMPLE})
  --papers <n>         use its first n records (default 10000)
  --minutes <m>        minutes of load (default 10; fractions allowed)
  --connections <n>    concurrent connections (default 64)
  --embedder <kind>    lexical (default) or transformer (needs --model in --models-dir)
  --model <name>       transformer model (default ${DEFAULT_MODEL})
  --models-dir <dir>   models folder (default: ${DEFAULT_MODELS_DIR})
  --work <dir>         where the sample and its index are kept and reused (default: <tmp>/paperscope-soak)
  --seed <n>           seed of the request mix (default 1)`;

const ARGS = {
  corpus: { type: 'string', default: ARXIV_SAMPLE },
  papers: { type: 'string', default: '10000' },
  minutes: { type: 'string', default: '10' },
  connections: { type: 'string', default: '64' },
  embedder: { type: 'string', default: 'lexical' },
  model: { type: 'string', default: DEFAULT_MODEL },
  'models-dir': { type: 'string', default: DEFAULT_MODELS_DIR },
  work: { type: 'string', default: path.join(os.tmpdir(), 'paperscope-soak') },
  seed: { type: 'string', default: '1' },
  help: { type: 'boolean', default: false },
} as const;

/** Share of each request kind: mostly searches (the three modes equally), then papers opened, their neighbours, the map. */
const MIX = Object.freeze({ search: 0.6, paper: 0.2, similar: 0.15, map: 0.05 });
const MODES = ['hybrid', 'semantic', 'lexical'] as const;
/** How often the server's memory is read. */
const RSS_SAMPLE_MS = 5000;

/** Writes the first `count` records of a JSON Lines file (gzipped or not) to `out`; returns how many it found. */
async function writeSample(corpus: string, count: number, out: string): Promise<number> {
  const input = createReadStream(corpus);
  const lines = readline.createInterface({ input: corpus.endsWith('.gz') ? input.pipe(createGunzip()) : input, crlfDelay: Infinity });
  const kept: string[] = [];
  for await (const line of lines) {
    if (line.trim() !== '') kept.push(line);
    if (kept.length === count) break;
  }
  lines.close();
  input.destroy();
  await fs.mkdir(path.dirname(out), { recursive: true });
  await fs.writeFile(out, kept.join('\n') + '\n');
  return kept.length;
}

/** The index of `sample` in `indexDir`: reused when it was built from the same bytes with the same embedder, else built. */
async function ensureSoakIndex(sample: string, indexDir: string, o: { embedder: string; model: string; 'models-dir': string }): Promise<void> {
  const sha = await sha256File(sample);
  const manifest = await readManifest(indexDir).catch(() => undefined);
  if (manifest?.corpus.sha256 === sha && manifest.embedder.kind === o.embedder) return void process.stderr.write(`soak: reusing ${indexDir}\n`);
  const embedder = o.embedder === 'transformer' ? 'transformer' : 'lexical';
  process.stderr.write(`soak: building ${indexDir} (${embedder} embedder)\n`);
  await buildIndex({ corpus: sample, out: indexDir, embedder, model: o.model, modelsDir: o['models-dir'], offline: true, reporter: consoleReporter() });
}

/** Request paths over the served papers, drawn from MIX with seeded randomness; queries vary so the cache rarely hits. */
function requestMaker(ids: string[], titles: string[], seed: number): () => string {
  const random = createSeededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random.uniform() * items.length)];
  const words = [...new Set(titles.join(' ').toLowerCase().match(/[a-z][a-z-]{3,}/g) ?? [])];
  return () => {
    const r = random.uniform();
    if (r < MIX.search) {
      const q = Array.from({ length: 1 + Math.floor(random.uniform() * 5) }, () => pick(words)).join(' ');
      return `/api/search?q=${encodeURIComponent(q)}&mode=${pick(MODES)}&k=${pick([5, 10, 20])}`;
    }
    if (r < MIX.search + MIX.paper) return `/api/papers/${encodeURIComponent(pick(ids))}`;
    if (r < MIX.search + MIX.paper + MIX.similar) return `/api/papers/${encodeURIComponent(pick(ids))}/similar?k=10`;
    return '/api/map';
  };
}

/** What happened in one minute of the run. */
interface Minute {
  latencies: number[];
  non2xx: number;
  errors: number;
  rssMb: number[];
}

const percentile = (sorted: number[], p: number) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]);

/** Runs autocannon against `url` for `minutes`, collecting latency, status and errors per minute and the server's RSS. */
async function soak(url: string, pid: number, next: () => string, minutes: number, connections: number): Promise<{ perMinute: Minute[]; result: autocannon.Result }> {
  const buckets = Math.ceil(minutes);
  const perMinute: Minute[] = Array.from({ length: buckets }, () => ({ latencies: [], non2xx: 0, errors: 0, rssMb: [] }));
  const start = Date.now();
  const bucket = () => perMinute[Math.min(buckets - 1, Math.floor((Date.now() - start) / 60_000))];
  const sampler = setInterval(() => bucket().rssMb.push(memoryOf(pid).rssMb), RSS_SAMPLE_MS);
  const options = { url, connections, duration: Math.round(minutes * 60), requests: [{ setupRequest: (req: autocannon.Request) => ({ ...req, path: next() }) }] };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (err, done: autocannon.Result) => (err ? reject(err) : resolve(done)));
    instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
      const minute = bucket();
      minute.latencies.push(ms);
      if (status < 200 || status >= 300) minute.non2xx++;
    });
    instance.on('reqError', () => bucket().errors++);
  });
  clearInterval(sampler);
  return { perMinute, result };
}

function minuteRows(perMinute: Minute[], minutes: number): BenchSection['rows'] {
  return perMinute.map((m, i) => {
    const sorted = m.latencies.sort((a, b) => a - b);
    const seconds = 60 * Math.min(1, minutes - i);
    return {
      minute: i + 1,
      requests: sorted.length,
      'req/s': Math.round(sorted.length / seconds),
      errors: m.errors,
      non2xx: m.non2xx,
      'p50 ms': percentile(sorted, 50),
      'p99 ms': percentile(sorted, 99),
      'max ms': sorted.at(-1) ?? NaN,
      'rss MB': m.rssMb.at(-1) ?? NaN,
      'rss max MB': Math.max(...m.rssMb),
    };
  });
}

async function main(): Promise<void> {
  const { values: o } = parseArgs({ options: ARGS });
  if (o.help) return void process.stdout.write(`${USAGE}\n`);
  const [papers, minutes, connections] = [Number(o.papers), Number(o.minutes), Number(o.connections)];
  const sample = path.join(o.work, `sample-${papers}.jsonl`);
  const indexDir = path.join(o.work, `index-${papers}-${o.embedder}`);
  if (!existsSync(sample)) process.stderr.write(`soak: ${await writeSample(o.corpus, papers, sample)} papers from ${o.corpus} → ${sample}\n`);
  await ensureSoakIndex(sample, indexDir, o);
  const { child, url } = await startServer(indexDir, o['models-dir'], 'soak');
  try {
    const health = (await (await fetch(`${url}/api/health`)).json()) as { papers: number; embedder: { kind: string; model: string } };
    const map = (await (await fetch(`${url}/api/map`)).json()) as { ids: string[]; titles: string[] };
    const rssBefore = memoryOf(child.pid!).rssMb;
    process.stderr.write(`soak: ${health.papers} papers (${health.embedder.kind}), ${connections} connections for ${minutes} min against ${url}\n`);
    const { perMinute, result } = await soak(url, child.pid!, requestMaker(map.ids, map.titles, Number(o.seed)), minutes, connections);
    const after = memoryOf(child.pid!);
    const rows = minuteRows(perMinute, minutes);
    const section: BenchSection = {
      name: `soak: ${health.papers} papers, ${health.embedder.kind} embedder (${health.embedder.model}), ${connections} connections, ${minutes} min`,
      rows,
      notes: [
        `mix: ${MIX.search * 100}% search (hybrid/semantic/lexical equally, k 5/10/20), ${MIX.paper * 100}% paper, ${MIX.similar * 100}% similar, ${MIX.map * 100}% map`,
        `total: ${result.requests.total} requests (${Math.round(result.requests.average)} req/s), ${result.errors} errors (${result.timeouts} timeouts), ${result.non2xx} non-2xx`,
        `latency over the run: p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
        `server RSS: ${rssBefore} MB before the load, ${after.rssMb} MB after, peak ${after.peakMb} MB`,
        `machine: ${os.cpus().length} CPUs shared by the server and autocannon; 1-min load average ${os.loadavg()[0].toFixed(2)} at the end`,
      ],
    };
    process.stdout.write(`${formatSection(section)}\n`);
    const file = await writeBenchJson('soak', [section]);
    process.stderr.write(`soak: wrote ${file} (machine: ${JSON.stringify(describeMachine())})\n`);
    if (result.errors > 0 || result.non2xx > 0) process.exitCode = 1;
  } finally {
    child.kill('SIGTERM');
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`soak: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
