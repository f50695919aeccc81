/**
 * @file Drives the hnsw.bin loader fuzz: runs mutations 0..runs-1 in a child process
 * (hnswFuzzChild.ts), and when the child dies (a native crash), records the mutation that
 * killed it and starts a new child at the next one. Nothing here loads hnswlib itself.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { FuzzLine } from './hnswFuzzChild.js';

export interface FuzzOptions {
  /** A built index whose hnsw.bin is mutated (a copy is: the folder is not touched). */
  index: string;
  /** Scratch folder for the mutated copy. */
  work: string;
  runs: number;
  seed: number;
  /** The compiled child script; hnswFuzzChild.js beside this file unless given. */
  childScript?: string;
}

export interface FuzzSummary {
  runs: number;
  refused: number;
  answered: number;
  /** Mutations that ended in an error other than a clear IndexError. */
  failed: FuzzLine[];
  /** Mutations during which the process died, with its signal or exit code. */
  deaths: { n: number; how: string }[];
  /** Refusal reasons, by their first words, with counts. */
  reasons: Record<string, number>;
}

const DEFAULT_CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'hnswFuzzChild.js');

/** Runs mutations [from, to) in one child; resolves with its lines and, if it died, how. */
function runChild(opts: FuzzOptions, from: number, onLine: (line: FuzzLine) => void): Promise<{ lastStarted: number; how?: string }> {
  const child = spawn(process.execPath, [opts.childScript ?? DEFAULT_CHILD, opts.index, opts.work, String(opts.seed), String(from), String(opts.runs)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let lastStarted = from - 1;
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  readline.createInterface({ input: child.stdout }).on('line', (text) => {
    const line = JSON.parse(text) as FuzzLine & { start?: boolean };
    if (line.start) lastStarted = line.n;
    else onLine(line);
  });
  return new Promise((resolve) =>
    child.once('close', (code, signal) => {
      const died = signal !== null || code !== 0;
      resolve({ lastStarted, how: died ? `${signal ?? `exit code ${code}`}: ${stderr.trim().split('\n').pop() ?? ''}` : undefined });
    }),
  );
}

/** The fuzz: every mutation refused with an IndexError or answering searches is the goal. */
export async function fuzzHnswFile(opts: FuzzOptions): Promise<FuzzSummary> {
  const summary: FuzzSummary = { runs: opts.runs, refused: 0, answered: 0, failed: [], deaths: [], reasons: {} };
  const onLine = (line: FuzzLine) => {
    if (line.outcome === 'answered') summary.answered++;
    else if (line.outcome === 'failed') summary.failed.push(line);
    else {
      summary.refused++;
      const reason = (line.message ?? '').replace(/^index: \S+: /, '').replace(/\d+/g, 'N').split(/[:;(]/)[0].trim();
      summary.reasons[reason] = (summary.reasons[reason] ?? 0) + 1;
    }
  };
  for (let from = 0; from < opts.runs; ) {
    const { lastStarted, how } = await runChild(opts, from, onLine);
    if (!how) break;
    summary.deaths.push({ n: lastStarted, how });
    from = lastStarted + 1;
  }
  return summary;
}
