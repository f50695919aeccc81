/**
 * Every error row of API.md: one JSON shape `{ error: { code, message } }`, never HTML,
 * never a stack trace; plus the security headers every response carries.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import { createApp, type AppState } from '../../src/server/app.js';
import { createSearchEngine, type SearchEngine } from '../../src/search/engine.js';
import { demoEngine, readyApp } from './fixtures.js';
import { tempDir } from '../helpers/tempDir.js';

type Res = { status: number; headers: Record<string, string>; text: string; body: { error?: { code: string; message: string } } };

function expectError(res: Res, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  expect(Object.keys(res.body)).toEqual(['error']);
  expect(res.body.error!.code).toBe(code);
  expect(typeof res.body.error!.message).toBe('string');
  expect(res.text).not.toMatch(/<html|<!doctype|\n\s+at |node_modules|\.ts:\d+/i);
}

let engine: SearchEngine;
let app: Express;
const logs: string[] = [];
beforeAll(async () => {
  engine = await demoEngine('lexical');
  app = readyApp(engine, logs);
});

describe('400 bad_request', () => {
  it.each([
    ['q missing', '/api/search', /q is required/],
    ['q empty', '/api/search?q=', /q is empty/],
    ['q whitespace only', '/api/search?q=%20%09%0A%20', /q is empty/],
    ['q of 1,001 characters', `/api/search?q=${'a'.repeat(1001)}`, /at most 1000/],
    ['q repeated', '/api/search?q=a&q=b', /q must be given once/],
    ['k = 0', '/api/search?q=a&k=0', /k must be an integer from 1 to 100/],
    ['k = 101', '/api/search?q=a&k=101', /k must be an integer from 1 to 100/],
    ['k = 1.5', '/api/search?q=a&k=1.5', /k must be an integer/],
    ['k = -1', '/api/search?q=a&k=-1', /k must be an integer/],
    ['k = abc', '/api/search?q=a&k=abc', /k must be an integer/],
    ['k empty', '/api/search?q=a&k=', /k must be an integer/],
    ['k = 1e1', '/api/search?q=a&k=1e1', /k must be an integer/],
    ['k = +5', '/api/search?q=a&k=%2B5', /k must be an integer/],
    ['k = 0x10', '/api/search?q=a&k=0x10', /k must be an integer/],
    ['k repeated', '/api/search?q=a&k=1&k=2', /k must be given once/],
    ['mode bogus', '/api/search?q=a&mode=bogus', /mode must be one of hybrid, semantic, lexical/],
    ['mode in capitals', '/api/search?q=a&mode=HYBRID', /mode must be one of/],
    ['mode repeated', '/api/search?q=a&mode=lexical&mode=lexical', /mode must be given once/],
    ['similar: k = 0', '/api/papers/x/similar?k=0', /k must be an integer/],
    ['similar: k repeated', '/api/papers/x/similar?k=1&k=1', /k must be given once/],
    ['a malformed percent-escape in the path', '/api/papers/%E0%A4%A', /malformed request/],
  ])('%s', async (_name, url, message) => {
    const res = await request(app).get(url);
    expectError(res, 400, 'bad_request');
    expect(res.body.error!.message).toMatch(message);
  });

  it('accepts k = 1 and k = 100 and a 1,000-character q', async () => {
    await request(app).get('/api/search?q=a&k=1').expect(200);
    await request(app).get('/api/search?q=a&k=100').expect(200);
    await request(app).get(`/api/search?q=${'a'.repeat(1000)}`).expect(200);
  });
});

describe('404 not_found', () => {
  it.each([
    ['an unknown paper id', '/api/papers/no-such-paper'],
    ['an unknown paper id (similar)', '/api/papers/no-such-paper/similar'],
    ['path traversal, encoded', '/api/papers/..%2F..%2Fetc%2Fpasswd'],
    ['path traversal, double-encoded', '/api/papers/..%252F..%252Fetc%252Fpasswd'],
    ['path traversal, similar', '/api/papers/..%2F..%2Fetc%2Fpasswd/similar'],
    ['path traversal in the static files', '/..%2F..%2Fetc%2Fpasswd'],
    ['path traversal, raw', '/api/../../etc/passwd'],
    ['an unknown API route', '/api/nope'],
    ['an unknown API route below a known one', '/api/health/extra'],
    ['the API root', '/api'],
    ['an unknown page', '/no-such-page.html'],
  ])('%s', async (_name, url) => {
    const res = await request(app).get(url);
    expectError(res, 404, 'not_found');
    expect(res.text).not.toMatch(/root:|passwd:/);
  });
});

describe('405 method_not_allowed', () => {
  it.each(['post', 'put', 'patch', 'delete', 'options'] as const)('%s on an API route, with Allow', async (method) => {
    const res = await request(app)[method]('/api/papers/x/similar');
    expectError(res, 405, 'method_not_allowed');
    expect(res.headers.allow).toBe('GET, HEAD');
  });

  it.each([
    ['/api/search', 'put', 'GET, HEAD, POST'],
    ['/api/search', 'options', 'GET, HEAD, POST'],
    ['/api/missing', 'get', 'POST'],
    ['/api/missing', 'delete', 'POST'],
  ] as const)('%s takes POST: %s is 405 with Allow %s', async (url, method, allow) => {
    const res = await request(app)[method](url);
    expectError(res, 405, 'method_not_allowed');
    expect(res.headers.allow).toBe(allow);
  });

  it('POST to an unknown API route is still 405', async () => {
    expectError(await request(app).post('/api/nope'), 405, 'method_not_allowed');
  });
});

describe('413 payload_too_large', () => {
  it('refuses a body over the limit', async () => {
    const res = await request(app).get('/api/search?q=a').set('content-type', 'text/plain').send('x'.repeat(100_000));
    expectError(res, 413, 'payload_too_large');
  });

  it('refuses a large POST body too', async () => {
    const res = await request(app).post('/api/search').set('content-type', 'application/json').send(JSON.stringify({ q: 'x'.repeat(100_000) }));
    expect([405, 413]).toContain(res.status);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  });
});

describe('503 not_ready', () => {
  it('answers every API route with 503 and Retry-After while the index loads', async () => {
    const state: AppState = {};
    const loading = createApp(state, { log: () => {} });
    for (const url of ['/api/health', '/api/search?q=a', '/api/papers/x', '/api/papers/x/similar', '/api/map']) {
      const res = await request(loading).get(url);
      expectError(res, 503, 'not_ready');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    }
    state.engine = engine;
    await request(loading).get('/api/health').expect(200);
  });
});

describe('500 internal', () => {
  it('hides the cause from the client and logs it', async () => {
    const failing = createSearchEngine({
      ...engine.index,
      queryEmbedder: {
        info: engine.index.queryEmbedder.info,
        embedBatch: async () => {
          throw new Error('secret detail /etc/model.onnx exploded');
        },
      },
    });
    const errorLogs: string[] = [];
    const res = await request(readyApp(failing, errorLogs)).get('/api/search?q=anything&mode=semantic');
    expectError(res, 500, 'internal');
    expect(res.text).not.toMatch(/secret|onnx/);
    expect(errorLogs.join('\n')).toMatch(/secret detail/);
  });
});

describe('headers', () => {
  it('sends a same-origin CSP and no X-Powered-By, on JSON and errors alike', async () => {
    for (const url of ['/api/health', '/api/nope', '/']) {
      const res = await request(app).get(url);
      expect(res.headers['x-powered-by']).toBeUndefined();
      const csp = res.headers['content-security-policy'];
      expect(csp).toMatch(/default-src 'self'/);
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).toMatch(/object-src 'none'/);
      expect(csp).toMatch(/frame-ancestors 'none'/);
      expect(csp).not.toMatch(/unsafe-eval|\*/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
  });
});

describe('the web app at /', () => {
  it('says how to build the web app when web/dist is missing', async () => {
    const res = await request(app).get('/').expect(200).expect('content-type', /text\/html/);
    expect(res.text).toMatch(/not been built/);
  });

  it('serves web/dist when it is built', async () => {
    const dir = await tempDir('web');
    await fs.writeFile(path.join(dir, 'index.html'), '<!doctype html><title>built app</title>');
    await fs.writeFile(path.join(dir, 'app.js'), 'console.log(1)');
    const built = readyApp(engine, [], dir);
    expect((await request(built).get('/').expect(200)).text).toMatch(/built app/);
    await request(built).get('/app.js').expect(200).expect('content-type', /javascript/);
    expectError(await request(built).get('/..%2Fsecret'), 404, 'not_found');
  });
});
