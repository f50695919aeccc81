/**
 * @file Embedding throughput: the first 500 arXiv abstracts (title + abstract, 256 word pieces,
 * batch 32) through the MiniLM-shaped generated model, fp32 and 8-bit, length-sorted and in
 * input order, once through paperscope's pipeline (createTransformerEmbedder: tokenize, batch,
 * model, pool, normalize) and once as the same pre-built batches straight through onnxruntime-node,
 * so the pipeline's overhead is a ratio. The two paths run back to back, round after round and
 * batch by batch, and each batch keeps its fastest run: the machine is shared, and the fastest run
 * is the least disturbed.
 */
import os from 'node:os';
import path from 'node:path';
import { AutoTokenizer, env, type PreTrainedTokenizer } from '@xenova/transformers';
import type { Tensor as OrtTensor } from 'onnxruntime-node';
import { DEFAULT_EMBED_BATCH, DEFAULT_MAX_TOKENS, SHARED_DATA_DIR } from '../config.js';
import { paperText } from '../corpus/text.js';
import { readCorpus } from '../corpus/parse.js';
import { frameTokens, padBatch, planBatches, type SpecialTokens } from '../embed/batching.js';
import { modelFilesPresent, modelFolder, modelOnnxFile } from '../embed/modelFiles.js';
import { DEFAULT_TEST_MODEL_NAMES, generateNamedTestModel } from '../testmodel/generate.js';
import { createTransformerEmbedder, ortSessionOptions, transformersOrt } from '../embed/transformer.js';
import type { BenchSection } from './report.js';

export const ARXIV_DAILY = path.join(SHARED_DATA_DIR, 'arxiv-daily', 'papers.jsonl.gz');

export type Precision = 'fp32' | 'int8';

export interface EmbeddingBenchOptions {
  /** Corpus whose first `papers` papers are embedded (default: ../shared/data/arxiv-daily). */
  corpus?: string;
  papers?: number;
  /** Where the MiniLM-shaped model is, or is generated when missing (default: models/). */
  modelsDir?: string;
  model?: string;
  precisions?: readonly Precision[];
  /** onnxruntime intra-op thread counts to measure (default: one per core). */
  threads?: readonly number[];
  /** Runs of each batch through each path; the fastest is kept (default 3). */
  rounds?: number;
  batchSize?: number;
  maxTokens?: number;
  log?: (line: string) => void;
}

/**
 * The PyTorch CPU anchor on this machine (2 threads, all-MiniLM-L6-v2's shape, same 500 abstracts,
 * batch 32, 256 word pieces): papers/s and tokens/s per precision and batching.
 */
export const PYTORCH_ANCHOR: Readonly<Record<string, { papersPerSec: number; tokensPerSec?: number }>> = Object.freeze({
  'fp32 sorted': { papersPerSec: 29, tokensPerSec: 4700 },
  'int8 sorted': { papersPerSec: 41, tokensPerSec: 6550 },
  'fp32 unsorted': { papersPerSec: 18.5 },
});

type Ort = ReturnType<typeof transformersOrt>;

/** Seconds per batch per round of one path: times[batch][round]. */
type BatchTimes = number[][];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Total seconds taking each batch's fastest round (the least disturbed), and its median round. */
function totals(times: BatchTimes): { best: number; median: number } {
  return { best: times.reduce((sum, t) => sum + Math.min(...t), 0), median: times.reduce((sum, t) => sum + median(t), 0) };
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return (performance.now() - start) / 1000;
}

/** The same framing the pipeline applies: [CLS] text-cut-to-fit [SEP]. */
function specialTokensOf(tokenizer: PreTrainedTokenizer): SpecialTokens {
  const empty = tokenizer.encode('');
  const probe = tokenizer.encode('a');
  const prefixLength = probe.findIndex((id, i) => id !== empty[i]);
  return { prefix: empty.slice(0, prefixLength), suffix: empty.slice(prefixLength), pad: tokenizer.pad_token_id ?? 0 };
}

