/**
 * @file Downloads a model's files from the model hub into models/<org>/<name>/, each file
 * streamed into `<file>.part-<pid>` and renamed into place once complete, so a download killed
 * halfway leaves no truncated model file: the next build finds the file missing and fetches it
 * again. URLs are transformers.js's (`env.remoteHost` + `env.remotePathTemplate`); the
 * `HF_ENDPOINT` environment variable points them at a mirror, as huggingface_hub's does.
 */
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream } from 'node:stream/web';
import { env } from '@xenova/transformers';
import { processAlive } from '../store/buildLock.js';
import { MODEL_JSON_FILES, modelFolder, modelOnnxFile } from './modelFiles.js';

/** A file the hub would not give or gave incompletely; the message names the URL and what happened. */
export class ModelDownloadError extends Error {
  override readonly name = 'ModelDownloadError';
}

/** The hub URL of `file` of `model` (transformers.js's scheme, HF_ENDPOINT honoured). */
export function hubUrl(model: string, file: string): string {
  const host = process.env.HF_ENDPOINT ?? env.remoteHost;
  const where = env.remotePathTemplate.replaceAll('{model}', model).replaceAll('{revision}', 'main');
  return new URL(`${where.replace(/\/?$/, '/')}${file}`, host.replace(/\/?$/, '/')).href;
}

function statusWords(status: number): string {
  if (status === 401 || status === 403) return 'access denied (a private or gated model?)';
  if (status === 404) return 'no such file (is the model name right?)';
  if (status >= 500) return 'the hub failed (try again later)';
  return 'unexpected answer';
}

/** Streams `url` into `target` through a `.part-<pid>` file, renamed into place only when whole. */
async function downloadFile(url: string, target: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (err) {
    throw new ModelDownloadError(`cannot reach ${url} (${(err as Error & { cause?: Error }).cause?.message ?? (err as Error).message})`);
  }
  if (response.status !== 200 || !response.body) {
    throw new ModelDownloadError(`${url} answered HTTP ${response.status}: ${statusWords(response.status)}`);
  }
  await fs.mkdir(path.dirname(target), { recursive: true });
  const part = `${target}.part-${process.pid}`;
  try {
    await pipeline(Readable.fromWeb(response.body as ReadableStream<Uint8Array>), createWriteStream(part));
    const expected = Number(response.headers.get('content-length') ?? NaN);
    const { size } = await fs.stat(part);
    if (Number.isFinite(expected) && size !== expected) throw new ModelDownloadError(`${url} was cut short: ${size} of ${expected} bytes`);
    await fs.rename(part, target);
  } catch (err) {
    await fs.rm(part, { force: true });
    if (err instanceof ModelDownloadError) throw err;
    throw new ModelDownloadError(`${url} broke off while downloading (${(err as Error).message})`);
  }
}

/** Removes `.part-<pid>` files that downloads killed halfway left in `folder`. */
async function removeDeadParts(folder: string): Promise<void> {
  const entries = await fs.readdir(folder, { recursive: true }).catch(() => [] as string[]);
  for (const entry of entries) {
    const match = /\.part-(\d+)$/.exec(entry);
    if (match && !processAlive(Number(match[1]))) await fs.rm(path.join(folder, entry), { force: true });
  }
}

/**
 * Downloads the files of `model` that are missing from its folder under `modelsDir`.
 * @returns the files downloaded
 * @throws ModelDownloadError naming the URL, for a hub that cannot be reached or refuses a file
 */
export async function downloadModel(model: string, modelsDir: string, quantized: boolean): Promise<string[]> {
  const folder = modelFolder(model, modelsDir);
  await removeDeadParts(folder);
  const fetched: string[] = [];
  for (const file of [...MODEL_JSON_FILES, modelOnnxFile(quantized)]) {
    const target = path.join(folder, file);
    if (await fs.stat(target).then(() => true, () => false)) continue;
    await downloadFile(hubUrl(model, file), target);
    fetched.push(file);
  }
  return fetched;
}
