/**
 * The served index follows its folder: a `paperscope add` (or build) replacing it is picked up by
 * the watcher or SIGHUP, requests in flight finish on the index they started with, a folder that
 * does not load keeps the old index, and the old index is freed once swapped out.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { replaceDirAtomically } from '../../src/store/atomicDir.js';
import { buildIndex } from '../../src/pipeline/buildIndex.js';
import { addPapers } from '../../src/pipeline/addPapers.js';
import { createSearchEngine } from '../../src/search/engine.js';
import { loadIndex } from '../../src/search/loadIndex.js';
import { serve, type RunningServer } from '../../src/server/listen.js';
import { splitDemoCorpus, type SplitCorpus } from '../helpers/splitCorpus.js';
import { tempDir } from '../helpers/tempDir.js';

let work: string;
let split: SplitCorpus;
let pristine: string;
const running: RunningServer[] = [];

beforeAll(async () => {
  work = await tempDir('reload');
  split = await splitDemoCorpus(work, 60, 20);
  pristine = path.join(work, 'pristine', 'index');
  await buildIndex({ corpus: split.base, out: pristine, embedder: 'lexical' });
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});


async function serveCopy(name: string, opts: Partial<Parameters<typeof serve>[0]> = {}): Promise<{ server: RunningServer; indexDir: string; logs: string[] }> {
  const indexDir = path.join(work, name, 'index');
  await fs.cp(pristine, indexDir, { recursive: true });
  const logs: string[] = [];
  const server = await serve({ indexDir, port: 0, log: (m) => logs.push(m), ...opts });
  running.push(server);
  await server.ready;
  return { server, indexDir, logs };
}

async function health(url: string): Promise<{ papers: number; index: { builtAt: string } }> {
  const res = await fetch(`${url}/api/health`);
  expect(res.status).toBe(200);
  return (await res.json()) as { papers: number; index: { builtAt: string } };
}

/** Polls /api/health until `builtAt` is served (the watcher's debounce and load take a moment). */
async function waitForBuild(url: string, builtAt: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await health(url)).index.builtAt !== builtAt) {
    if (Date.now() > deadline) throw new Error(`still not serving the index built at ${builtAt}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function collectGarbage(): void {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
}

describe('serving a folder that is replaced', () => {
  it('switches to the new index once the folder is replaced, without a restart', async () => {
    const { server, indexDir } = await serveCopy('watched');
    const report = await addPapers({ index: indexDir, files: [split.batches[0]] });
    await waitForBuild(server.url, report.manifest!.builtAt);
    expect((await health(server.url)).papers).toBe(80);
    const title = (await loadIndex(indexDir)).papers[70].title;
    const found = (await (await fetch(`${server.url}/api/search?q=${encodeURIComponent(title)}&mode=lexical&k=1`)).json()) as { results: { title: string }[] };
    expect(found.results[0].title).toBe(title);
  });

  it('reloads on SIGHUP when not watching', async () => {
    const { server, indexDir } = await serveCopy('hangup', { watchIndex: false, handleSignals: true });
    const report = await addPapers({ index: indexDir, files: [split.batches[0]] });
    await new Promise((r) => setTimeout(r, 500));
    expect((await health(server.url)).papers).toBe(60);
    process.kill(process.pid, 'SIGHUP');
    await waitForBuild(server.url, report.manifest!.builtAt);
  });

  it('finishes a request in flight on the index it started with', async () => {
    const indexDir = path.join(work, 'inflight', 'index');
    await fs.cp(pristine, indexDir, { recursive: true });
    // The first index embeds queries slowly, so a search is still in flight when the folder is replaced.
    const first = await loadIndex(indexDir);
    const slow = { info: first.queryEmbedder.info, embedBatch: async (texts: string[]) => (await new Promise((r) => setTimeout(r, 1500)), first.queryEmbedder.embedBatch(texts)) };
    const server = await serve({ indexDir, port: 0, log: () => {}, load: async () => createSearchEngine({ ...first, queryEmbedder: slow }) });
    running.push(server);
    await server.ready;
    await addPapers({ index: indexDir, files: [split.batches[0]] });
    const added = (await loadIndex(indexDir)).papers[65];
    const query = `${server.url}/api/search?q=${encodeURIComponent(added.title)}&k=100&mode=hybrid`;
    const inFlight = fetch(query);
    await new Promise((r) => setTimeout(r, 100));
    await server.reload('test');
    const old = (await (await inFlight).json()) as { results: { id: string }[] };
    const now = (await (await fetch(query)).json()) as { results: { id: string }[] };
    expect(old.results.length).toBeGreaterThan(0);
    expect(old.results.map((r) => r.id)).not.toContain(added.id);
    expect(now.results[0].id).toBe(added.id);
  });

  it('keeps serving the old index, and says why, when the new folder does not load', async () => {
    const { server, indexDir, logs } = await serveCopy('broken');
    const before = await health(server.url);
    await replaceDirAtomically(indexDir, async (tmp) => {
      await fs.cp(indexDir, tmp, { recursive: true });
      const manifest = JSON.parse(await fs.readFile(path.join(tmp, 'manifest.json'), 'utf8'));
      await fs.writeFile(path.join(tmp, 'manifest.json'), JSON.stringify({ ...manifest, builtAt: new Date().toISOString() }));
      await fs.appendFile(path.join(tmp, 'papers.jsonl'), '{"id":"extra"}\n');
    });
    await server.reload('test');
    expect(await health(server.url)).toEqual(before);
    expect(logs.join('\n')).toMatch(/kept serving the index built at .*papers\.jsonl/);
  });

  it('frees the old index once it is swapped out', async () => {
    const { server, indexDir } = await serveCopy('freed', { watchIndex: false });
    const old = new WeakRef(server.state.engine!.index);
    await fetch(`${server.url}/api/map`);
    await addPapers({ index: indexDir, files: [split.batches[0]] });
    await server.reload('test');
    expect((await health(server.url)).papers).toBe(80);
    await new Promise((r) => setTimeout(r, 50));
    collectGarbage();
    expect(old.deref()).toBeUndefined();
  });
});
