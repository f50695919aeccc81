/**
 * @file The transformer embedder: loads a sentence-transformers ONNX model with @xenova/transformers
 * from models/<org>/<name>/ (downloading it there once when allowed), then embeds texts as
 * tokenize → truncate → batch by length → model → mean pool → L2 normalize, in input order.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { AutoModel, AutoTokenizer, Tensor, env, type PreTrainedModel, type PreTrainedTokenizer } from '@xenova/transformers';
import { charsWithinTokens } from './tokenLimit.js';
import { DEFAULT_EMBED_BATCH, DEFAULT_MAX_TOKENS, DEFAULT_MODEL, DEFAULT_MODELS_DIR } from '../config.js';
import { MODEL_JSON_FILES, modelFilesPresent, modelFolder, modelOnnxFile } from './modelFiles.js';
import { downloadModel, ModelDownloadError } from './modelDownload.js';
import { frameTokens, padBatch, planBatches, type SpecialTokens } from './batching.js';
import { l2Normalize, meanPool } from './pooling.js';
import type { Embedder, EmbedderInfo } from './types.js';

// Re-exported: callers that pick an embedder check the files before loading one.
export { modelFilesPresent };

export interface TransformerEmbedderOptions {
  /** Hub-style `org/name` (default DEFAULT_MODEL). */
  model?: string;
  /** Folder holding `<org>/<name>/` model folders (default DEFAULT_MODELS_DIR). */
  modelsDir?: string;
  /** Never download: a model missing from modelsDir is a ModelNotFoundError. */
  offline?: boolean;
  /** Use onnx/model_quantized.onnx (8-bit, the default) rather than onnx/model.onnx. */
  quantized?: boolean;
  /** Word pieces per text including [CLS]/[SEP]; longer texts lose their tail (default 256). */
  maxTokens?: number;
  batchSize?: number;
  /** Batch texts of similar token length together to cut padding (default true); outputs keep input order either way. */
  sortByLength?: boolean;
  /** onnxruntime intra-op threads (default: one per core). */
  threads?: number;
  /** Called after each batch with texts embedded so far and the total of this embedBatch call. */
  onProgress?: (done: number, total: number) => void;
}

type Ort = typeof import('onnxruntime-node');

/** The onnxruntime-node that @xenova/transformers itself loads (1.14), wherever npm put it. */
export function transformersOrt(): Ort {
  const fromHere = createRequire(import.meta.url);
  return createRequire(fromHere.resolve('@xenova/transformers'))('onnxruntime-node') as Ort;
}

/**
 * The onnxruntime session options paperscope runs a model with: the CPU provider (onnxruntime-node
 * has no other; transformers.js also lists 'wasm', which it rejects for a model given by path),
 * one intra-op thread per core by default, operators one after another, all graph optimizations.
 * @example ortSessionOptions(2) // => { executionProviders: ['cpu'], intraOpNumThreads: 2, interOpNumThreads: 1, executionMode: 'sequential', graphOptimizationLevel: 'all' }
 */
export function ortSessionOptions(threads: number = os.availableParallelism()) {
  return { executionProviders: ['cpu'], intraOpNumThreads: threads, interOpNumThreads: 1, executionMode: 'sequential', graphOptimizationLevel: 'all' } as const;
}

/**
 * Runs `load` (transformers.js creating the model's session) with InferenceSession.create given
 * `options` and the model file's path. transformers.js passes only execution providers, and it
 * passes the model as bytes, with which onnxruntime-node 1.14 ignores every session option
 * (measured: intraOpNumThreads 1 still keeps two cores busy); from a path they apply. Creating a
 * second session instead would load the model twice. Safe: loads run one at a time.
 */
async function withSessionOptions<T>(onnxFile: string, options: object, load: () => Promise<T>): Promise<T> {
  const { InferenceSession } = transformersOrt();
  const create = InferenceSession.create as (...args: unknown[]) => ReturnType<typeof InferenceSession.create>;
  const patched = (model: unknown, given: unknown) => {
    // The bytes are the file's unless it changed in between: then keep the bytes (and ORT's defaults).
    const sameFile = model instanceof Uint8Array && fs.statSync(onnxFile, { throwIfNoEntry: false })?.size === model.byteLength;
    return sameFile ? create.call(InferenceSession, onnxFile, { ...(given as object), ...options }) : create.call(InferenceSession, model, given);
  };
  InferenceSession.create = patched as typeof InferenceSession.create;
  try {
    return await load();
  } finally {
    InferenceSession.create = create as typeof InferenceSession.create;
  }
}

