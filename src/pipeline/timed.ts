/**
 * @file Stage timings of the offline jobs (build, add): each stage's seconds go into the
 * report the CLI prints and the benchmarks read.
 */

/** Runs `work` and records its wall time in seconds as `timings[stage]`. */
export async function timed<T>(timings: Record<string, number>, stage: string, work: () => Promise<T> | T): Promise<T> {
  const start = performance.now();
  const result = await work();
  timings[stage] = Number(((performance.now() - start) / 1000).toFixed(3));
  return result;
}
