/**
 * @file Builds demo-corpus indexes once per test process, with the generated
 * tiny transformer model or the lexical embedder, for tests that query them.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildIndex, type BuildOptions } from '../../src/build/index.js';
import { DEFAULT_CORPUS } from '../../src/config.js';
import { ensureTinyModel } from './model.js';

export const DEMO_CORPUS = DEFAULT_CORPUS;

export type DemoEmbedder = 'transformer' | 'lexical';

const built = new Map<DemoEmbedder, Promise<string>>();

/** Options for building the demo corpus with `embedder` into `out` (the tiny model for 'transformer'). */
export async function demoBuildOptions(embedder: DemoEmbedder, out: string): Promise<BuildOptions> {
  if (embedder === 'lexical') return { corpus: DEMO_CORPUS, out, embedder: 'lexical' };
  const { modelsDir, model } = await ensureTinyModel();
  return { corpus: DEMO_CORPUS, out, embedder: 'transformer', model, modelsDir, offline: true };
}

/** The folder of a demo-corpus index built with `embedder`; built on first call, then shared. */
export function demoIndexDir(embedder: DemoEmbedder): Promise<string> {
  let dir = built.get(embedder);
  if (!dir) {
    dir = (async () => {
      const out = path.join(await fs.mkdtemp(path.join(os.tmpdir(), `paperscope-demo-${embedder}-`)), 'index');
      await buildIndex(await demoBuildOptions(embedder, out));
      return out;
    })();
    built.set(embedder, dir);
  }
  return dir;
}
