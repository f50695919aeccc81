/**
 * @file Seeds, run counts and input tallies shared by the fuzz tests. Runs are seeded
 * (FUZZ_SEED, default below) so a failure replays; FUZZ_RUNS=n runs every cheap target n times
 * instead of its default, expensive ones n / 50 times (e.g. `FUZZ_RUNS=5000 npx vitest run tests/fuzz`).
 */
import fc from 'fast-check';

export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261127);

const RUNS_OVERRIDE = process.env.FUZZ_RUNS === undefined ? undefined : Number(process.env.FUZZ_RUNS);

/**
 * How many inputs a target tries: its default, or with FUZZ_RUNS=n, n for cheap targets and
 * n / 50 (at least the default) for expensive ones (builds, 10 MB inputs, huge headers).
 */
export function fuzzRuns(defaultRuns: number, expensive = false): number {
  if (RUNS_OVERRIDE === undefined || !Number.isInteger(RUNS_OVERRIDE) || RUNS_OVERRIDE <= 0) return defaultRuns;
  return expensive ? Math.max(defaultRuns, Math.ceil(RUNS_OVERRIDE / 50)) : RUNS_OVERRIDE;
}

/** fast-check parameters for one target: seeded, with fuzzRuns() inputs. */
export function fuzzParameters<T>(defaultRuns: number, expensive = false): fc.Parameters<T> {
  return { seed: FUZZ_SEED, numRuns: fuzzRuns(defaultRuns, expensive), endOnFailure: false };
}

/** Counts generated inputs per target and prints them, so a run states what it tried. */
export class InputTally {
  private readonly counts = new Map<string, number>();

  constructor(private readonly suite: string) {}

  add(target: string, n = 1): void {
    this.counts.set(target, (this.counts.get(target) ?? 0) + n);
  }

  total(): number {
    return [...this.counts.values()].reduce((a, b) => a + b, 0);
  }

  /** One line per target, then the total (printed in afterAll). */
  print(): void {
    const width = Math.max(...[...this.counts.keys()].map((k) => k.length), 6);
    const lines = [...this.counts].map(([target, n]) => `  ${target.padEnd(width)}  ${n}`);
    console.log(`fuzz ${this.suite} (seed ${FUZZ_SEED}): generated inputs per target\n${lines.join('\n')}\n  ${'total'.padEnd(width)}  ${this.total()}`);
  }
}
