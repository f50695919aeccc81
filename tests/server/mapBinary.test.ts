/**
 * GET /api/map's binary form and its compression: the binary map decodes (with the web
 * page's own decoder) to the same document as the JSON form, columns added later travel
 * without change, each encoding decompresses to the same bytes, and ETags revalidate.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeMapBinary } from '../../src/server/mapBinary.js';
import { decodeMap, MapFormatError } from '../../web/src/mapData/decodeMap.js';
import { demoEngine, readyApp } from './fixtures.js';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

let app: Express;
let server: http.Server;

/** GET `path` as raw bytes, exactly as they came over the wire. */
function get(path: string, headers: Record<string, string> = {}): Promise<Reply> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

const arrayBufferOf = (bytes: Buffer) => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer;

beforeAll(async () => {
  app = readyApp(await demoEngine('lexical'));
  server = await new Promise<http.Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('GET /api/map?format=binary', () => {
  it('decodes to the JSON form: the same strings, clusters and counts, positions within float32 rounding', async () => {
    const json = JSON.parse((await get('/api/map')).body.toString('utf8'));
    const binary = await get('/api/map?format=binary');
    expect(binary.headers['content-type']).toBe('application/octet-stream');
    const map = decodeMap(arrayBufferOf(binary.body));
    expect(map.count).toBe(json.count);
    expect(map.clusters).toEqual(json.clusters);
    expect(map.ids).toEqual(json.ids);
    expect(map.titles).toEqual(json.titles);
    expect(Array.from(map.cluster as Int32Array)).toEqual(json.cluster);
    expect(Array.from(map.coarseCluster as Int32Array)).toEqual(json.coarseCluster);
    for (const axis of ['x', 'y']) {
      const column = map[axis] as Float32Array;
      expect(column).toBeInstanceOf(Float32Array);
      json[axis].forEach((value: number, i: number) => expect(Math.abs(column[i] - value)).toBeLessThan(1e-5));
    }
  });

  it('sends brotli, else gzip, else plain bytes, all the same map, and answers 304 to its own ETag', async () => {
    const plain = await get('/api/map?format=binary', { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    const br = await get('/api/map?format=binary', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(zlib.brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    expect(br.body.length).toBeLessThan(plain.body.length / 2);
    const gz = await get('/api/map', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(zlib.gunzipSync(gz.body).toString('utf8')).count).toBe(119);
    const again = await get('/api/map?format=binary', { 'accept-encoding': 'br', 'if-none-match': String(br.headers.etag) });
    expect(again.status).toBe(304);
    expect(br.headers.etag).not.toBe(gz.headers.etag);
  });

  it('rejects an unknown format with a 400 naming the parameter', async () => {
    const reply = await get('/api/map?format=xml');
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body.toString('utf8')).error.message).toMatch(/format/);
  });
});

describe('the binary map layout', () => {
  it('carries columns it was not written for: nullable strings, integer lists, small and large numbers, anything else as JSON', () => {
    const document = {
      count: 3,
      date: ['2025-06', null, 'é ∑ 😀'],
      categories: [[0, 2], [], [1, -7]],
      notes: [{ a: 1 }, null, 'x'],
      level: [0, 1, 255],
      score: [0.123456789, -1e9, 3],
      categoryNames: ['cs.CL', 'cs.LG', 'math.OC', 'astro-ph'],
    };
    const map = decodeMap(arrayBufferOf(encodeMapBinary(document)));
    expect(map.date).toEqual(document.date);
    expect(map.categories).toEqual(document.categories);
    expect(map.notes).toEqual(document.notes);
    expect(map.level).toBeInstanceOf(Uint8Array);
    expect(Array.from(map.level as Uint8Array)).toEqual(document.level);
    expect(Array.from(map.score as Float32Array)).toEqual(Array.from(Float32Array.from(document.score)));
    expect(map.categoryNames).toEqual(document.categoryNames);
  });

  it('refuses a buffer that is not a binary map, saying why', () => {
    const good = encodeMapBinary({ count: 2, x: [0.5, 1.5], ids: ['a', 'b'] });
    expect(() => decodeMap(arrayBufferOf(Buffer.from('{"count":2}')))).toThrow(/starts with/);
    expect(() => decodeMap(arrayBufferOf(good.subarray(0, good.length - 8)))).toThrow(MapFormatError);
    expect(() => decodeMap(new ArrayBuffer(3))).toThrow(/shorter/);
  });
});
