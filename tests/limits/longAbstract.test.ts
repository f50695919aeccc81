/**
 * Issue 18 item 1: a paper with a 5 MB abstract must not freeze the server. Snippet work
 * is bounded per result, so /api/health keeps answering while searches for it run.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/pipeline/buildIndex.js';
import { silentReporter } from '../../src/report/reporter.js';
import { SNIPPET_SCAN_CHARS } from '../../src/config.js';
import { readCorpus } from '../../src/corpus/parse.js';
import { analyzeQuery, bestSnippet } from '../../src/search/snippet.js';
import { serve, type RunningServer } from '../../src/server/listen.js';
import { DEMO_CORPUS } from '../helpers/demoIndex.js';

/** Far above a few ms of queued work, far below the minutes the unbounded snippet took. */
const HEALTH_BOUND_MS = 1000;
const FIVE_MB = 5 * 1024 * 1024;

/** A 5 MB abstract of short sentences, the word "zyxwort" only in its last one. */
function hugeAbstract(): string {
  const sentence = 'Gradient methods converge slowly on stiff problems, e.g. in control. ';
  return `${sentence.repeat(Math.ceil(FIVE_MB / sentence.length))}Only here does zyxwort appear.`;
}

describe('bestSnippet on a long abstract', () => {
  it('reads only the first SNIPPET_SCAN_CHARS characters', () => {
    const head = 'Bandits are studied here. ';
    const abstract = `${head}${'Filler words follow. '.repeat(SNIPPET_SCAN_CHARS / 10)}The zyxwort sentence.`;
    expect(bestSnippet(abstract, analyzeQuery('zyxwort'))).toBe('Bandits are studied here.');
    expect(bestSnippet(`${head}The zyxwort sentence.`, analyzeQuery('zyxwort'))).toBe('The zyxwort sentence.');
  });
});

describe('a 5 MB abstract in the index', () => {
  let tmp: string;
  let server: RunningServer;
  beforeAll(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'paperscope-long-'));
    const { papers } = await readCorpus(DEMO_CORPUS);
    const corpus = path.join(tmp, 'papers.jsonl');
    const huge = { id: 'huge', title: 'Stiff zyxwort gradients', abstract: hugeAbstract() };
    await fs.writeFile(corpus, [...papers, huge].map((p) => JSON.stringify(p)).join('\n'));
    const out = path.join(tmp, 'index');
    await buildIndex({ corpus, out, embedder: 'lexical', reporter: silentReporter });
    server = await serve({ indexDir: out, port: 0, log: () => {} });
    await server.ready;
  }, 300_000);
  afterAll(async () => {
    await server?.close();
    await fs.rm(tmp, { recursive: true, force: true });
  });

  it('keeps /api/health answering while searches for it run', async () => {
    const searches = ['zyxwort', 'stiff gradient', 'gradient methods converge'].flatMap((q) =>
      ['lexical', 'hybrid', 'semantic'].map((mode) => fetch(`${server.url}/api/search?q=${encodeURIComponent(q)}&mode=${mode}&k=20`)),
    );
    let pending = true;
    const all = Promise.all(searches).finally(() => (pending = false));
    const healthMs: number[] = [];
    while (pending || healthMs.length < 5) {
      const start = performance.now();
      const res = await fetch(`${server.url}/api/health`);
      healthMs.push(performance.now() - start);
      expect(res.status).toBe(200);
    }
    const replies = await all;
    for (const reply of replies) expect(reply.status).toBe(200);
    const body = (await (await fetch(`${server.url}/api/search?q=zyxwort&mode=lexical`)).json()) as { results: { id: string; snippet: string }[] };
    expect(body.results[0].id).toBe('huge');
    expect(body.results[0].snippet.length).toBeLessThanOrEqual(300);
    expect(Math.max(...healthMs)).toBeLessThan(HEALTH_BOUND_MS);
  }, 120_000);
});
