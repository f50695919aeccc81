import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseEmbedder, lexicalFallbackWarning } from '../../src/embed/embedder.js';
import { ModelNotFoundError } from '../../src/embed/transformer.js';
import { ensureTinyModel } from '../helpers/model.js';
import { tempDir } from '../helpers/tempDir.js';

describe('chooseEmbedder', () => {
  describe('when the model is absent', () => {
    it('auto falls back to lexical with a warning that says why, what it means and how to get the model', async () => {
      const modelsDir = await tempDir('no-models');
      const chosen = await chooseEmbedder({ embedder: 'auto', model: 'Xenova/all-MiniLM-L6-v2', modelsDir, offline: true });
      expect(chosen.kind).toBe('lexical');
      const warning = chosen.kind === 'lexical' ? chosen.fallbackWarning : '';
      expect(warning).toContain('WARNING: no transformer model');
      expect(warning).toContain(`Xenova/all-MiniLM-L6-v2 is not under ${modelsDir}`);
      expect(warning).toContain('LEXICAL embedder (TF-IDF + LSA): it matches words, not meaning');
      expect(warning).toContain('paperscope build --embedder transformer --model Xenova/all-MiniLM-L6-v2');
      expect(warning).toContain(path.join(modelsDir, 'Xenova', 'all-MiniLM-L6-v2'));
    });

    it('transformer refuses with ModelNotFoundError naming the files and the folder', async () => {
      const modelsDir = await tempDir('no-models');
      const attempt = chooseEmbedder({ embedder: 'transformer', model: 'Xenova/all-MiniLM-L6-v2', modelsDir, offline: true });
      await expect(attempt).rejects.toBeInstanceOf(ModelNotFoundError);
      await expect(attempt).rejects.toThrow(/config\.json[\s\S]*tokenizer\.json[\s\S]*model_quantized\.onnx/);
      await expect(attempt).rejects.toThrow(path.join(modelsDir, 'Xenova', 'all-MiniLM-L6-v2'));
    });
  });

  describe('when the generated test model is present', () => {
    it('auto picks the transformer and gives no warning', async () => {
      const { modelsDir, model } = await ensureTinyModel();
      const chosen = await chooseEmbedder({ embedder: 'auto', model, modelsDir, offline: true });
      expect(chosen.kind).toBe('transformer');
      if (chosen.kind !== 'transformer') return;
      expect(chosen.embedder.info).toMatchObject({ kind: 'transformer', model });
      const [vector] = await chosen.embedder.embedBatch(['optimal transport']);
      expect(vector).toHaveLength(chosen.embedder.info.dims);
    });
  });

  it('lexical is chosen without looking for a model', async () => {
    expect(await chooseEmbedder({ embedder: 'lexical', modelsDir: '/nonexistent' })).toEqual({ kind: 'lexical' });
  });
});

describe('lexicalFallbackWarning', () => {
  it('names the folder the model belongs in', () => {
    expect(lexicalFallbackWarning('org/name', '/m', 'reason.')).toContain(`${path.join('/m', 'org', 'name')}/`);
  });
});