/** The batches of one plan as ready-made ORT feeds: the raw path does nothing but session.run. */
function buildFeeds(ort: Ort, rows: number[][], plan: number[][], pad: number): Record<string, OrtTensor>[] {
  return plan.map((batch) => {
    const padded = padBatch(batch.map((i) => rows[i]), pad);
    return {
      input_ids: new ort.Tensor('int64', padded.inputIds, padded.dims),
      attention_mask: new ort.Tensor('int64', padded.attentionMask, padded.dims),
      token_type_ids: new ort.Tensor('int64', padded.tokenTypeIds, padded.dims),
    };
  });
}

interface PrecisionSetup {
  texts: string[];
  rows: number[][];
  tokens: number;
  settings: Required<Pick<EmbeddingBenchOptions, 'model' | 'modelsDir' | 'rounds' | 'batchSize' | 'maxTokens'>>;
}

/**
 * Rows of one precision, pipeline and raw ORT, sorted and unsorted. Each batch runs through
 * both paths back to back, round after round, so a burst of load from other jobs hits both alike.
 */
async function benchPrecision(setup: PrecisionSetup, precision: Precision, threads: number, log: (line: string) => void): Promise<Array<Record<string, string | number>>> {
  const { texts, rows, tokens, settings } = setup;
  const quantized = precision === 'int8';
  const ort = transformersOrt();
  const onnxFile = path.join(modelFolder(settings.model, settings.modelsDir), modelOnnxFile(quantized));
  const session = await ort.InferenceSession.create(onnxFile, ortSessionOptions(threads));
  const out: Array<Record<string, string | number>> = [];
  for (const sorted of [true, false]) {
    const embedder = await createTransformerEmbedder({ ...settings, offline: true, quantized, sortByLength: sorted, threads });
    const plan = planBatches(rows.map((r) => r.length), settings.batchSize, sorted);
    const feeds = buildFeeds(ort, rows, plan, 0);
    const batchTexts = plan.map((batch) => batch.map((i) => texts[i]));
    await session.run(feeds[0]);
    await embedder.embedBatch(batchTexts[0]);
    const raw: BatchTimes = plan.map(() => []);
    const pipeline: BatchTimes = plan.map(() => []);
    const loads: number[] = [];
    for (let r = 0; r < settings.rounds; r++) {
      loads.push(os.loadavg()[0]);
      for (let b = 0; b < plan.length; b++) {
        raw[b].push(await timed(() => session.run(feeds[b])));
        pipeline[b].push(await timed(() => embedder.embedBatch(batchTexts[b])));
      }
      const sum = (t: BatchTimes) => t.reduce((s, times) => s + times[r], 0).toFixed(2);
      log(`  ${precision} ${threads} thread(s) ${sorted ? 'sorted' : 'unsorted'} round ${r + 1}: onnxruntime ${sum(raw)} s, pipeline ${sum(pipeline)} s (load ${loads[r].toFixed(2)})`);
    }
    const anchor = PYTORCH_ANCHOR[`${precision} ${sorted ? 'sorted' : 'unsorted'}`];
    const rawTotal = totals(raw);
    for (const [route, total] of [['onnxruntime only', rawTotal], ['pipeline', totals(pipeline)]] as const) {
      out.push({
        precision, threads, batches: sorted ? 'length-sorted' : 'input order', path: route,
        'papers/s': texts.length / total.best, 'tokens/s': tokens / total.best, 'tokens/s median': tokens / total.median,
        'pipeline/raw': route === 'pipeline' ? Number((total.best / rawTotal.best).toFixed(3)) : '',
        'anchor papers/s': anchor?.papersPerSec ?? '', 'anchor tokens/s': anchor?.tokensPerSec ?? '',
        'load 1m': `${Math.min(...loads).toFixed(1)}-${Math.max(...loads).toFixed(1)}`,
      });
    }
  }
  return out;
}

