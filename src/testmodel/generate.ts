/**
 * @file Generates BERT-shaped model folders (config.json, tokenizer.json, tokenizer_config.json,
 * onnx/model.onnx, onnx/model_quantized.onnx) that @xenova/transformers loads like a hub model, so
 * tests and benchmarks run the real loading and inference path without network. Same seed, same bytes.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { MODEL_JSON_FILES, modelFolder, modelOnnxFile } from '../embed/modelFiles.js';
import { COMMON_WORDS } from './vocabulary.js';
import { buildBertGraph, buildTinyGraph, initBertWeights, initTinyWeights, type BertShape } from './bertGraph.js';

export type TestModelPreset = 'tiny' | 'minilm';
export const TEST_MODEL_PRESETS: readonly TestModelPreset[] = Object.freeze(['tiny', 'minilm']);
/** Default `org/name` per preset, as used by `paperscope model generate`. */
export const DEFAULT_TEST_MODEL_NAMES: Readonly<Record<TestModelPreset, string>> = Object.freeze({
  tiny: 'paperscope/test-tiny',
  minilm: 'paperscope/minilm-shaped',
});
export const DEFAULT_TEST_MODEL_SEED = 42;

export interface GenerateTestModelOptions {
  /** The model folder itself, e.g. models/paperscope/test-tiny (created if missing). */
  dir: string;
  preset: TestModelPreset;
  seed?: number;
}

/** all-MiniLM-L6-v2's sizes, so benchmarks on the generated model cost what the real one costs. */
export const MINILM_SHAPE: Readonly<BertShape> = Object.freeze({
  vocabSize: 30522,
  hidden: 384,
  layers: 6,
  heads: 12,
  ffn: 1536,
  maxPositions: 512,
  typeVocabSize: 2,
});
/**
 * The tiny model's width. Its token vectors are random, so a mean-pooled text is a random projection of
 * its weighted bag of words: at 64 dims the projection noise swamps the words two abstracts share, at 256
 * their cosine keeps most of it (see tinyTokenScales).
 */
export const TINY_HIDDEN = 256;

const SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'];
/** Every single character that a word can be split into: with these (and their ## forms), no ASCII word is [UNK]. */
const SINGLE_CHARS = [
  ...'abcdefghijklmnopqrstuvwxyz0123456789',
  ...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
  ...'αβγδεζηθικλμνξοπρστυφχψω×±≤≥≈≠→←∞∑√∂∇∈°·µ',
];
const SUFFIXES = ['s', 'es', 'ed', 'ing', 'er', 'ers', 'ly', 'al', 'tion', 'ions', 'ity', 'ment', 'ness', 'able', 'ize', 'ized', 'ic', 'ive', 'ous', 'est'];
/** Letters by English frequency: pseudo-word pieces made of early letters come first, like a real vocabulary. */
const LETTERS_BY_FREQUENCY = 'etaoinshrdlcumwfgypbvkjxqz';

/** Tokens of the tiny vocabulary, in id order: specials, characters, suffixes, common words. */
function baseVocabulary(): string[] {
  const pieces = [...SINGLE_CHARS, ...SINGLE_CHARS.map((c) => `##${c}`), ...SUFFIXES.map((s) => `##${s}`), ...COMMON_WORDS];
  return [...SPECIAL_TOKENS, ...new Set(pieces)];
}

/** 2- and 3-letter pieces, as word starts and ## continuations, most English-like first. */
function pseudoPieces(): string[] {
  const rank = (piece: string): number => [...piece].reduce((sum, c) => sum + LETTERS_BY_FREQUENCY.indexOf(c), 0);
  const grams: string[] = [];
  for (const a of LETTERS_BY_FREQUENCY) {
    for (const b of LETTERS_BY_FREQUENCY) {
      grams.push(a + b);
      for (const c of LETTERS_BY_FREQUENCY) grams.push(a + b + c);
    }
  }
  // Stable sort: equal ranks keep generation order, so the list is the same everywhere.
  const ordered = grams.sort((x, y) => x.length - y.length || rank(x) - rank(y));
  return ordered.flatMap((gram) => [gram, `##${gram}`]);
}

