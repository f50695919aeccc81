/**
 * @file The one door to embedders: picks the embedder for a build (the transformer model
 * when its files are under models/ or can be downloaded, else the lexical LSA fallback, with
 * one prominent warning saying what that means and how to get the model), says which files
 * it saves with the index, and loads it back for queries. Nothing else branches on its kind.
 */
import path from 'node:path';
import { DEFAULT_MODEL, DEFAULT_MODELS_DIR } from '../config.js';
import { float32Bytes, float32View } from '../util/float32.js';
import { fitLsaEmbedder, loadLsaEmbedder } from './lsa.js';
import { createTransformerEmbedder, ModelNotFoundError, modelFilesPresent } from './transformer.js';
import { EMBEDDER_FILES, type Embedder, type EmbedderInfo, type EmbedderKind } from './types.js';

export type EmbedderChoice = 'auto' | 'transformer' | 'lexical';
export const EMBEDDER_CHOICES: readonly EmbedderChoice[] = Object.freeze(['auto', 'transformer', 'lexical']);

export interface ChooseOptions {
  embedder?: EmbedderChoice;
  model?: string;
  modelsDir?: string;
  offline?: boolean;
  quantized?: boolean;
  batchSize?: number;
  sortByLength?: boolean;
  onProgress?: (done: number, total: number) => void;
}

/** The transformer to use, or 'lexical' (to be fitted on the corpus), plus the warning shown when auto fell back. */
export type Chosen = { kind: 'transformer'; embedder: Embedder } | { kind: 'lexical'; fallbackWarning?: string };

/** The warning printed when `auto` falls back to the lexical embedder. */
export function lexicalFallbackWarning(model: string, modelsDir: string, reason: string): string {
  const folder = path.join(modelsDir, ...model.split('/'));
  return [
    `WARNING: no transformer model. ${reason}`,
    'paperscope is building with the LEXICAL embedder (TF-IDF + LSA): it matches words, not meaning,',
    'so plain-English questions that use other words than the papers will find less.',
    `To use the real model: on a connected machine run \`paperscope build --embedder transformer --model ${model}\``,
    `(it downloads into ${folder}/), or copy the model's files into that folder.`,
  ].join('\n');
}

/**
 * Resolves `--embedder auto|transformer|lexical` into an embedder.
 * `transformer` fails with ModelNotFoundError when the model can't be had; `auto` falls back.
 */
export async function chooseEmbedder(opts: ChooseOptions = {}): Promise<Chosen> {
  const choice = opts.embedder ?? 'auto';
  if (choice === 'lexical') return { kind: 'lexical' };
  const model = opts.model ?? DEFAULT_MODEL;
  const modelsDir = opts.modelsDir ?? DEFAULT_MODELS_DIR;
  const quantized = opts.quantized ?? true;
  const present = modelFilesPresent(model, modelsDir, quantized);
  if (choice === 'auto' && !present && opts.offline) {
    return { kind: 'lexical', fallbackWarning: lexicalFallbackWarning(model, modelsDir, `${model} is not under ${modelsDir} and --offline forbids downloading it.`) };
  }
  try {
    const embedder = await createTransformerEmbedder({ ...opts, model, modelsDir, quantized, offline: opts.offline || present });
    return { kind: 'transformer', embedder };
  } catch (err) {
    if (choice === 'auto' && err instanceof ModelNotFoundError) {
      return { kind: 'lexical', fallbackWarning: lexicalFallbackWarning(model, modelsDir, `${model} is not under ${modelsDir} and could not be downloaded.`) };
    }
    throw err;
  }
}

/** An embedder ready for a build: the vectors it already has for the corpus (LSA), and the files to save with the index. */
export interface CorpusEmbedder {
  embedder: Embedder;
  /** Row-major corpus vectors when fitting produced them; otherwise the build embeds the papers. */
  corpusVectors?: Float32Array;
  /** File name → bytes, saved in the index folder so `loadEmbedder` can rebuild the embedder. */
  files: Record<string, Uint8Array | string>;
  /** One line saying which embedder this is, for the build's log. */
  description: string;
  /** Why `auto` fell back to the lexical embedder, when it did. */
  fallbackWarning?: string;
}

export interface CorpusEmbedderOptions extends ChooseOptions {
  /** Progress of fitting the lexical embedder on the corpus. */
  onFitProgress?: (done: number, total: number) => void;
}

/**
 * The embedder a build uses for `texts` (one per paper): the chosen transformer, or the
 * lexical embedder fitted on `texts`, with what must be saved to embed queries the same way.
 */
export async function prepareCorpusEmbedder(texts: readonly string[], opts: CorpusEmbedderOptions = {}): Promise<CorpusEmbedder> {
  const chosen = await chooseEmbedder(opts);
  if (chosen.kind === 'transformer') {
    const { info } = chosen.embedder;
    return { embedder: chosen.embedder, files: {}, description: `transformer ${info.model} (${info.dims} dims)` };
  }
  const lsa = fitLsaEmbedder(texts, { onProgress: opts.onFitProgress });
  const saved = lsa.serialize();
  return {
    embedder: lsa,
    corpusVectors: lsa.corpusVectors,
    files: { [EMBEDDER_FILES.lexicalModel]: JSON.stringify(saved.json), [EMBEDDER_FILES.lexicalComponents]: float32Bytes(saved.components) },
    description: `LEXICAL (TF-IDF + LSA, ${lsa.info.dims} dims), not a neural model; fitted on ${texts.length} papers`,
    fallbackWarning: chosen.fallbackWarning,
  };
}

/** Reads one of the index folder's files, checked against its manifest, through `parse`. */
export type ReadIndexFile = <T>(name: string, parse: (bytes: Buffer) => T) => Promise<T>;

/**
 * The embedder an index was built with, to embed queries exactly as its papers were:
 * the saved lexical model, or the named transformer from `modelsDir` (never downloaded).
 */
export async function loadEmbedder(info: EmbedderInfo, read: ReadIndexFile, modelsDir: string): Promise<Embedder> {
  if (info.kind === 'lexical') {
    const [json, components] = await Promise.all([
      read(EMBEDDER_FILES.lexicalModel, (bytes) => JSON.parse(bytes.toString('utf8')) as unknown),
      read(EMBEDDER_FILES.lexicalComponents, float32View),
    ]);
    return loadLsaEmbedder(json, components);
  }
  const embedder = await createTransformerEmbedder({ model: info.model, quantized: info.quantized, modelsDir, offline: true });
  if (embedder.info.dims !== info.dims) {
    throw new Error(`built with ${info.dims}-dim vectors but ${info.model} now gives ${embedder.info.dims}`);
  }
  return embedder;
}

/** The embedder `--embedder auto` would use now: the default transformer when its files are present, else lexical. */
export function autoEmbedder(modelsDir: string): { kind: EmbedderKind; model?: string } {
  return modelFilesPresent(DEFAULT_MODEL, modelsDir, true) ? { kind: 'transformer', model: DEFAULT_MODEL } : { kind: 'lexical' };
}

/** A note for users of an index whose embedder matches words rather than meaning; undefined otherwise. */
export function embedderNote(info: EmbedderInfo): string | undefined {
  return info.kind === 'lexical' ? 'this index uses the LEXICAL embedder (TF-IDF + LSA), not a neural model' : undefined;
}
