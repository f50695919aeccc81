/**
 * kill -9 of the real server (the CLI in its own process) in the middle of a burst of
 * collection writes: after a restart on the same data folder, every write the server had
 * acknowledged is there.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { demoIndexDir } from '../helpers/demoIndex.js';
import { tempDir } from '../helpers/tempDir.js';
import { ensureCli, spawnCli } from './helpers.js';

type Write = { kind: 'create'; id: string; name: string } | { kind: 'put'; collection: string; paper: string; label: 'pos' | 'neg' };

/** Starts `paperscope serve` on a free port; resolves with its URL once the index is loaded. */
async function startServer(main: string, indexDir: string, dataDir: string) {
  const server = spawnCli(main, ['serve', '--index', indexDir, '--data', dataDir, '--port', '0']);
  for (let waited = 0; waited < 60_000; waited += 50) {
    const url = /ready at (http:\/\/[^\s:]+:\d+)/.exec(server.output())?.[1];
    if (url) return { ...server, url };
    if (server.child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  server.child.kill('SIGKILL');
  throw new Error(`the server did not start: ${server.output()}`);
}

async function send(url: string, method: string, body?: unknown): Promise<Response> {
  return fetch(url, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
}

/**
 * One writer: creates collections and puts papers into each, one write at a time, recording each
 * acknowledged write; stops at the first failure (the server is gone).
 */
async function writer(url: string, worker: number, paperIds: string[], acked: Write[]): Promise<void> {
  try {
    for (let round = 0; ; round++) {
      const name = `worker ${worker} round ${round}`;
      const created = await send(`${url}/api/collections`, 'POST', { name });
      if (created.status !== 201) return;
      const { id } = (await created.json()) as { id: string };
      acked.push({ kind: 'create', id, name });
      for (let i = 0; i < 5; i++) {
        const paper = paperIds[(worker * 31 + round * 7 + i) % paperIds.length];
        const label = i % 2 === 0 ? 'pos' : 'neg';
        const put = await send(`${url}/api/collections/${id}/papers/${encodeURIComponent(paper)}`, 'PUT', { label });
        if (put.status !== 200) return;
        acked.push({ kind: 'put', collection: id, paper, label });
      }
    }
  } catch {
    // The connection died with the server: whatever was acknowledged is in `acked`.
  }
}

describe('kill -9 during a burst of collection writes', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await tempDir('crash-data');
  });

  it('loses no acknowledged write', async () => {
    const [main, indexDir] = await Promise.all([ensureCli(), demoIndexDir('lexical')]);
    const first = await startServer(main, indexDir, dataDir);
    const map = (await (await fetch(`${first.url}/api/map`)).json()) as { ids: string[] };
    const acked: Write[] = [];
    const writers = Array.from({ length: 8 }, (_, worker) => writer(first.url, worker, map.ids, acked));
    // Kill while writes are in flight: after 150 acknowledgements, with 8 writers busy.
    while (acked.length < 150) await new Promise((resolve) => setTimeout(resolve, 5));
    first.child.kill('SIGKILL');
    await Promise.all(writers);
    expect((await first.done).signal).toBe('SIGKILL');

    const second = await startServer(main, indexDir, dataDir);
    try {
      const collections = new Map<string, { name: string; papers: Map<string, string> }>();
      for (const write of acked.filter((w) => w.kind === 'create')) {
        const res = await fetch(`${second.url}/api/collections/${write.id}`);
        expect(res.status).toBe(200);
        const body = (await res.json()) as { name: string; papers: Array<{ id: string; label: string }> };
        collections.set(write.id, { name: body.name, papers: new Map(body.papers.map((p) => [p.id, p.label])) });
      }
      for (const write of acked) {
        if (write.kind === 'create') expect(collections.get(write.id)?.name).toBe(write.name);
        else expect(collections.get(write.collection)?.papers.get(write.paper)).toBe(write.label);
      }
      expect(acked.length).toBeGreaterThanOrEqual(150);
    } finally {
      second.child.kill('SIGKILL');
      await second.done;
    }
  }, 180_000);
});
