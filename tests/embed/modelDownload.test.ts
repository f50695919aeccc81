/**
 * Issue 18 item 8: the model download path, against a local HTTP server that serves the
 * generated test model the way the model hub does (transformers.js `env.remoteHost` +
 * `env.remotePathTemplate`): the first build downloads and builds; a download killed halfway
 * is finished by the next build; --offline never makes a request; 404 and 500 get clear messages.
 */
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { env } from '@xenova/transformers';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CORPUS } from '../../src/config.js';
import { buildIndex } from '../../src/pipeline/buildIndex.js';
import { ensureCli, spawnCli } from '../faults/helpers.js';
import { ensureTinyModel } from '../helpers/model.js';
import { tempDir } from '../helpers/tempDir.js';

type Mode = 'serve' | 'notFound' | 'serverError' | 'stallHalfway';

/** A model hub on 127.0.0.1: `/<org>/<name>/resolve/main/<file>` from the generated model's folder. */
interface Hub {
  url: string;
  mode: Mode;
  requests: string[];
  /** Resolves when, in 'stallHalfway' mode, half of the ONNX file has been sent. */
  halfSent: Promise<void>;
  close(): Promise<void>;
}

async function startHub(modelsDir: string): Promise<Hub> {
  let onHalf = () => {};
  const hub: Hub = { url: '', mode: 'serve', requests: [], halfSent: new Promise((resolve) => (onHalf = resolve)), close: async () => {} };
  const server = http.createServer(async (req, res) => {
    hub.requests.push(req.url!);
    const match = /^\/([\w.-]+\/[\w.-]+)\/resolve\/main\/(.+)$/.exec(req.url!);
    if (hub.mode === 'notFound' || !match) return void res.writeHead(404).end('Entry not found');
    if (hub.mode === 'serverError') return void res.writeHead(500).end('Internal Error');
    const bytes = await fs.readFile(path.join(modelsDir, match[1], match[2])).catch(() => undefined);
    if (!bytes) return void res.writeHead(404).end('Entry not found');
    res.writeHead(200, { 'Content-Length': bytes.length, 'Content-Type': 'application/octet-stream' });
    if (hub.mode === 'stallHalfway' && match[2].endsWith('.onnx')) {
      res.write(bytes.subarray(0, bytes.length >> 1), () => onHalf());
      return; // and never the rest: the client is killed meanwhile
    }
    res.end(bytes);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  hub.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  hub.close = () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve())));
  return hub;
}

let model: string;
let hub: Hub;
const savedHost = env.remoteHost;
beforeAll(async () => {
  const tiny = await ensureTinyModel();
  model = tiny.model;
  hub = await startHub(tiny.modelsDir);
  env.remoteHost = hub.url;
});
afterAll(async () => {
  env.remoteHost = savedHost;
  await hub?.close();
});
beforeEach(() => {
  hub.mode = 'serve';
  hub.requests.length = 0;
});

const modelFiles = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model_quantized.onnx'];

describe('a build on a connected machine', () => {
  it('downloads the model from the hub into models/<org>/<name>/, builds, and later builds download nothing', async () => {
    const modelsDir = await tempDir('hub-models');
    const out = path.join(await tempDir('hub-index'), 'index');
    const report = await buildIndex({ corpus: DEFAULT_CORPUS, out, embedder: 'transformer', model, modelsDir });
    expect(report.manifest.embedder).toMatchObject({ kind: 'transformer', model });
    expect(hub.requests.sort()).toEqual(modelFiles.map((f) => `/${model}/resolve/main/${f}`).sort());
    for (const file of modelFiles) await expect(fs.stat(path.join(modelsDir, model, file))).resolves.toBeTruthy();
    hub.requests.length = 0;
    await buildIndex({ corpus: DEFAULT_CORPUS, out, embedder: 'transformer', model, modelsDir });
    expect(hub.requests).toEqual([]);
  }, 120_000);
});

describe('--offline', () => {
  it('never makes a request: auto falls back to the lexical embedder, transformer names the files', async () => {
    const modelsDir = await tempDir('hub-offline');
    const out = path.join(await tempDir('hub-offline-index'), 'index');
    const auto = await buildIndex({ corpus: DEFAULT_CORPUS, out, embedder: 'auto', model, modelsDir, offline: true });
    expect(auto.manifest.embedder.kind).toBe('lexical');
    await expect(buildIndex({ corpus: DEFAULT_CORPUS, out, embedder: 'transformer', model, modelsDir, offline: true })).rejects.toThrow(/offline mode forbids downloading it/);
    expect(hub.requests).toEqual([]);
  }, 120_000);
});

describe('a hub that refuses', () => {
  it.each([
    ['notFound', /answered HTTP 404: no such file \(is the model name right\?\)/],
    ['serverError', /answered HTTP 500: the hub failed \(try again later\)/],
  ] as const)('%s: the build stops with a message naming the URL and the status', async (mode, message) => {
    hub.mode = mode;
    const modelsDir = await tempDir('hub-refused');
    const error = await buildIndex({ corpus: DEFAULT_CORPUS, out: path.join(modelsDir, 'index'), embedder: 'transformer', model, modelsDir }).catch((err: Error) => err);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toContain(`${hub.url}${model}/resolve/main/config.json`);
    expect((error as Error).message).toContain(`transformer: model "${model}" not found: downloading it failed`);
    await expect(fs.readdir(path.join(modelsDir, model)).catch(() => [])).resolves.toEqual([]);
  }, 60_000);
});

describe('a download killed halfway', () => {
  it('leaves no truncated model file, and the next build fetches what is missing and builds', async () => {
    const main = await ensureCli();
    const modelsDir = await tempDir('hub-killed');
    const out = path.join(modelsDir, 'index');
    hub.mode = 'stallHalfway';
    // The CLI child inherits HF_ENDPOINT, which points its downloads at the local hub.
    process.env.HF_ENDPOINT = hub.url;
    const build = spawnCli(main, ['build', '--out', out, '--embedder', 'transformer', '--model', model, '--models-dir', modelsDir]);
    delete process.env.HF_ENDPOINT;
    await hub.halfSent;
    const folder = path.join(modelsDir, model);
    const partSize = async () => {
      const part = (await fs.readdir(path.join(folder, 'onnx')).catch(() => [])).find((f) => /\.part-\d+$/.test(f));
      return part ? (await fs.stat(path.join(folder, 'onnx', part))).size : 0;
    };
    await expect.poll(partSize, { timeout: 30_000 }).toBeGreaterThan(0);
    build.child.kill('SIGKILL');
    expect((await build.done).signal).toBe('SIGKILL');
    await expect(fs.stat(path.join(folder, 'onnx', 'model_quantized.onnx'))).rejects.toThrow();
    expect((await fs.readdir(path.join(folder, 'onnx'))).some((f) => /\.part-\d+$/.test(f))).toBe(true);

    hub.mode = 'serve';
    hub.requests.length = 0;
    const report = await buildIndex({ corpus: DEFAULT_CORPUS, out, embedder: 'transformer', model, modelsDir });
    expect(report.manifest.embedder.kind).toBe('transformer');
    expect(hub.requests).toEqual([`/${model}/resolve/main/onnx/model_quantized.onnx`]);
    expect(await fs.readdir(path.join(folder, 'onnx'))).toEqual(['model_quantized.onnx']);
  }, 180_000);
});