/** The model is neither on disk nor downloadable; the message says which files to put where. */
export class ModelNotFoundError extends Error {
  override readonly name = 'ModelNotFoundError';

  constructor(readonly model: string, readonly folder: string, readonly quantized: boolean, reason: string, options?: { cause?: unknown }) {
    const onnxFile = modelOnnxFile(quantized);
    const otherOnnx = modelOnnxFile(!quantized);
    super(
      [
        `transformer: model "${model}" not found: ${reason}.`,
        `Put these files in ${folder}${path.sep}: ${[...MODEL_JSON_FILES, onnxFile].join(', ')}`,
        `(${onnxFile} for ${quantized ? '8-bit quantized' : 'full-precision'} runs, ${otherOnnx} for ${quantized ? 'full-precision' : 'quantized'} ones).`,
        `To get them: on a connected machine run paperscope once without --offline (it downloads them into models/${model}/) and copy that folder here,`,
        `or download them from https://huggingface.co/${model}/tree/main.`,
      ].join('\n'),
      options,
    );
  }
}

type Settings = Required<Omit<TransformerEmbedderOptions, 'onProgress'>> & Pick<TransformerEmbedderOptions, 'onProgress'>;

interface LoadedModel {
  tokenizer: PreTrainedTokenizer;
  model: PreTrainedModel;
}

function resolveSettings(opts: TransformerEmbedderOptions): Settings {
  const settings: Settings = {
    model: opts.model ?? DEFAULT_MODEL,
    modelsDir: path.resolve(opts.modelsDir ?? DEFAULT_MODELS_DIR),
    offline: opts.offline ?? false,
    quantized: opts.quantized ?? true,
    maxTokens: opts.maxTokens ?? DEFAULT_MAX_TOKENS,
    batchSize: opts.batchSize ?? DEFAULT_EMBED_BATCH,
    sortByLength: opts.sortByLength ?? true,
    threads: opts.threads ?? os.availableParallelism(),
    onProgress: opts.onProgress,
  };
  if (!Number.isInteger(settings.maxTokens) || settings.maxTokens < 1) throw new Error(`transformer: maxTokens ${settings.maxTokens} must be a positive integer`);
  if (!Number.isInteger(settings.batchSize) || settings.batchSize < 1) throw new Error(`transformer: batchSize ${settings.batchSize} must be a positive integer`);
  if (!Number.isInteger(settings.threads) || settings.threads < 1) throw new Error(`transformer: threads ${settings.threads} must be a positive integer`);
  return settings;
}

let loadQueue: Promise<unknown> = Promise.resolve();

/** Runs loads one at a time: transformers.js reads model paths from process-wide globals (env) while it loads. */
function oneLoadAtATime<T>(load: () => Promise<T>): Promise<T> {
  const result = loadQueue.then(load);
  loadQueue = result.catch(() => undefined);
  return result;
}

/** Loads tokenizer and ONNX model, first downloading the missing files into modelsDir when offline is off. */
async function loadModel(settings: Settings): Promise<LoadedModel> {
  const { model, modelsDir, offline, quantized } = settings;
  const folder = modelFolder(model, modelsDir);
  const present = modelFilesPresent(model, modelsDir, quantized);
  if (!present && offline) throw new ModelNotFoundError(model, folder, quantized, 'it is not on disk and offline mode forbids downloading it');
  if (!present) {
    try {
      await downloadModel(model, modelsDir, quantized);
    } catch (err) {
      if (!(err instanceof ModelDownloadError)) throw err;
      throw new ModelNotFoundError(model, folder, quantized, `downloading it failed: ${err.message}`, { cause: err });
    }
  }
  // transformers.js reads these globals at load time. It only ever reads local files: downloads are
  // ours (modelDownload.ts), whole files renamed into place, where its own could leave a truncated one.
  env.localModelPath = modelsDir;
  env.cacheDir = modelsDir;
  env.allowLocalModels = true;
  env.allowRemoteModels = false;
  const options = { quantized, cache_dir: modelsDir, local_files_only: true };
  try {
    const [tokenizer, loaded] = await Promise.all([
      AutoTokenizer.from_pretrained(model, options),
      withSessionOptions(path.join(folder, modelOnnxFile(quantized)), ortSessionOptions(settings.threads), () => AutoModel.from_pretrained(model, options)),
    ]);
    return { tokenizer, model: loaded };
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new Error(`transformer: model "${model}" in ${folder} failed to load: ${detail}. Its files may be incomplete or corrupt: delete the folder and fetch them again.`, { cause: err });
  }
}

