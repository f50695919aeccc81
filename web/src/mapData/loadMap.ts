/**
 * @file Loads GET /api/map off the main thread: a Web Worker fetches and decodes the
 * binary form (docs/API.md "Binary map"), so the page never parses megabytes of JSON
 * in one long task. Where no worker can start, the JSON form is fetched instead.
 */
import { ApiError, fetchMap } from '../api.js';
import type { MapData } from '../types.js';
import { unpackMap, type PackedMap } from './decodeMap.js';

export const BINARY_MAP_URL = '/api/map?format=binary';

/** What the worker posts back: the map, or the fields of the ApiError it met. */
export type WorkerReply = { map: PackedMap } | { error: { message: string; status: number; code: string; retryAfter?: number } };

/** Resolves in a later task: work split by it lets the page paint and answer input in between. */
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function startWorker(): Worker | null {
  try {
    return new Worker(new URL('./mapWorker.ts', import.meta.url), { type: 'module', name: 'paperscope-map' });
  } catch {
    return null;
  }
}

/** The map, decoded in a worker; falls back to the JSON form when a worker cannot run. */
export function loadMap(): Promise<MapData> {
  const worker = startWorker();
  if (!worker) return fetchMap();
  return new Promise<MapData>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      worker.terminate();
      const reply = event.data;
      // Reading the reply, slicing its strings and the page's own work on the map run as
      // three tasks, so no one of them holds the page for long.
      if ('map' in reply) {
        void nextTask()
          .then(() => unpackMap(reply.map) as unknown as MapData)
          .then(async (map) => {
            await nextTask();
            resolve(map);
          });
      } else reject(new ApiError(reply.error.message, reply.error.status, reply.error.code, reply.error.retryAfter));
    };
    // The worker's script could not load or run (an old browser, a strict policy).
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      fetchMap().then(resolve, reject);
    };
    worker.postMessage({ url: BINARY_MAP_URL });
  });
}