async function loadTexts(corpus: string, papers: number): Promise<string[]> {
  const { papers: all } = await readCorpus(corpus);
  return all.slice(0, papers).map(paperText);
}

/** Generates the MiniLM-shaped model into modelsDir unless both of its ONNX files are there. */
async function ensureModel(model: string, modelsDir: string, log: (line: string) => void): Promise<void> {
  if (modelFilesPresent(model, modelsDir, true) && modelFilesPresent(model, modelsDir, false)) return;
  log(`generating ${model} in ${modelsDir}`);
  await generateNamedTestModel({ modelsDir, preset: 'minilm', name: model });
}

/** Tokenizes the texts as the pipeline does; the tokenizer's time is reported on its own. */
async function tokenizeTexts(texts: string[], settings: PrecisionSetup['settings']): Promise<{ rows: number[][]; seconds: number }> {
  env.localModelPath = settings.modelsDir;
  env.allowLocalModels = true;
  env.allowRemoteModels = false;
  const tokenizer = await AutoTokenizer.from_pretrained(settings.model, { local_files_only: true });
  const special = specialTokensOf(tokenizer);
  const start = performance.now();
  const rows = texts.map((text) => frameTokens(tokenizer.encode(text, null, { add_special_tokens: false }), special, settings.maxTokens));
  return { rows, seconds: (performance.now() - start) / 1000 };
}

/**
 * Measures embedding throughput (see the file comment) and returns the figures as bench sections.
 * @example const sections = await runEmbeddingBench({ rounds: 3 }) // => [{ name: 'embedding: …', rows: [8 rows] }, …]
 */
export async function runEmbeddingBench(opts: EmbeddingBenchOptions = {}): Promise<BenchSection[]> {
  const log = opts.log ?? (() => {});
  const settings = {
    model: opts.model ?? DEFAULT_TEST_MODEL_NAMES.minilm,
    modelsDir: path.resolve(opts.modelsDir ?? path.join(os.tmpdir(), 'paperscope-bench-models')),
    rounds: opts.rounds ?? 3,
    batchSize: opts.batchSize ?? DEFAULT_EMBED_BATCH,
    maxTokens: opts.maxTokens ?? DEFAULT_MAX_TOKENS,
  };
  await ensureModel(settings.model, settings.modelsDir, log);
  const texts = await loadTexts(opts.corpus ?? ARXIV_DAILY, opts.papers ?? 500);
  const { rows, seconds: tokenizeSeconds } = await tokenizeTexts(texts, settings);
  const tokens = rows.reduce((sum, row) => sum + row.length, 0);
  log(`${texts.length} papers, ${tokens} tokens (${(tokens / texts.length).toFixed(1)} per paper); tokenizing took ${tokenizeSeconds.toFixed(2)} s`);
  const measured: Array<Record<string, string | number>> = [];
  for (const threads of opts.threads ?? [os.availableParallelism()]) {
    for (const precision of opts.precisions ?? ['fp32', 'int8']) measured.push(...(await benchPrecision({ texts, rows, tokens, settings }, precision, threads, log)));
  }
  return [{
    name: `embedding: ${texts.length} arXiv abstracts, ${settings.model}, batch ${settings.batchSize}, ${settings.maxTokens} word pieces`,
    rows: measured,
    notes: [
      `${tokens} tokens in all (${(tokens / texts.length).toFixed(1)} per paper, [CLS]/[SEP] included, padding not); tokenizing them alone took ${tokenizeSeconds.toFixed(2)} s`,
      `each batch ran ${settings.rounds} times through each path, the two paths back to back; papers/s and tokens/s sum each batch's fastest run (the least disturbed by other jobs), "tokens/s median" its median run; "onnxruntime only" runs the same padded batches through InferenceSession.run with the pipeline's session options, ${JSON.stringify(ortSessionOptions(0)).replace(':0', ':threads')}`,
      'anchor: PyTorch CPU, 2 threads, all-MiniLM-L6-v2 shape, same work (issue 8); the generated model has random weights, so only speed is meaningful',
    ],
  }];
}
