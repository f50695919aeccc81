/**
 * @file Provides the tiny test model (paperscope/test-tiny) to tests that run the real transformer
 * pipeline without network. Each process generates it (~50 ms) and moves it to a temp folder named
 * after its content hash: later processes reuse that folder, so nothing piles up and none sees a half-written model.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { generateNamedTestModel } from '../../src/testmodel/generate.js';
import { tempDir } from './tempDir.js';

let tinyModel: Promise<{ modelsDir: string; model: string }> | undefined;

async function generateShared(): Promise<{ modelsDir: string; model: string }> {
  const scratch = await tempDir('models-tmp');
  const generated = await generateNamedTestModel({ modelsDir: scratch, preset: 'tiny' });
  const hash = createHash('sha256');
  for (const file of generated.files) hash.update(await fs.readFile(path.join(generated.dir, file.path)));
  const modelsDir = path.join(os.tmpdir(), `paperscope-models-${hash.digest('hex').slice(0, 16)}`);
  try {
    // rename is atomic: the shared folder appears complete or not at all.
    await fs.rename(scratch, modelsDir);
  } catch {
    // Another process got there first with identical files (same hash).
    await fs.rm(scratch, { recursive: true, force: true });
  }
  return { modelsDir, model: generated.name };
}

/**
 * The tiny model's `modelsDir` and `model` name, for createTransformerEmbedder({ offline: true, ... }).
 * Treat the folder as read-only: other test processes share it.
 * @example const { modelsDir, model } = await ensureTinyModel(); // model === 'paperscope/test-tiny'
 */
export async function ensureTinyModel(): Promise<{ modelsDir: string; model: string }> {
  tinyModel ??= generateShared();
  return tinyModel;
}
