/**
 * `npm start`'s index check: rebuild when the index is missing, built from another corpus,
 * or built with another embedder than `--embedder auto` would choose now.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { silentReporter } from '../../src/report/reporter.js';
import { DEFAULT_MODEL, INDEX_SCHEMA_VERSION } from '../../src/config.js';
import { readManifest } from '../../src/store/indexFolder.js';
import { loadIndex } from '../../src/search/loadIndex.js';
import { ensureIndex, staleIndexReason } from '../../src/pipeline/ensureIndex.js';
import { DEMO_CORPUS, demoIndexDir, schema2Copy } from '../helpers/demoIndex.js';
import { tempDir } from '../helpers/tempDir.js';

let tmp: string;
let emptyModels: string;
beforeAll(async () => {
  tmp = await tempDir('start');
  emptyModels = path.join(tmp, 'models');
  await fs.mkdir(emptyModels);
});

/** A models folder holding (empty) files for the default model, as modelFilesPresent checks them. */
async function modelsWithDefault(): Promise<string> {
  const dir = path.join(tmp, 'models-with-default');
  const folder = path.join(dir, ...DEFAULT_MODEL.split('/'));
  await fs.mkdir(path.join(folder, 'onnx'), { recursive: true });
  for (const file of ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model_quantized.onnx']) await fs.writeFile(path.join(folder, file), '');
  return dir;
}

describe('staleIndexReason', () => {
  it('asks for a build when there is no index', async () => {
    const reason = await staleIndexReason({ indexDir: path.join(tmp, 'none'), corpus: DEMO_CORPUS, modelsDir: emptyModels });
    expect(reason).toMatch(/no usable index/);
  });

  it('accepts a lexical index of the same corpus when the default model is absent', async () => {
    const indexDir = await demoIndexDir('lexical');
    expect(await staleIndexReason({ indexDir, corpus: DEMO_CORPUS, modelsDir: emptyModels })).toBeUndefined();
  });

  it('asks for a rebuild when the corpus changed', async () => {
    const corpus = path.join(tmp, 'changed.txt');
    await fs.writeFile(corpus, `${await fs.readFile(DEMO_CORPUS, 'utf8')}A New Paper\nIts abstract.\n`);
    const reason = await staleIndexReason({ indexDir: await demoIndexDir('lexical'), corpus, modelsDir: emptyModels });
    expect(reason).toMatch(/corpus .* changed/);
  });

  it('asks for a rebuild when the default model has appeared since a lexical build', async () => {
    const reason = await staleIndexReason({ indexDir: await demoIndexDir('lexical'), corpus: DEMO_CORPUS, modelsDir: await modelsWithDefault() });
    expect(reason).toMatch(/lexical embedder.*all-MiniLM-L6-v2 is now in/);
  });

  it('asks for a rebuild when the index has an older schema version', async () => {
    const indexDir = await schema2Copy(await demoIndexDir('lexical'), path.join(tmp, 'schema2-reason', 'index'));
    const reason = await staleIndexReason({ indexDir, corpus: DEMO_CORPUS, modelsDir: emptyModels });
    expect(reason).toMatch(new RegExp(`no usable index .*schema version 2 is not ${INDEX_SCHEMA_VERSION}`));
  });

  it('asks for a rebuild when the index was built with another transformer model', async () => {
    const reason = await staleIndexReason({ indexDir: await demoIndexDir('transformer'), corpus: DEMO_CORPUS, modelsDir: emptyModels });
    expect(reason).toMatch(/transformer embedder \(paperscope\/test-tiny\)/);
  });
});

describe('ensureIndex', () => {
  it('builds a missing index with the embedder auto picks (lexical here), then leaves it alone', async () => {
    const indexDir = path.join(tmp, 'index');
    const opts = { indexDir, corpus: DEMO_CORPUS, modelsDir: emptyModels, offline: true, reporter: silentReporter };
    expect(await ensureIndex(opts)).toBe(true);
    const manifest = await readManifest(indexDir);
    expect(manifest.embedder.kind).toBe('lexical');
    expect(await ensureIndex(opts)).toBe(false);
    expect((await readManifest(indexDir)).builtAt).toBe(manifest.builtAt);
  });

  it('rebuilds an index of an older schema version instead of failing', async () => {
    const indexDir = await schema2Copy(await demoIndexDir('lexical'), path.join(tmp, 'schema2-build', 'index'));
    const opts = { indexDir, corpus: DEMO_CORPUS, modelsDir: emptyModels, offline: true, reporter: silentReporter };
    expect(await ensureIndex(opts)).toBe(true);
    expect((await readManifest(indexDir)).schemaVersion).toBe(INDEX_SCHEMA_VERSION);
    const loaded = await loadIndex(indexDir);
    expect(loaded.bm25.search('optimal transport', 3)).toHaveLength(3);
    await expect(fs.access(path.join(indexDir, 'bm25.json'))).rejects.toThrow();
  });
});
