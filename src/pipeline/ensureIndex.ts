/**
 * @file `npm start`: makes sure the demo index exists and matches its corpus and the
 * embedder `--embedder auto` would pick now, rebuilding it when not, before serving.
 */
import { readManifest, sha256File, type Manifest } from '../store/indexFolder.js';
import { buildIndex } from './buildIndex.js';
import type { Reporter } from '../report/reporter.js';
import { DEFAULT_MODEL } from '../config.js';
import { autoEmbedder } from '../embed/embedder.js';

export interface EnsureIndexOptions {
  indexDir: string;
  corpus: string;
  modelsDir: string;
  offline?: boolean;
  reporter: Reporter;
}

/** Why the index in `opts.indexDir` must be rebuilt, or undefined when it is current. */
export async function staleIndexReason(opts: Pick<EnsureIndexOptions, 'indexDir' | 'corpus' | 'modelsDir'>): Promise<string | undefined> {
  let manifest: Manifest;
  try {
    manifest = await readManifest(opts.indexDir);
  } catch (err) {
    return `no usable index (${err instanceof Error ? err.message : String(err)})`;
  }
  const sha = await sha256File(opts.corpus);
  if (manifest.corpus.sha256 !== sha) return `the corpus ${opts.corpus} changed since the index was built`;
  const expected = autoEmbedder(opts.modelsDir);
  const built = manifest.embedder;
  if (built.kind !== expected.kind || (expected.model !== undefined && built.model !== expected.model)) {
    const now = expected.kind === 'transformer' ? `${expected.model} is now in ${opts.modelsDir}` : `${DEFAULT_MODEL} is not in ${opts.modelsDir}`;
    return `the index was built with the ${built.kind} embedder (${built.model}), but ${now}`;
  }
  return undefined;
}

/** Builds the index with `--embedder auto` when it is missing or stale; returns whether it built. */
export async function ensureIndex(opts: EnsureIndexOptions): Promise<boolean> {
  const reason = await staleIndexReason(opts);
  if (reason === undefined) return false;
  opts.reporter.info(`paperscope: building ${opts.indexDir}: ${reason}`);
  await buildIndex({ corpus: opts.corpus, out: opts.indexDir, embedder: 'auto', modelsDir: opts.modelsDir, offline: opts.offline, reporter: opts.reporter });
  return true;
}
