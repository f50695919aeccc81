/**
 * @file Generates the tiny test model (paperscope/test-tiny) once per test process into a temp
 * folder, so any test can run the real transformer pipeline without network. Removed at exit.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateNamedTestModel } from '../../src/embed/testModel.js';

let tinyModel: Promise<{ modelsDir: string; model: string }> | undefined;

/**
 * The tiny model's `modelsDir` and `model` name, ready for createTransformerEmbedder({ offline: true, ... }).
 * @example const { modelsDir, model } = await ensureTinyModel(); // model === 'paperscope/test-tiny'
 */
export async function ensureTinyModel(): Promise<{ modelsDir: string; model: string }> {
  tinyModel ??= (async () => {
    const modelsDir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'paperscope-models-'));
    process.once('exit', () => fs.rmSync(modelsDir, { recursive: true, force: true }));
    const { name } = await generateNamedTestModel({ modelsDir, preset: 'tiny' });
    return { modelsDir, model: name };
  })();
  return tinyModel;
}
