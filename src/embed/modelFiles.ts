/**
 * @file Where a transformer model lives on disk (models/<org>/<name>/) and which of its files
 * paperscope needs. Plain file-system checks, so choosing an embedder or generating a test model
 * does not have to load @xenova/transformers.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_MODEL, DEFAULT_MODELS_DIR } from '../config.js';

/** The files of a model folder that paperscope needs, besides the ONNX graph. */
export const MODEL_JSON_FILES: readonly string[] = Object.freeze(['config.json', 'tokenizer.json', 'tokenizer_config.json']);

/** The ONNX graph file that a quantized (default) or full-precision run loads. */
export function modelOnnxFile(quantized: boolean): string {
  return quantized ? 'onnx/model_quantized.onnx' : 'onnx/model.onnx';
}

/**
 * The folder transformers.js reads `model` from: `<modelsDir>/<org>/<name>`.
 * @example modelFolder('Xenova/all-MiniLM-L6-v2', '/srv/models') // => '/srv/models/Xenova/all-MiniLM-L6-v2'
 */
export function modelFolder(model: string, modelsDir: string = DEFAULT_MODELS_DIR): string {
  // Names reach the file system, so "..", "." and odd characters are refused.
  const parts = model.split('/');
  if (!/^[\w.-]+(\/[\w.-]+)?$/.test(model) || parts.some((part) => /^\.+$/.test(part))) {
    throw new Error(`modelFiles: model name "${model}" must look like org/name (letters, digits, . _ -), e.g. ${DEFAULT_MODEL}`);
  }
  return path.resolve(modelsDir, ...parts);
}

/**
 * True when every file needed to load `model` without network is in its folder under `modelsDir`.
 * @example modelFilesPresent('Xenova/all-MiniLM-L6-v2', 'models', true) // => false on a fresh clone
 */
export function modelFilesPresent(model: string, modelsDir: string = DEFAULT_MODELS_DIR, quantized = true): boolean {
  const folder = modelFolder(model, modelsDir);
  return [...MODEL_JSON_FILES, modelOnnxFile(quantized)].every((file) => fs.existsSync(path.join(folder, file)));
}
