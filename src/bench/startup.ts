/**
 * @file Server start-up against a built index, for "before and after" comparisons of a
 * change: process start to ready (GET /api/health 200) and resident memory once ready, for
 * two paperscope builds (each a dist/cli/main.js) and their indexes, run alternately so both
 * see the same machine load. docs/BENCHMARKS.md, "Filtered search".
 * `node dist/bench/startup.js <runs> <label>=<cli>:<index> [<label>=<cli>:<index> …]`
 */
import { fileURLToPath } from 'node:url';
import { DEFAULT_MODELS_DIR } from '../config.js';
import { describeMachine } from '../report/machine.js';
import { formatSection } from './report.js';
import { memoryOf, startServer } from './serverProcess.js';

interface Subject {
  label: string;
  cli: string;
  index: string;
}

/** One start: seconds to ready, and RSS (MB) a second after. */
async function startOnce({ cli, index }: Subject): Promise<{ seconds: number; rssMb: number; peakMb: number }> {
  const start = performance.now();
  const { child } = await startServer(index, DEFAULT_MODELS_DIR, 'startup', cli);
  const seconds = (performance.now() - start) / 1000;
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const memory = memoryOf(child.pid!);
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  return { seconds, ...memory };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [runs, ...specs] = process.argv.slice(2);
  const subjects: Subject[] = specs.map((spec) => {
    const [label, rest] = spec.split('=');
    const [cli, index] = rest.split(':');
    return { label, cli, index };
  });
  const results = new Map(subjects.map((s) => [s.label, [] as Array<Awaited<ReturnType<typeof startOnce>>>]));
  for (let run = 0; run < Number(runs); run++) for (const subject of subjects) results.get(subject.label)!.push(await startOnce(subject));
  const machine = describeMachine();
  process.stdout.write(`machine: ${machine.cores} cores, ${machine.cpu}, Node ${machine.node}, load average ${machine.loadAverage.join(' ')}\n\n`);
  const rows = subjects.map(({ label }) => {
    const all = results.get(label)!;
    return { build: label, runs: all.length, 'start→ready s (median)': Number(median(all.map((r) => r.seconds)).toFixed(2)), 'each s': all.map((r) => r.seconds.toFixed(2)).join(' '), 'RSS MB (median)': median(all.map((r) => r.rssMb)), 'peak MB (median)': median(all.map((r) => r.peakMb)) };
  });
  process.stdout.write(formatSection({ name: 'Server start-up, alternating runs', rows }) + '\n');
}
