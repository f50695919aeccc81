/**
 * @file Picks the embedder for a build: the transformer model when its files are
 * under models/ (or can be downloaded), else the lexical (LSA) fallback, with
 * one prominent warning that says what that means and how to get the model.
 */
import path from 'node:path';
import { DEFAULT_MODEL, DEFAULT_MODELS_DIR } from '../config.js';
import { createTransformerEmbedder, ModelNotFoundError, modelFilesPresent } from './transformer.js';
import type { Embedder } from './types.js';

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
