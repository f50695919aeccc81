/**
 * serve(): listens before the index is loaded (503 meanwhile), refuses a corrupt or
 * missing index with its IndexError message, warms the request path up before it is ready,
 * and closes gracefully.
 */
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSearchEngine, type SearchEngine } from '../../src/search/engine.js';
import { serve, type RunningServer } from '../../src/server/listen.js';
import { demoIndexDir } from '../helpers/demoIndex.js';
import { demoEngine } from './fixtures.js';
import { tempDir } from '../helpers/tempDir.js';

let engine: SearchEngine;
const running: RunningServer[] = [];
const quiet = { log: () => {}, port: 0 };

beforeAll(async () => {
  engine = await demoEngine('lexical');
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

async function start(opts: Parameters<typeof serve>[0]): Promise<RunningServer> {
  const server = await serve(opts);
  running.push(server);
  return server;
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** An engine whose query embedding takes `ms`, to keep a request in flight. */
function slowEngine(ms: number): SearchEngine {
  const { queryEmbedder } = engine.index;
  return createSearchEngine({
    ...engine.index,
    queryEmbedder: { info: queryEmbedder.info, embedBatch: async (texts) => (await new Promise((r) => setTimeout(r, ms)), queryEmbedder.embedBatch(texts)) },
  });
}

describe('serve', () => {
  it('listens on 127.0.0.1 by default and answers 503 not_ready until the index has loaded', async () => {
    const loaded = deferred<SearchEngine>();
    const server = await start({ ...quiet, indexDir: 'unused', load: () => loaded.promise });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const early = await fetch(`${server.url}/api/health`);
    expect(early.status).toBe(503);
    expect(early.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(((await early.json()) as { error: { code: string } }).error.code).toBe('not_ready');
    loaded.resolve(engine);
    await server.ready;
    const late = await fetch(`${server.url}/api/health`);
    expect(late.status).toBe(200);
    expect(((await late.json()) as { embedder: { kind: string } }).embedder.kind).toBe('lexical');
  });

  it('loads a real index folder', async () => {
    const server = await start({ ...quiet, indexDir: await demoIndexDir('lexical') });
    await server.ready;
    const res = await fetch(`${server.url}/api/search?q=submodular`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { results: unknown[] }).results.length).toBeGreaterThan(0);
  });

  it('runs searches on the loaded index before it is ready, so the first requests meet compiled code', async () => {
    const embedded: string[] = [];
    const { queryEmbedder } = engine.index;
    const watched = createSearchEngine({ ...engine.index, queryEmbedder: { info: queryEmbedder.info, embedBatch: (texts) => (embedded.push(...texts), queryEmbedder.embedBatch(texts)) } });
    const server = await start({ ...quiet, indexDir: 'unused', load: async () => watched });
    await server.ready;
    expect(embedded).toContain(engine.index.papers[0].title);
  });

  it('serves anyway when a warm-up search fails, and logs why', async () => {
    const logged: string[] = [];
    const { queryEmbedder } = engine.index;
    const broken = createSearchEngine({ ...engine.index, queryEmbedder: { info: queryEmbedder.info, embedBatch: async () => Promise.reject(new Error('embedder unavailable')) } });
    const server = await start({ ...quiet, log: (m: string) => logged.push(m), indexDir: 'unused', load: async () => broken });
    await server.ready;
    expect(logged).toContain('paperscope: warning: a warm-up search failed: embedder unavailable');
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });

  it('lets in-flight requests finish when closed, then stops listening', async () => {
    const server = await start({ ...quiet, indexDir: 'unused', load: async () => slowEngine(300) });
    await server.ready;
    const inFlight = fetch(`${server.url}/api/search?q=slow+query&mode=semantic`);
    await new Promise((r) => setTimeout(r, 50));
    const closing = server.close();
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(((await res.json()) as { results: unknown[] }).results.length).toBeGreaterThan(0);
    await closing;
    await server.closed;
    await expect(fetch(`${server.url}/api/health`)).rejects.toThrow();
  });

  it('closes gracefully on SIGTERM when asked to handle signals', async () => {
    const server = await start({ ...quiet, indexDir: 'unused', load: async () => engine, handleSignals: true });
    await server.ready;
    process.emit('SIGTERM');
    await server.closed;
    expect(process.listenerCount('SIGTERM')).toBe(0);
  });

  it('refuses a corrupt index with the IndexError message and closes', async () => {
    const source = await demoIndexDir('lexical');
    const dir = path.join(await tempDir('corrupt'), 'index');
    await fs.cp(source, dir, { recursive: true });
    const vectors = path.join(dir, 'vectors.f32');
    const bytes = await fs.readFile(vectors);
    bytes[0] ^= 0xff;
    await fs.writeFile(vectors, bytes);
    const server = await start({ ...quiet, indexDir: dir });
    await expect(server.ready).rejects.toThrow(/index: .*vectors\.f32: checksum does not match.*rebuild/);
    await server.closed;
  });

  it('refuses a folder with no index, saying how to build one', async () => {
    const server = await start({ ...quiet, indexDir: path.join(os.tmpdir(), 'paperscope-no-index-here') });
    await expect(server.ready).rejects.toThrow(/manifest\.json: not found.*paperscope build/);
    await server.closed;
  });

  it('answers JSON when the URL is longer than node accepts', async () => {
    const server = await start({ ...quiet, indexDir: 'unused', load: async () => engine });
    await server.ready;
    const res = await fetch(`${server.url}/api/search?q=${'a'.repeat(20_000)}`);
    expect(res.status).toBe(431);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('bad_request');
  });

  it('says so when the port is taken', async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const { port } = blocker.address() as net.AddressInfo;
    await expect(serve({ ...quiet, port, indexDir: 'unused', load: async () => engine })).rejects.toThrow(new RegExp(`port ${port} .*already in use`));
    await new Promise((r) => blocker.close(r));
  });
});
