/**
 * @file How far apart two systems are on one set of queries, with its uncertainty: the mean of
 * the per-query differences and a 95% paired bootstrap interval (percentile method, resampling
 * queries with replacement, seeded so a rerun prints the same figures). On 12 queries one
 * query moving a rank changes nDCG@10 by ~0.01, so a difference is read against its interval:
 * a system "ties" another on a set when the interval of their difference reaches 0.
 */
import { createSeededRandom } from '../util/random.js';

export interface PairedInterval {
  mean: number;
  low: number;
  high: number;
}

const RESAMPLES = 10_000;

/**
 * Mean of `differences` (one per query: system A's score minus B's) and its 95% bootstrap interval.
 * @example pairedInterval([0.1, 0.1, 0.1]) // => { mean: 0.1, low: 0.1, high: 0.1 }
 */
export function pairedInterval(differences: readonly number[], seed = 1): PairedInterval {
  const n = differences.length;
  if (n === 0) throw new Error('pairedInterval: no differences to resample');
  const random = createSeededRandom(seed);
  const means = new Float64Array(RESAMPLES);
  for (let r = 0; r < RESAMPLES; r++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += differences[Math.floor(random.uniform() * n)];
    means[r] = sum / n;
  }
  means.sort();
  const at = (q: number) => means[Math.min(RESAMPLES - 1, Math.floor(q * RESAMPLES))];
  return { mean: differences.reduce((a, b) => a + b, 0) / n, low: at(0.025), high: at(0.975) };
}
