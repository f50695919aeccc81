import fs from 'node:fs/promises';
import path from 'node:path';
import { AutoTokenizer, env, pipeline } from '@xenova/transformers';
import fc from 'fast-check';
import onnxProto from 'onnx-proto';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateNamedTestModel, generateTestModel, MINILM_SHAPE, TINY_HIDDEN } from '../../src/testmodel/generate.js';
import { tempDir } from '../helpers/tempDir.js';

const MODEL_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model.onnx', 'onnx/model_quantized.onnx'];

let root: string;

beforeAll(async () => {
  root = await tempDir('testmodel');
  env.localModelPath = root;
  env.allowRemoteModels = false;
});

afterEach(() => {
  vi.restoreAllMocks();
});


const readJson = async (dir: string, file: string) => JSON.parse(await fs.readFile(path.join(dir, file), 'utf8'));
const opTypes = async (file: string): Promise<string[]> => onnxProto.onnx.ModelProto.decode(await fs.readFile(file)).graph!.node!.map((n) => n.opType!);
const cosine = (a: number[], b: number[]) => a.reduce((sum, x, i) => sum + x * b[i], 0);

describe('generateTestModel', () => {
  describe('with the tiny preset', () => {
    const name = 'paperscope/test-tiny';
    let dir: string;

    beforeAll(async () => {
      dir = path.join(root, name);
      await generateTestModel({ dir, preset: 'tiny', seed: 7 });
    });

    it('writes the files transformers.js loads, describing a TINY_HIDDEN-dim BERT', async () => {
      for (const file of MODEL_FILES) await expect(fs.stat(path.join(dir, file))).resolves.toBeTruthy();
      expect(await readJson(dir, 'config.json')).toMatchObject({ model_type: 'bert', hidden_size: TINY_HIDDEN });
      expect(await readJson(dir, 'tokenizer_config.json')).toMatchObject({ model_max_length: 512 });
      expect((await readJson(dir, 'tokenizer.json')).model.vocab).toMatchObject({ '[PAD]': 0, '[UNK]': 1, '[CLS]': 2, '[SEP]': 3, '[MASK]': 4 });
    });

    it('writes byte-identical files for the same seed, other weights for another seed', async () => {
      const again = path.join(root, 'copies', 'same');
      const other = path.join(root, 'copies', 'other');
      await generateTestModel({ dir: again, preset: 'tiny', seed: 7 });
      await generateTestModel({ dir: other, preset: 'tiny', seed: 8 });
      for (const file of MODEL_FILES) {
        expect((await fs.readFile(path.join(again, file))).equals(await fs.readFile(path.join(dir, file))), file).toBe(true);
      }
      expect((await fs.readFile(path.join(other, 'onnx/model.onnx'))).equals(await fs.readFile(path.join(dir, 'onnx/model.onnx')))).toBe(false);
    });

    it('tokenizes any printable ASCII text without [UNK]', async () => {
      const tokenizer = await AutoTokenizer.from_pretrained(name);
      fc.assert(fc.property(fc.string({ unit: 'grapheme-ascii', maxLength: 60 }), (text) => !tokenizer.encode(text).includes(1)), { numRuns: 300 });
      // Frequent words are single tokens; others fall apart into pieces, never into [UNK].
      expect(tokenizer.encode('Graph transformers!', null, { add_special_tokens: false })).toHaveLength(3);
      expect(tokenizer.encode('Zyxomma', null, { add_special_tokens: false }).length).toBeGreaterThan(1);
    });

    it('loads unchanged through pipeline("feature-extraction"), quantized or not, on the CPU backend', async () => {
      const warn = vi.spyOn(console, 'warn');
      for (const quantized of [true, false]) {
        const extract = await pipeline('feature-extraction', name, { quantized });
        const output = await extract(['graph neural networks', 'cooking pasta'], { pooling: 'mean', normalize: true });
        expect(output.dims).toEqual([2, TINY_HIDDEN]);
      }
      // transformers.js falls back to the wasm backend, with a warning, when onnxruntime-node rejects a graph.
      expect(warn).not.toHaveBeenCalled();
    });

    it('gives [CLS] and [SEP] zero vectors, so they do not pull texts together', async () => {
      const extract = await pipeline('feature-extraction', name, { quantized: false });
      const output = await extract('', { pooling: 'none' });
      expect(output.dims).toEqual([1, 2, TINY_HIDDEN]);
      expect([...(output.data as Float32Array)].every((x) => x === 0)).toBe(true);
    });

    it('weighs rare words above frequent ones, so texts on one topic embed close', async () => {
      const extract = await pipeline('feature-extraction', name, { quantized: true });
      const embed = async (texts: string[]) => (await extract(texts, { pooling: 'mean', normalize: true })).tolist() as number[][];
      // Same function words, different content words; then same content words, different function words.
      const [a, b, c] = await embed([
        'we show that the transport of the model is in this work',
        'we show that the routing of the model is in this work',
        'transport model: both through which',
      ]);
      expect(cosine(a, c)).toBeGreaterThan(cosine(a, b));
      const [expert1, expert2, transport] = await embed([
        'Sparse mixture of experts layers route each token to a few experts.',
        'We train a mixture of experts model whose router balances the experts.',
        'Optimal transport maps one distribution onto another at least cost.',
      ]);
      expect(cosine(expert1, expert2)).toBeGreaterThan(cosine(expert1, transport) + 0.2);
    });

    it('keeps each ONNX file under 3 MB', async () => {
      for (const file of ['onnx/model.onnx', 'onnx/model_quantized.onnx']) expect((await fs.stat(path.join(dir, file))).size).toBeLessThan(3_000_000);
    });
  });

  describe('with the minilm preset', () => {
    const name = 'paperscope/minilm-shaped';
    let dir: string;

    beforeAll(async () => {
      dir = path.join(root, name);
      await generateTestModel({ dir, preset: 'minilm' });
    });

    it("has all-MiniLM-L6-v2's sizes", async () => {
      expect(await readJson(dir, 'config.json')).toMatchObject({ hidden_size: 384, num_hidden_layers: 6, num_attention_heads: 12, intermediate_size: 1536, vocab_size: 30522 });
      expect(Object.keys((await readJson(dir, 'tokenizer.json')).model.vocab)).toHaveLength(MINILM_SHAPE.vocabSize);
    });

    it('stores the quantized graph with int8 weights, multiplied by MatMulInteger', async () => {
      const fp32 = await opTypes(path.join(dir, 'onnx/model.onnx'));
      const int8 = await opTypes(path.join(dir, 'onnx/model_quantized.onnx'));
      const count = (ops: string[], op: string) => ops.filter((o) => o === op).length;
      // Per layer: 6 weight products (Q, K, V, output, FFN in, FFN out) and 2 attention products.
      expect([count(fp32, 'MatMul'), count(fp32, 'MatMulInteger')]).toEqual([48, 0]);
      expect([count(int8, 'MatMul'), count(int8, 'MatMulInteger'), count(int8, 'DynamicQuantizeLinear')]).toEqual([12, 36, 36]);
      const sizes = await Promise.all(['model.onnx', 'model_quantized.onnx'].map(async (f) => (await fs.stat(path.join(dir, 'onnx', f))).size));
      expect(sizes[1] / sizes[0]).toBeLessThan(0.3);
    });

    it('runs both graphs to finite 384-dim vectors that agree', async () => {
      const texts = ['Graph neural networks for molecule property prediction.', 'A survey of diffusion models for video generation.'];
      const vectors = [];
      for (const quantized of [false, true]) {
        const extract = await pipeline('feature-extraction', name, { quantized });
        const output = await extract(texts, { pooling: 'mean', normalize: true });
        expect(output.dims).toEqual([2, 384]);
        vectors.push(output.tolist() as number[][]);
      }
      expect(vectors.flat(2).every(Number.isFinite)).toBe(true);
      expect(cosine(vectors[0][0], vectors[1][0])).toBeGreaterThan(0.99);
    });
  });

  it('throws if the preset is unknown', async () => {
    await expect(generateTestModel({ dir: path.join(root, 'x'), preset: 'huge' as 'tiny' })).rejects.toThrow(/unknown preset "huge"/);
  });
});

describe('generateNamedTestModel', () => {
  it('writes <modelsDir>/<org>/<name>/ and lists the files with their sizes', async () => {
    const generated = await generateNamedTestModel({ modelsDir: path.join(root, 'named'), preset: 'tiny', name: 'acme/small' });
    expect(generated.dir).toBe(path.join(root, 'named', 'acme', 'small'));
    expect(generated.files.map((f) => f.path)).toEqual(MODEL_FILES);
    expect(generated.files.every((f) => f.bytes > 0)).toBe(true);
  });

  it('throws if the name is not org/name', async () => {
    await expect(generateNamedTestModel({ modelsDir: root, preset: 'tiny', name: '../escape' })).rejects.toThrow(/must look like org\/name/);
  });
});
