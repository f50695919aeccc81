/**
 * A map body whose compression fails is not kept: that request answers 500 without a stack
 * trace, and the next one compresses again and succeeds. zlib's brotli is made to fail once
 * (fault injection: a failure no real input can cause on demand); the cache under test is real.
 */
import type * as Zlib from 'node:zlib';
import request from 'supertest';
import { describe, expect, it, vi } from 'vitest';
import { decodeMap } from '../../web/src/mapData/decodeMap.js';
import { demoEngine, readyApp } from './fixtures.js';

const failures = vi.hoisted(() => ({ left: 1 }));

vi.mock('node:zlib', async (importOriginal) => {
  const real = await importOriginal<typeof Zlib>();
  const brotliCompress = (input: Buffer, options: Zlib.BrotliOptions, done: (error: Error | null, result?: Buffer) => void) => {
    if (failures.left-- > 0) process.nextTick(done, new Error('Cannot allocate memory'));
    else real.brotliCompress(input, options, done);
  };
  return { ...real, brotliCompress, default: { ...real, brotliCompress } };
});

describe('GET /api/map after a failed compression', () => {
  it('answers 500 once, then compresses again', async () => {
    const app = readyApp(await demoEngine('lexical'));
    const failed = await request(app).get('/api/map?format=binary').set('Accept-Encoding', 'br');
    expect(failed.status).toBe(500);
    expect(JSON.stringify(failed.body)).not.toMatch(/at .*\.ts:\d+|Cannot allocate/);
    const retried = await request(app)
      .get('/api/map?format=binary')
      .set('Accept-Encoding', 'br')
      .buffer(true)
      .parse((res, callback) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => callback(null, Buffer.concat(chunks)));
      });
    expect(retried.status).toBe(200);
    expect(retried.headers['content-encoding']).toBe('br');
    const bytes = retried.body as Buffer;
    expect(decodeMap(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer).count).toBeGreaterThan(0);
  });
});
