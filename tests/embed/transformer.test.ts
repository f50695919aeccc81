import fs from 'node:fs/promises';
import path from 'node:path';
import { env, pipeline } from '@xenova/transformers';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTransformerEmbedder, ModelNotFoundError, modelFilesPresent, ortSessionOptions, transformersOrt, type TransformerEmbedderOptions } from '../../src/embed/transformer.js';
import type { Embedder } from '../../src/embed/types.js';
import { ensureTinyModel } from '../helpers/model.js';
import { tempDir } from '../helpers/tempDir.js';

let modelsDir: string;
let model: string;
let embedder: Embedder;

beforeAll(async () => {
  ({ modelsDir, model } = await ensureTinyModel());
  embedder = await createTransformerEmbedder({ model, modelsDir, offline: true });
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const tiny = (opts: TransformerEmbedderOptions = {}) => createTransformerEmbedder({ model, modelsDir, offline: true, ...opts });
const cosine = (a: Float32Array, b: Float32Array) => a.reduce((sum, x, i) => sum + x * b[i], 0);
const norm = (v: Float32Array) => Math.sqrt(cosine(v, v));
/** A fetch that records calls and fails at once, so a test sees any download attempt without network. */
const stubFetch = () => {
  const fetch = vi.fn(async () => {
    throw new Error('network is disabled in tests');
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
};

const TEXTS = [
  'Graph neural networks for molecular property prediction',
  'Diffusion models generate high resolution images',
  'Molecular graph representation learning with neural networks',
  'A benchmark for speech recognition in noisy environments',
  'Video diffusion models for image generation',
];

describe('createTransformerEmbedder', () => {
  it('reports the model, its hidden size and the quantization', () => {
    expect(embedder.info).toEqual({ kind: 'transformer', model, dims: 256, quantized: true });
  });

  describe('embedBatch', () => {
    it('returns one unit vector of info.dims floats per text', async () => {
      const vectors = await embedder.embedBatch(TEXTS);
      expect(vectors).toHaveLength(TEXTS.length);
      for (const v of vectors) {
        expect(v).toBeInstanceOf(Float32Array);
        expect(v).toHaveLength(256);
        expect(norm(v)).toBeCloseTo(1, 5);
      }
    });

    it('gives identical vectors for the same text, in one call or across calls', async () => {
      const [a, b] = await embedder.embedBatch([TEXTS[0], TEXTS[0]]);
      const [c] = await embedder.embedBatch([TEXTS[0]]);
      expect(b).toEqual(a);
      expect(c).toEqual(a);
    });

    it('scores texts that share words above texts that share none', async () => {
      const [graph, diffusion, molecular, speech, video] = await embedder.embedBatch(TEXTS);
      expect(cosine(graph, molecular)).toBeGreaterThan(cosine(graph, diffusion) + 0.2);
      expect(cosine(graph, molecular)).toBeGreaterThan(cosine(graph, speech) + 0.2);
      expect(cosine(diffusion, video)).toBeGreaterThan(cosine(diffusion, speech) + 0.2);
    });

    it('matches the feature-extraction pipeline with mean pooling and normalization', async () => {
      env.localModelPath = modelsDir;
      const extract = await pipeline('feature-extraction', model, { quantized: true });
      const expected = (await extract(TEXTS, { pooling: 'mean', normalize: true })).tolist() as number[][];
      const vectors = await embedder.embedBatch(TEXTS);
      vectors.forEach((v, i) => v.forEach((x, d) => expect(x).toBeCloseTo(expected[i][d], 5)));
    });

    it('returns an empty list for no texts', async () => {
      await expect(embedder.embedBatch([])).resolves.toEqual([]);
    });
  });

  describe('when batching by length', () => {
    const texts = Array.from({ length: 11 }, (_, i) => `${TEXTS[i % TEXTS.length]} ${'with more words '.repeat(i % 4)}`);

    it('returns vectors in input order, equal to unsorted and one-at-a-time runs', async () => {
      const run = async (opts: TransformerEmbedderOptions) => (await tiny({ quantized: false, ...opts })).embedBatch(texts);
      const sorted = await run({ batchSize: 3, sortByLength: true });
      const unsorted = await run({ batchSize: 3, sortByLength: false });
      const single = await run({ batchSize: 1 });
      sorted.forEach((v, i) => {
        v.forEach((x, d) => expect(x).toBeCloseTo(unsorted[i][d], 6));
        v.forEach((x, d) => expect(x).toBeCloseTo(single[i][d], 6));
      });
    });

    it('stays within 8-bit noise of unsorted runs when quantized', async () => {
      // DynamicQuantizeLinear picks one activation scale per batch tensor, as in the real quantized
      // MiniLM, so a text's 8-bit vector depends slightly on the texts batched with it.
      const sorted = await (await tiny({ batchSize: 3, sortByLength: true })).embedBatch(texts);
      const unsorted = await (await tiny({ batchSize: 3, sortByLength: false })).embedBatch(texts);
      sorted.forEach((v, i) => expect(cosine(v, unsorted[i])).toBeGreaterThan(0.999));
    });

    it('reports progress after each batch, ending at the total', async () => {
      const progress: [number, number][] = [];
      await (await tiny({ batchSize: 4, onProgress: (done, total) => progress.push([done, total]) })).embedBatch(texts);
      expect(progress).toEqual([[4, 11], [8, 11], [11, 11]]);
    });
  });

  describe('when a text is longer than maxTokens', () => {
    // Each of these words is one token of the tiny vocabulary.
    const words = 'model data language image training reasoning graph video speech'.split(' ');

    it('embeds only its first maxTokens - 2 word pieces', async () => {
      const short = await tiny({ maxTokens: 8 });
      const [cut, prefix] = await short.embedBatch([words.join(' '), words.slice(0, 6).join(' ')]);
      expect(cut).toEqual(prefix);
      const [whole] = await embedder.embedBatch([words.join(' ')]);
      expect(cosine(whole, prefix)).toBeLessThan(0.999);
    });

    it('throws if maxTokens exceeds what the model accepts', async () => {
      await expect(tiny({ maxTokens: 513 })).rejects.toThrow(/maxTokens 513 exceeds the 512 tokens/);
    });
  });

  describe('when quantized is false', () => {
    it('loads onnx/model.onnx, close to the 8-bit vectors', async () => {
      const full = await tiny({ quantized: false });
      expect(full.info.quantized).toBe(false);
      const [a] = await full.embedBatch([TEXTS[0]]);
      const [b] = await embedder.embedBatch([TEXTS[0]]);
      expect(cosine(a, b)).toBeGreaterThan(0.99);
    });
  });

  describe('when offline', () => {
    it('loads and embeds a model on disk without fetching anything', async () => {
      const fetch = stubFetch();
      await (await tiny()).embedBatch(TEXTS);
      expect(fetch).not.toHaveBeenCalled();
    });

    it('throws ModelNotFoundError naming the files and folder, without fetching, if the model is missing', async () => {
      const fetch = stubFetch();
      const error = await createTransformerEmbedder({ model: 'acme/missing', modelsDir, offline: true }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ModelNotFoundError);
      const message = (error as Error).message;
      for (const file of ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model_quantized.onnx', 'onnx/model.onnx']) expect(message).toContain(file);
      expect(message).toContain(path.join(modelsDir, 'acme', 'missing'));
      expect(message).toContain('https://huggingface.co/acme/missing');
      expect(fetch).not.toHaveBeenCalled();
    });
  });

  describe('when online and the download fails', () => {
    it('throws ModelNotFoundError with the download error', async () => {
      const emptyDir = await tempDir('nomodel');
      const fetch = stubFetch();
      vi.spyOn(console, 'warn').mockImplementation(() => {}); // transformers.js warns about each missing local file
      const error = await createTransformerEmbedder({ model: 'acme/missing', modelsDir: emptyDir }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ModelNotFoundError);
      expect((error as Error).message).toMatch(/downloading it failed: cannot reach https:\/\/huggingface\.co\/acme\/missing\/resolve\/main\/config\.json \(network is disabled in tests\)/);
      expect(fetch).toHaveBeenCalled();
    });
  });

  it('opens the model by its file path with the session options (onnxruntime-node ignores them for bytes)', async () => {
    const create = vi.spyOn(transformersOrt().InferenceSession, 'create');
    await tiny({ threads: 1, quantized: true });
    const byPath = create.mock.calls.filter(([source]) => typeof source === 'string');
    expect(byPath).toHaveLength(1);
    expect(byPath[0][0]).toBe(path.join(modelsDir, model, 'onnx', 'model_quantized.onnx'));
    expect(byPath[0][1]).toMatchObject(ortSessionOptions(1));
  });

  it('throws if the model name could escape the models folder', async () => {
    await expect(createTransformerEmbedder({ model: '../x', modelsDir, offline: true })).rejects.toThrow(/must look like org\/name/);
  });
});

describe('modelFilesPresent', () => {
  it('is true for a generated model, quantized or not', () => {
    expect(modelFilesPresent(model, modelsDir, true)).toBe(true);
    expect(modelFilesPresent(model, modelsDir, false)).toBe(true);
  });

  it('is false when a needed file is missing', async () => {
    const copy = await tempDir('partial');
    await fs.cp(path.join(modelsDir, model), path.join(copy, model), { recursive: true });
    await fs.rm(path.join(copy, model, 'onnx', 'model_quantized.onnx'));
    expect(modelFilesPresent(model, copy, true)).toBe(false);
    expect(modelFilesPresent(model, copy, false)).toBe(true);
  });
});
