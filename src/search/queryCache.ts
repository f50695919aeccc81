/**
 * @file Query embedding for a running server: a small LRU of query → vector, and a queue
 * that lets one embedder serve many concurrent requests. Calls to the embedder never
 * overlap; queries that arrive while it works are embedded together in the next batch.
 */
import { DEFAULT_QUERY_CACHE_SIZE } from '../config.js';
import type { Embedder } from '../embed/types.js';

/** Most queries embedded in one embedBatch call. */
export const DEFAULT_QUERY_BATCH = 16;

/** A least-recently-used map holding at most `capacity` entries. */
export class LruCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 0) throw new Error(`LruCache: capacity must be a non-negative integer, got ${capacity}`);
  }

  get size(): number {
    return this.entries.size;
  }

  /** The value for `key`, now the most recently used, or undefined. */
  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  /** Stores `value`, dropping the least recently used entry when full. */
  set(key: K, value: V): void {
    if (this.capacity === 0) return;
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as K);
  }

  /** Drops every entry. */
  clear(): void {
    this.entries.clear();
  }
}

/** Embeds one query at a time from the caller's view; batches and caches underneath. */
export interface QueryEmbedder {
  embed(query: string): Promise<Float32Array>;
}

interface Waiting {
  query: string;
  resolve(vector: Float32Array): void;
  reject(error: unknown): void;
}

export interface QueryEmbedderOptions {
  cacheSize?: number;
  maxBatch?: number;
}

/**
 * Wraps `embedder` so concurrent callers share it safely.
 * @example await createQueryEmbedder(embedder).embed('optimal transport') // => Float32Array(384)
 */
export function createQueryEmbedder(embedder: Embedder, opts: QueryEmbedderOptions = {}): QueryEmbedder {
  const cache = new LruCache<string, Float32Array>(opts.cacheSize ?? DEFAULT_QUERY_CACHE_SIZE);
  const maxBatch = Math.max(1, opts.maxBatch ?? DEFAULT_QUERY_BATCH);
  const inFlight = new Map<string, Promise<Float32Array>>();
  const queue: Waiting[] = [];
  let running = false;

  async function drain(): Promise<void> {
    running = true;
    while (queue.length > 0) {
      const batch = queue.splice(0, maxBatch);
      try {
        const vectors = await embedder.embedBatch(batch.map((w) => w.query));
        batch.forEach((w, i) => {
          cache.set(w.query, vectors[i]);
          w.resolve(vectors[i]);
        });
      } catch (err) {
        for (const w of batch) w.reject(err);
      }
    }
    running = false;
  }

  return {
    embed(query) {
      const cached = cache.get(query);
      if (cached) return Promise.resolve(cached);
      const pending = inFlight.get(query);
      if (pending) return pending;
      const promise = new Promise<Float32Array>((resolve, reject) => {
        queue.push({ query, resolve, reject });
        if (!running) void drain();
      }).finally(() => inFlight.delete(query));
      inFlight.set(query, promise);
      return promise;
    },
  };
}