/** The base vocabulary padded with pseudo-word pieces to exactly `size` tokens. */
function paddedVocabulary(size: number): string[] {
  const vocab = baseVocabulary();
  const seen = new Set(vocab);
  for (const piece of pseudoPieces()) {
    if (vocab.length >= size) break;
    if (!seen.has(piece)) vocab.push(piece);
  }
  return vocab;
}

/**
 * SIF's smoothing constant (Arora et al. 2017, "smooth inverse frequency") in frequency-rank units: a word's
 * weight a / (a + p(w)) with Zipf's p(w) ∝ 1 / rank is rank / (rank + SIF_RANK), so "the" weighs 0.001,
 * a rank-1,000 word 0.5 and the rarest listed words 0.9, as trained models downweight function words.
 */
const SIF_RANK = 1000;
/** Characters and suffix pieces spell words outside the vocabulary; shared by all such words, they say little. */
const PIECE_SCALE = 0.1;

/** How much each tiny-model token counts in a mean-pooled vector: none for specials, more the rarer a word. */
function tinyTokenScales(vocab: string[]): Float32Array {
  const rank = new Map(COMMON_WORDS.map((word, i) => [word, i + 1]));
  return Float32Array.from(vocab, (token) => {
    if (SPECIAL_TOKENS.includes(token)) return 0;
    const r = rank.get(token);
    return r === undefined ? PIECE_SCALE : r / (r + SIF_RANK);
  });
}

function tokenizerJson(vocab: string[]): object {
  const id = (token: string): number => vocab.indexOf(token);
  const special = (token: string) => ({ SpecialToken: { id: token, type_id: 0 } });
  const sequence = (name: string, typeId: number) => ({ Sequence: { id: name, type_id: typeId } });
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map((token) => ({
      id: id(token), content: token, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true,
    })),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [special('[CLS]'), sequence('A', 0), special('[SEP]')],
      pair: [special('[CLS]'), sequence('A', 0), special('[SEP]'), sequence('B', 1), { SpecialToken: { id: '[SEP]', type_id: 1 } }],
      special_tokens: Object.fromEntries(['[CLS]', '[SEP]'].map((t) => [t, { id: t, ids: [id(t)], tokens: [t] }])),
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100,
      vocab: Object.fromEntries(vocab.map((token, i) => [token, i])),
    },
  };
}

const TOKENIZER_CONFIG = Object.freeze({
  tokenizer_class: 'BertTokenizer',
  do_lower_case: true,
  model_max_length: 512,
  clean_up_tokenization_spaces: true,
  cls_token: '[CLS]',
  sep_token: '[SEP]',
  pad_token: '[PAD]',
  unk_token: '[UNK]',
  mask_token: '[MASK]',
});

function configJson(shape: BertShape, preset: TestModelPreset, seed: number): object {
  return {
    architectures: ['BertModel'],
    model_type: 'bert',
    hidden_size: shape.hidden,
    num_hidden_layers: shape.layers,
    num_attention_heads: shape.heads,
    intermediate_size: shape.ffn,
    hidden_act: 'gelu',
    layer_norm_eps: 1e-12,
    max_position_embeddings: shape.maxPositions,
    type_vocab_size: shape.typeVocabSize,
    vocab_size: shape.vocabSize,
    pad_token_id: 0,
    // Says where the folder came from, so nobody mistakes its random weights for a trained model.
    paperscope_generated: { preset, seed, note: 'random weights generated by paperscope for tests and benchmarks' },
  };
}

interface ModelFiles {
  shape: BertShape;
  vocab: string[];
  fp32: Uint8Array;
  quantized: Uint8Array;
}

