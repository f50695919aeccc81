/**
 * @file Long work cut into slices, so one request (or the map's preparation) cannot hold the
 * event loop: between slices the server takes in other requests (a health check, a quick search). Node runs every
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

/**
 * The result of `steps`, a generator of work cut into steps, giving the event loop a turn
 * between steps once `sliceMs` has passed since the last turn.
 * @example await finishInTurns(encodeMapBinarySteps(document)) // => the same Buffer as encodeMapBinary(document)
 */
export async function finishInTurns<T>(steps: Generator<unknown, T>, sliceMs = REQUEST_SLICE_MS): Promise<T> {
  let sliceStart = performance.now();
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    if (performance.now() - sliceStart > sliceMs) {
      await nextTurn();
      sliceStart = performance.now();
    }
  }
}

/** The result of `steps` at once, without turns (for callers that are not serving requests). */
export function finishNow<T>(steps: Generator<unknown, T>): T {
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}
