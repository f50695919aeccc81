/**
 * @file The real paperscope server for browser tests: an index built with
 * `buildIndex` from the demo corpus (lexical embedder: no model needed), the
 * web app built from web/, and `serve` on a free port.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build as viteBuild } from 'vite';
import { buildIndex } from '../../../src/pipeline/buildIndex.js';
import { silentReporter } from '../../../src/report/reporter.js';
import { PROJECT_ROOT } from '../../../src/config.js';
import { createSearchEngine } from '../../../src/search/engine.js';
import { loadIndex } from '../../../src/search/loadIndex.js';
import { serve, type RunningServer } from '../../../src/server/listen.js';

export const DEMO_CORPUS = path.join(PROJECT_ROOT, 'data', 'trending-papers.txt');
export const WEB_DIST = path.join(PROJECT_ROOT, 'web', 'dist');

/** Build web/ into web/dist, so the tests always drive the current source. */
export async function buildWebApp(): Promise<void> {
  await viteBuild({ root: path.join(PROJECT_ROOT, 'web'), configFile: path.join(PROJECT_ROOT, 'web', 'vite.config.ts'), logLevel: 'warn' });
}

/** Build an index of the demo corpus with the lexical embedder in a new temporary folder. */
export async function buildTestIndex(): Promise<string> {
  const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'paperscope-browser-')), 'index');
  await buildIndex({ corpus: DEMO_CORPUS, out, embedder: 'lexical', reporter: silentReporter });
  return out;
}

/**
 * Start a server on a free port and wait until its index is loaded, or, with
 * `loadDelayMs`, return at once while the index loads that much more slowly.
 */
export async function startServer(indexDir: string, opts: { loadDelayMs?: number } = {}): Promise<RunningServer> {
  const delay = opts.loadDelayMs;
  const load = delay === undefined ? undefined : async () => {
    await new Promise((resolve) => setTimeout(resolve, delay));
    return createSearchEngine(await loadIndex(indexDir));
  };
  // Collections go beside the temporary index (removed with it), never to the checkout's userdata/.
  const dataDir = path.join(path.dirname(indexDir), 'userdata');
  const server = await serve({ indexDir, dataDir, port: 0, host: '127.0.0.1', webDir: WEB_DIST, log: () => {}, load });
  if (delay === undefined) await server.ready;
  return server;
}