/** Preset → vocabulary, shape and both ONNX graphs. A table, so adding a preset is one entry. */
const PRESET_BUILDERS: Readonly<Record<TestModelPreset, (seed: number) => ModelFiles>> = Object.freeze({
  tiny: (seed: number): ModelFiles => {
    const vocab = baseVocabulary();
    const shape = { ...MINILM_SHAPE, vocabSize: vocab.length, hidden: TINY_HIDDEN, layers: 1, heads: 1, ffn: TINY_HIDDEN };
    const weights = initTinyWeights(tinyTokenScales(vocab), TINY_HIDDEN, seed);
    return { shape, vocab, fp32: buildTinyGraph(weights, false), quantized: buildTinyGraph(weights, true) };
  },
  minilm: (seed: number): ModelFiles => {
    const weights = initBertWeights(MINILM_SHAPE, seed);
    const vocab = paddedVocabulary(MINILM_SHAPE.vocabSize);
    return { shape: MINILM_SHAPE, vocab, fp32: buildBertGraph(weights, false), quantized: buildBertGraph(weights, true) };
  },
});

/**
 * Writes a generated model folder that `pipeline('feature-extraction', 'org/name')` loads from
 * `env.localModelPath` when `dir` is `<localModelPath>/org/name`.
 * @example await generateTestModel({ dir: 'models/paperscope/test-tiny', preset: 'tiny' }) // => 5 files written
 * @param opts.dir  the model folder (created if missing; existing files are overwritten)
 * @param opts.preset  'tiny' (256 dims, ~8,300 tokens, for unit tests) or 'minilm' (all-MiniLM-L6-v2's shape, for benchmarks)
 * @param opts.seed  weights are drawn from this seed (default 42)
 */
export async function generateTestModel(opts: GenerateTestModelOptions): Promise<void> {
  const build = PRESET_BUILDERS[opts.preset];
  if (!build) throw new Error(`testModel: unknown preset "${opts.preset}"; use one of ${TEST_MODEL_PRESETS.join(', ')}`);
  const seed = opts.seed ?? DEFAULT_TEST_MODEL_SEED;
  const files = build(seed);
  await fs.mkdir(path.join(opts.dir, 'onnx'), { recursive: true });
  const json = (value: object): string => `${JSON.stringify(value, null, 2)}\n`;
  await fs.writeFile(path.join(opts.dir, 'config.json'), json(configJson(files.shape, opts.preset, seed)));
  await fs.writeFile(path.join(opts.dir, 'tokenizer.json'), json(tokenizerJson(files.vocab)));
  await fs.writeFile(path.join(opts.dir, 'tokenizer_config.json'), json(TOKENIZER_CONFIG));
  await fs.writeFile(path.join(opts.dir, modelOnnxFile(false)), files.fp32);
  await fs.writeFile(path.join(opts.dir, modelOnnxFile(true)), files.quantized);
}

export interface GenerateNamedModelOptions {
  /** Folder holding `<org>/<name>/` model folders (transformers.js `env.localModelPath`). */
  modelsDir: string;
  preset: TestModelPreset;
  /** `org/name`; defaults to DEFAULT_TEST_MODEL_NAMES[preset]. */
  name?: string;
  seed?: number;
}

export interface GeneratedModel {
  name: string;
  dir: string;
  /** Paths relative to `dir`, with sizes in bytes. */
  files: { path: string; bytes: number }[];
  elapsedMs: number;
}

/**
 * What `paperscope model generate --preset P [--name org/name] [--seed N]` runs: generates the
 * model into `<modelsDir>/<org>/<name>/` and reports what was written.
 * @example await generateNamedTestModel({ modelsDir: 'models', preset: 'tiny' }) // => { name: 'paperscope/test-tiny', ... }
 */
export async function generateNamedTestModel(opts: GenerateNamedModelOptions): Promise<GeneratedModel> {
  const name = opts.name ?? DEFAULT_TEST_MODEL_NAMES[opts.preset];
  const dir = modelFolder(name, opts.modelsDir);
  const started = performance.now();
  await generateTestModel({ dir, preset: opts.preset, seed: opts.seed });
  const relative = [...MODEL_JSON_FILES, modelOnnxFile(false), modelOnnxFile(true)];
  const files = await Promise.all(relative.map(async (file) => ({ path: file, bytes: (await fs.stat(path.join(dir, file))).size })));
  return { name, dir, files, elapsedMs: Math.round(performance.now() - started) };
}
