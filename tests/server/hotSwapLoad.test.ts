/**
 * Five real `paperscope add` runs while autocannon drives the server with 16 connections: no
 * request fails, /api/health shows each new build, and every swapped-out index is freed.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import autocannon from 'autocannon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/pipeline/buildIndex.js';
import { readCorpus } from '../../src/corpus/parse.js';
import { serve, type RunningServer } from '../../src/server/listen.js';
import { ensureCli, runCli } from '../faults/helpers.js';
import { splitDemoCorpus, type SplitCorpus } from '../helpers/splitCorpus.js';
import { tempDir } from '../helpers/tempDir.js';

const ADDS = 5;
const CONNECTIONS = 16;

let work: string;
let split: SplitCorpus;
let indexDir: string;
let server: RunningServer;
let main: string;

beforeAll(async () => {
  main = await ensureCli();
  work = await tempDir('hotswap');
  split = await splitDemoCorpus(work, 60, 12);
  indexDir = path.join(work, 'index');
  await buildIndex({ corpus: split.base, out: indexDir, embedder: 'lexical' });
  server = await serve({ indexDir, port: 0, log: () => {} });
  await server.ready;
});

afterAll(async () => {
  await server?.close();
});

async function servedBuild(): Promise<string> {
  return ((await (await fetch(`${server.url}/api/health`)).json()) as { index: { builtAt: string } }).index.builtAt;
}

/** Request paths cycling through every route: health, the three search modes, a paper, its neighbours, the map. */
async function requestPaths(): Promise<string[]> {
  const papers = (await readCorpus(split.base)).papers.slice(0, 10);
  return papers.flatMap((p) => {
    const q = encodeURIComponent(p.title);
    const id = encodeURIComponent(p.id);
    return ['/api/health', `/api/search?q=${q}&mode=hybrid`, `/api/search?q=${q}&mode=semantic`, `/api/search?q=${q}&mode=lexical`, `/api/papers/${id}`, `/api/papers/${id}/similar`, '/api/map'];
  });
}

function collectGarbage(): void {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
}

describe('five adds under load', () => {
  it('fail no request, show each new builtAt, and free every old index', async () => {
    const paths = await requestPaths();
    let next = 0;
    let load!: autocannon.Instance;
    const finished = new Promise<autocannon.Result>((resolve, reject) => {
      load = autocannon(
        { url: server.url, connections: CONNECTIONS, duration: 600, requests: [{ setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length] }) }] },
        (err, result) => (err ? reject(err) : resolve(result)),
      );
    });
    const swappedOut: WeakRef<object>[] = [];
    const seen: string[] = [await servedBuild()];
    for (const batch of split.batches.slice(0, ADDS)) {
      swappedOut.push(new WeakRef(server.state.engine!.index));
      const added = await runCli(main, ['add', '--index', indexDir, batch]);
      expect(added.code, added.stderr).toBe(0);
      const builtAt = (JSON.parse(await fs.readFile(path.join(indexDir, 'manifest.json'), 'utf8')) as { builtAt: string }).builtAt;
      const deadline = Date.now() + 30_000;
      while ((await servedBuild()) !== builtAt) {
        expect(Date.now()).toBeLessThan(deadline);
        await new Promise((r) => setTimeout(r, 50));
      }
      seen.push(builtAt);
    }
    load.stop();
    const result = await finished;
    console.log(`hot swap under load: ${result.requests.total} requests, ${result.errors} errors, ${result.non2xx} non-2xx, ${ADDS} adds, builds served: ${seen.join(', ')}`);
    expect(result.requests.total).toBeGreaterThan(ADDS * 10);
    expect(result.errors).toBe(0);
    expect(result.timeouts).toBe(0);
    expect(result.non2xx).toBe(0);
    expect(new Set(seen).size).toBe(ADDS + 1);
    await new Promise((r) => setTimeout(r, 100));
    collectGarbage();
    expect(swappedOut.map((ref) => ref.deref() === undefined)).toEqual(Array(ADDS).fill(true));
  });
});
