/**
 * @file Loads GET /api/map off the main thread: a Web Worker fetches and decodes the
 * binary form (docs/API.md "Binary map"), so the page never parses megabytes of JSON
 * in one long task. Where no worker can start, the JSON form is fetched instead.
 */
import { ApiError, fetchMap } from '../api.js';
import type { MapData } from '../types.js';
import { isPackedStrings, unpackStrings, type PackedMap } from './decodeMap.js';
import { IdIndex } from './idIndex.js';

export const BINARY_MAP_URL = '/api/map?format=binary';

/** What the worker posts back: the map, or the fields of the ApiError it met. */
export type WorkerReply = { map: PackedMap; idSlots: Int32Array } | { error: { message: string; status: number; code: string; retryAfter?: number } };

/** Resolves in a later task: work split by it lets the page paint and answer input in between. */
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function startWorker(): Worker | null {
  try {
    return new Worker(new URL('./mapWorker.ts', import.meta.url), { type: 'module', name: 'paperscope-map' });
  } catch {
    return null;
  }
}

/** The map's papers and the index of their rows by id. */
export interface LoadedMap {
  data: MapData;
  ids: IdIndex;
}

/** The JSON form, read on the page: its id index is built here too. */
const loadJsonMap = (): Promise<LoadedMap> => fetchMap().then((data) => ({ data, ids: IdIndex.of(data.ids) }));

/**
 * The page's form of the worker's map: each string column sliced in a task of its own (a
 * million strings each at 1M papers, and their garbage); the list columns stay packed.
 */
async function unpackInTasks({ map, idSlots }: { map: PackedMap; idSlots: Int32Array }): Promise<LoadedMap> {
  for (const [name, value] of Object.entries(map)) {
    if (!isPackedStrings(value)) continue;
    await nextTask();
    map[name] = unpackStrings(value);
  }
  const data = map as unknown as MapData;
  return { data, ids: new IdIndex(data.ids, idSlots) };
}

/** The map, decoded in a worker; falls back to the JSON form when a worker cannot run. */
export function loadMap(): Promise<LoadedMap> {
  const worker = startWorker();
  if (!worker) return loadJsonMap();
  return new Promise<LoadedMap>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      worker.terminate();
      const reply = event.data;
      // Reading the reply, slicing its strings and the page's own work on the map run as
      // separate tasks, so no one of them holds the page for long.
      if ('map' in reply) {
        void unpackInTasks(reply).then(async (loaded) => {
          await nextTask();
          resolve(loaded);
        });
      } else reject(new ApiError(reply.error.message, reply.error.status, reply.error.code, reply.error.retryAfter));
    };
    // The worker's script could not load or run (an old browser, a strict policy).
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      loadJsonMap().then(resolve, reject);
    };
    worker.postMessage({ url: BINARY_MAP_URL });
  });
}