/** The ids the tokenizer's template adds around a text, found by comparing an empty text with a one-letter one. */
function specialTokensOf(tokenizer: PreTrainedTokenizer): SpecialTokens {
  const empty = tokenizer.encode('');
  const probe = tokenizer.encode('a');
  const prefixLength = probe.findIndex((id, i) => id !== empty[i]);
  return { prefix: empty.slice(0, prefixLength), suffix: empty.slice(prefixLength), pad: tokenizer.pad_token_id ?? 0 };
}

/** maxTokens must leave room for text next to the special tokens and fit the model's position table. */
function checkMaxTokens(settings: Settings, loaded: LoadedModel, special: SpecialTokens): void {
  const { maxTokens, model } = settings;
  const framing = special.prefix.length + special.suffix.length;
  if (maxTokens <= framing) throw new Error(`transformer: maxTokens ${maxTokens} leaves no room for text next to "${model}"'s ${framing} special tokens; use at least ${framing + 1}`);
  const limit = Math.min(loaded.tokenizer.model_max_length ?? Infinity, loaded.model.config.max_position_embeddings ?? Infinity);
  if (maxTokens > limit) throw new Error(`transformer: maxTokens ${maxTokens} exceeds the ${limit} tokens "${model}" accepts; use at most ${limit}`);
}

/** Embeds one batch of framed token rows: [rows] unit vectors of the model's hidden size. */
async function runBatch(loaded: LoadedModel, rows: number[][], pad: number): Promise<Float32Array[]> {
  const batch = padBatch(rows, pad);
  const tensor = (data: BigInt64Array): Tensor => new Tensor('int64', data, batch.dims);
  const output = await loaded.model.forward({
    input_ids: tensor(batch.inputIds),
    attention_mask: tensor(batch.attentionMask),
    token_type_ids: tensor(batch.tokenTypeIds),
  });
  const hidden: Tensor = output.last_hidden_state;
  const [rowsOut, seq, size] = hidden.dims;
  return meanPool(hidden.data as Float32Array, [rowsOut, seq, size], batch.attentionMask).map(l2Normalize);
}

/** Tokenizes all texts, runs them in length-sorted batches and puts each vector back at its text's index. */
async function embedTexts(loaded: LoadedModel, settings: Settings, special: SpecialTokens, texts: string[]): Promise<Float32Array[]> {
  const rows = texts.map((text) => frameTokens(loaded.tokenizer.encode(text, null, { add_special_tokens: false }), special, settings.maxTokens));
  const vectors = new Array<Float32Array>(texts.length);
  let done = 0;
  for (const batch of planBatches(rows.map((row) => row.length), settings.batchSize, settings.sortByLength)) {
    const embedded = await runBatch(loaded, batch.map((i) => rows[i]), special.pad);
    batch.forEach((textIndex, j) => (vectors[textIndex] = embedded[j]));
    done += batch.length;
    settings.onProgress?.(done, texts.length);
  }
  return vectors;
}

/**
 * Loads a transformer model and returns an Embedder over it.
 * @example
 * const embedder = await createTransformerEmbedder({ offline: true });
 * (await embedder.embedBatch(['graph neural networks']))[0].length // => 384
 * @throws ModelNotFoundError when the model is not on disk and cannot (offline) or could not be downloaded
 */
export async function createTransformerEmbedder(opts: TransformerEmbedderOptions = {}): Promise<Embedder> {
  const settings = resolveSettings(opts);
  const loaded = await oneLoadAtATime(() => loadModel(settings));
  const dims = Number(loaded.model.config.hidden_size);
  if (!Number.isInteger(dims) || dims < 1) throw new Error(`transformer: config.json of "${settings.model}" has no valid hidden_size (got ${loaded.model.config.hidden_size}); is it a BERT-style model?`);
  const special = specialTokensOf(loaded.tokenizer);
  checkMaxTokens(settings, loaded, special);
  const info: EmbedderInfo = Object.freeze({ kind: 'transformer', model: settings.model, dims, quantized: settings.quantized });
  return {
    info,
    embedBatch: async (texts: string[]) => (texts.length === 0 ? [] : embedTexts(loaded, settings, special, texts)),
    readChars: (text: string) => {
      const room = settings.maxTokens - special.prefix.length - special.suffix.length;
      return charsWithinTokens(text, (part) => loaded.tokenizer.encode(part, null, { add_special_tokens: false }).length, room);
    },
  };
}
