/**
 * @file Builds demo-corpus indexes once per test process, with the generated
 * tiny transformer model or the lexical embedder, for tests that query them.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { buildIndex, type BuildOptions } from '../../src/pipeline/buildIndex.js';
import { DEFAULT_CORPUS } from '../../src/config.js';
import { ensureTinyModel } from './model.js';
import { tempDir } from './tempDir.js';

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
      const out = path.join(await tempDir(`demo-${embedder}`), 'index');
      await buildIndex(await demoBuildOptions(embedder, out));
      return out;
    })();
    built.set(embedder, dir);
  }
  return dir;
}

/**
 * A copy of the index in `source` at `out` as the paperscope before schema 3 wrote it: schema
 * version 2, with the BM25 index saved as bm25.json (MiniSearch JSON) instead of bm25.bin.
 */
export async function schema2Copy(source: string, out: string): Promise<string> {
  await fs.cp(source, out, { recursive: true });
  await fs.rename(path.join(out, 'bm25.bin'), path.join(out, 'bm25.json'));
  const manifestFile = path.join(out, 'manifest.json');
  const manifest = JSON.parse(await fs.readFile(manifestFile, 'utf8'));
  const { 'bm25.bin': bm25, ...files } = manifest.files;
  await fs.writeFile(manifestFile, JSON.stringify({ ...manifest, schemaVersion: 2, files: { ...files, 'bm25.json': bm25 } }, null, 2));
  return out;
}
