/**
 * @file Start-to-ready bench: starts `paperscope serve` on an index several times and reports,
 * per run, the seconds from process start until /api/health answers 200, the CPU seconds the
 * server used by then (user + system, all threads: a figure other load on the machine barely
 * moves) and its RSS. Run: `node dist/bench/startup.js --index DIR [--runs 3]`.
 */
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { DEFAULT_MODELS_DIR } from '../config.js';
import { memoryOf, startServer } from './serverProcess.js';

const ARGS = {
  index: { type: 'string' },
  runs: { type: 'string', default: '3' },
  'models-dir': { type: 'string', default: DEFAULT_MODELS_DIR },
} as const;

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** CPU seconds process `pid` has used, user plus system, from /proc (Linux). */
function cpuSecondsOf(pid: number): number {
  // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are the 12th and 13th.
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return Number(((Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND).toFixed(2));
}

async function main(): Promise<void> {
  const { values: o } = parseArgs({ options: ARGS });
  if (!o.index) throw new Error('startup: pass --index DIR');
  const runs: { seconds: number; cpuSeconds: number; rssMb: number }[] = [];
  for (let i = 0; i < Number(o.runs); i++) {
    const start = performance.now();
    const { child } = await startServer(o.index, o['models-dir'], 'startup');
    const seconds = (performance.now() - start) / 1000;
    runs.push({ seconds: Number(seconds.toFixed(2)), cpuSeconds: cpuSecondsOf(child.pid!), rssMb: memoryOf(child.pid!).rssMb });
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
  const load = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  process.stdout.write(`${JSON.stringify({ index: o.index, runs, loadAverage: load, cpus: os.cpus().length })}\n`);
}

await main();
