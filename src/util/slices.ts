/**
 * @file Long request work cut into slices, so one request cannot hold the event loop: between
 * slices the server takes in other requests (a health check, a quick search). Node runs every
 * request on one thread, so without this a request explaining twenty results of huge papers
 * delays everything queued behind it by its whole cost.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { REQUEST_SLICE_MS } from '../config.js';

/**
 * `items.map(fn)`, giving the event loop a turn whenever `sliceMs` of work has passed since
 * the last one (so a fast map never waits).
 * @example await mapInSlices([1, 2, 3], (n) => n * 2) // => [2, 4, 6]
 */
export async function mapInSlices<T, R>(items: readonly T[], fn: (item: T) => R, sliceMs = REQUEST_SLICE_MS): Promise<R[]> {
  const out: R[] = [];
  let sliceStart = performance.now();
  for (const item of items) {
    if (performance.now() - sliceStart > sliceMs) {
      await nextTurn();
      sliceStart = performance.now();
    }
    out.push(fn(item));
  }
  return out;
}
