/**
 * @file `npm run bench:million -- --base <lexical index> [--out <dir>] [--papers 1000000]
 * [--ef-construction 200] [--skip-build] [--seconds 4]`: the explorer at a million papers.
 * Builds the grown index (src/bench/millionIndex.ts) in a child process (its peak RSS is
 * the build's own), then starts the server on it (start → ready, RSS, search latency,
 * /api/map on the wire), then runs `npm run bench:map` on it for the page's figures.
 * The index goes to `--out` (default: a folder under the system temp dir), outside the repo;
 * `--skip-build` measures an index already there.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_HNSW, PROJECT_ROOT } from '../config.js';
import { consoleReporter } from '../report/console.js';
import { buildMillionIndex } from './millionIndex.js';
import { formatSection, peakRssMB, writeBenchJson, type BenchSection } from './report.js';
import { measureServer } from './millionServer.js';

/** Heap of the build process: a million papers' records and k-NN lists outgrow Node's default (about 4 GB). */
const BUILD_HEAP_MB = 12_288;

const OPTIONS = {
  base: { type: 'string' },
  out: { type: 'string', default: path.join(os.tmpdir(), 'paperscope-million', 'index') },
  papers: { type: 'string', default: '1000000' },
  'ef-construction': { type: 'string', default: String(DEFAULT_HNSW.efConstruction) },
  'skip-build': { type: 'boolean', default: false },
  'build-only': { type: 'boolean', default: false },
  seconds: { type: 'string', default: '4' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'];

/** A positive whole number from option `name`, or a clear error naming it. */
function count(values: Values, name: 'papers' | 'ef-construction' | 'seconds'): number {
  const value = Number(values[name]);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive whole number, got "${values[name]}"`);
  return value;
}

/** The build, in this process: prints its figures as one JSON line on stdout. */
async function buildOnly(values: Values): Promise<void> {
  const started = performance.now();
  const { manifest, timings } = await buildMillionIndex({
    base: values.base!,
    out: values.out,
    papers: count(values, 'papers'),
    hnsw: { efConstruction: count(values, 'ef-construction') },
    reporter: consoleReporter(),
  });
  const bytes = Object.values(manifest.files).reduce((sum, f) => sum + f.bytes, 0);
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(JSON.stringify({ papers: manifest.papers, 'build s': Number(seconds.toFixed(1)), ...roundAll(timings), 'peak RSS MB': peakRssMB(), 'disk MB': Math.round(bytes / 1e6) }) + '\n');
}

function roundAll(timings: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(timings).map(([stage, s]) => [`${stage} s`, Number(s.toFixed(1))]));
}

/** Runs `node <this file> …args --build-only`, progress on our stderr; resolves with its JSON line. */
function buildInChild(args: string[]): Promise<Record<string, number>> {
  const child = spawn(process.execPath, [`--max-old-space-size=${BUILD_HEAP_MB}`, fileURLToPath(import.meta.url), ...args, '--build-only'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1)!) as Record<string, number>) : reject(new Error(`the build exited with code ${code}`))));
  });
}

/** `npm run bench:map -- --index <out>` (which bundles the page first); resolves with bench-results/map.json. */
async function mapBench(index: string, seconds: number): Promise<Record<string, unknown>> {
  const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'web', 'bench', 'mapBench.mjs'), '--index', index, '--seconds', String(seconds)], { stdio: ['ignore', 'inherit', 'inherit'] });
  const code = await new Promise((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`bench:map exited with code ${String(code)}`);
  return JSON.parse(await fs.readFile(path.join(PROJECT_ROOT, 'bench-results', 'map.json'), 'utf8')) as Record<string, unknown>;
}

/** The page's figures from mapBench's report. */
function mapRow(report: Record<string, unknown>): Record<string, string | number> {
  const r = report as { firstDrawMs: number; mapDataMs: number; longTasksMs: number[]; pan: { fps: number; p95FrameMs: number }; zoom: { fps: number; p95FrameMs: number } };
  return {
    'map data ms': Math.round(r.mapDataMs),
    'first frame ms': Math.round(r.firstDrawMs),
    'longest task ms': Math.max(0, ...r.longTasksMs),
    'long tasks': r.longTasksMs.length,
    'pan fps': Number(r.pan.fps.toFixed(1)),
    'pan p95 ms': Math.round(r.pan.p95FrameMs),
    'zoom p95 ms': Math.round(r.zoom.p95FrameMs),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: OPTIONS });
  if (values['build-only']) return buildOnly(values);
  const args = ['--out', values.out, '--papers', String(count(values, 'papers')), '--ef-construction', String(count(values, 'ef-construction'))];
  if (!values['skip-build'] && !values.base) throw new Error('--base <index> is required to build: a built lexical index (paperscope build --embedder lexical)');
  const build = values['skip-build'] ? undefined : await buildInChild([...args, '--base', values.base!]);
  const server = await measureServer(values.out);
  const page = mapRow(await mapBench(values.out, count(values, 'seconds')));
  const loads = os.loadavg().map((l) => l.toFixed(1)).join(', ');
  const papers = server.papers.toLocaleString('en');
  const sections: BenchSection[] = [
    ...(build ? [{ name: `Build of the ${papers}-paper index`, rows: [build], notes: [`efConstruction ${values['ef-construction']}`] }] : []),
    { name: `Server on the ${papers}-paper index`, rows: [server.row], notes: server.notes },
    { name: `The map page at ${papers} papers (headless Chromium, software WebGL)`, rows: [page], notes: [`load average at the end ${loads}`] },
  ];
  for (const section of sections) process.stdout.write(formatSection(section) + '\n\n');
  process.stdout.write(`written to ${await writeBenchJson('million', sections)}\n`);
}

await main();
