/**
 * @file Search engines over the demo corpus for the server and search tests: the index is
 * built once per test process (tests/helpers/demoIndex.ts) and loaded once per embedder.
 */
import { createApp, type AppState } from '../../src/server/app.js';
import { createSearchEngine, type SearchEngine } from '../../src/search/engine.js';
import { loadIndex } from '../../src/search/loadIndex.js';
import { demoIndexDir, type DemoEmbedder } from '../helpers/demoIndex.js';
import { ensureTinyModel } from '../helpers/model.js';

export const DEMO_EMBEDDERS: readonly DemoEmbedder[] = ['transformer', 'lexical'];

const engines = new Map<DemoEmbedder, Promise<SearchEngine>>();

/** The demo corpus's search engine with `embedder` (the generated tiny model for 'transformer'). */
export function demoEngine(embedder: DemoEmbedder): Promise<SearchEngine> {
  let engine = engines.get(embedder);
  if (!engine) {
    engine = (async () => {
      const dir = await demoIndexDir(embedder);
      const { modelsDir } = await ensureTinyModel();
      return createSearchEngine(await loadIndex(dir, { modelsDir }));
    })();
    engines.set(embedder, engine);
  }
  return engine;
}

/** An app over a ready engine, logging into `logs` instead of stderr. */
export function readyApp(engine: SearchEngine, logs: string[] = [], webDir?: string) {
  const state: AppState = { engine };
  return createApp(state, { log: (m) => logs.push(m), webDir: webDir ?? '/nonexistent/paperscope-web-dist' });
}
