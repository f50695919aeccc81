/**
 * mapInSlices and finishInTurns (src/util/slices.ts): the same results as Array.map and as
 * running a generator through, and a turn of the event loop for other work whenever a slice of
 * time has passed.
 */
import { describe, expect, it } from 'vitest';
import { encodeMapBinary, encodeMapBinarySteps } from '../../src/server/mapBinary.js';
import { finishInTurns, finishNow, mapInSlices } from '../../src/util/slices.js';

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

/** Five steps of `ms` each, then the sum of 1…5. */
function* steps(ms: number): Generator<void, number> {
  let sum = 0;
  for (let n = 1; n <= 5; n++) {
    busy(ms);
    sum += n;
    yield;
  }
  return sum;
}

describe('finishInTurns and finishNow', () => {
  it('return what the generator returns', async () => {
    expect(finishNow(steps(0))).toBe(15);
    expect(await finishInTurns(steps(0))).toBe(15);
  });

  it('lets other work run between steps once a slice of time has passed, and never within one slice', async () => {
    const sliced = await turnsDuring(() => finishInTurns(steps(3), 1));
    expect(sliced.result).toBe(15);
    expect(sliced.turns).toBeGreaterThanOrEqual(4);
    expect((await turnsDuring(() => finishInTurns(steps(0), 60_000))).turns).toBe(0);
  });

  it('encode the binary map column by column to the same bytes as at once', async () => {
    const document = { count: 3, ids: ['a', 'b', 'c'], titles: ['A', null, 'Ç'], x: [0.5, 1.25, -2], cluster: [0, 1, -1], clusters: [{ id: 0 }] };
    expect(Buffer.compare(await finishInTurns(encodeMapBinarySteps(document), 0), encodeMapBinary(document))).toBe(0);
  });
});
