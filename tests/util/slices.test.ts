/**
 * mapInSlices (src/util/slices.ts): the same results as Array.map, and a turn of the event loop
 * for other work whenever a slice of time has passed.
 */
import { describe, expect, it } from 'vitest';
import { mapInSlices } from '../../src/util/slices.js';

/** Busy for `ms` milliseconds, as a result's snippet and why work is. */
function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

/** Runs `work` while a setImmediate loop counts the turns the event loop gave other work. */
async function turnsDuring<T>(work: () => Promise<T>): Promise<{ result: T; turns: number }> {
  let turns = 0;
  let counting = true;
  const count = () => {
    if (!counting) return;
    turns++;
    setImmediate(count);
  };
  setImmediate(count);
  const result = await work();
  counting = false;
  return { result, turns };
}

describe('mapInSlices', () => {
  it('maps in order, like Array.map', async () => {
    expect(await mapInSlices([3, 1, 2], (n) => n * 10)).toEqual([30, 10, 20]);
    expect(await mapInSlices([], (n: number) => n)).toEqual([]);
  });

  it('lets other work run between items once a slice of time has passed', async () => {
    const { result, turns } = await turnsDuring(() => mapInSlices([1, 2, 3, 4, 5], (n) => (busy(3), n), 1));
    expect(result).toEqual([1, 2, 3, 4, 5]);
    expect(turns).toBeGreaterThanOrEqual(4);
  });

  it('never yields while the work stays inside one slice', async () => {
    const { turns } = await turnsDuring(() => mapInSlices([1, 2, 3, 4, 5], (n) => n, 60_000));
    expect(turns).toBe(0);
  });
});
