/**
 * Fuzzing every API route (docs/API.md) with fast-check: hostile parameters through supertest
 * on createApp over the real lexical demo index, then raw and malformed HTTP (node:net) to a
 * live serve(). Every response must have an allowed status and a body matching the response
 * schemas (tests/fuzz/responseSchemas.ts); where the URL alone decides the status (tests/fuzz/apiModel.ts),
 * it must be that status. Seeded; FUZZ_RUNS=n for longer runs.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import request from 'supertest';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_K } from '../../src/config.js';
import type { SearchEngine } from '../../src/search/engine.js';
import { serve, type RunningServer } from '../../src/server/listen.js';
import { demoIndexDir } from '../helpers/demoIndex.js';
import { demoEngine, readyApp } from '../server/fixtures.js';
import { encodedValue, fuzzText } from './arbitraries.js';
import { expectedPaperStatus, expectedSearchStatus, expectedStatusOf, expectedSimilarStatus, requestedK } from './apiModel.js';
import { FUZZ_SEED, fuzzParameters, InputTally } from './fuzzConfig.js';
import { rawRequest } from './rawHttp.js';
import { encodeRaw, idSegment, isPlain, junkQuery, kQuery, rawCase, searchQuery, structuredTarget, withQuery } from './requests.js';
import { pathOf, responseProblem, routeOf, type SeenResponse } from './responseSchemas.js';
import { tempDir } from '../helpers/tempDir.js';

const API_STATUSES = new Set([200, 400, 404, 405]);
const STATIC_FILES: Record<string, string> = {
  'index.html': '<!doctype html><title>fuzz web app</title>',
  'app.js': 'console.log("fuzz app")',
  'assets/site.css': 'body { color: black }',
};
const SECRET = 'SECRET-OUTSIDE-WEB-DIR';

const tally = new InputTally('api');
let engine: SearchEngine;
let app: Express;
let ids: Set<string>;
let webRoot: string;
let webDir: string;
let live: RunningServer;
let port: number;

beforeAll(async () => {
  engine = await demoEngine('lexical');
  ids = new Set(engine.index.papers.map((p) => p.id));
  webRoot = await tempDir('fuzz-web');
  webDir = path.join(webRoot, 'dist');
  await fs.mkdir(path.join(webDir, 'assets'), { recursive: true });
  for (const [name, text] of Object.entries(STATIC_FILES)) await fs.writeFile(path.join(webDir, name), text);
  await fs.writeFile(path.join(webDir, '.env'), SECRET);
  await fs.writeFile(path.join(webRoot, 'secret.txt'), SECRET);
  app = readyApp(engine, [], webDir);
  live = await serve({ indexDir: await demoIndexDir('lexical'), port: 0, webDir, log: () => {} });
  await live.ready;
  port = Number(new URL(live.url).port);
});

afterAll(async () => {
  tally.print();
  await live?.close();
});

type Method = 'GET' | 'HEAD';
const method = fc.constantFrom<Method>('GET', 'GET', 'GET', 'HEAD');

/** A response as check() saw it, with its parsed JSON body (any: each test reads its own route's fields). */
type Seen = SeenResponse & { body: any };

/** Node refuses request heads over 16 KB before express sees them; serve() answers those 431 in JSON. */
const NODE_HEAD_LIMIT = 16 * 1024;

/**
 * Sends `target` through supertest and checks the response against the contract (and `expected`, if known).
 * A URL near node's 16 KB head limit goes to the live serve() instead, whose 431 is part of the contract.
 */
async function check(target: string, how: string = 'GET', expected?: number): Promise<Seen> {
  let seen: Seen;
  const allowed = new Set(API_STATUSES);
  // superagent (WHATWG URL) percent-encodes some characters a path or query may not hold raw: count all but unreserved as 3.
  const wireLength = target.replace(/[^A-Za-z0-9%\-._~/?&=]/g, '___').length;
  if (wireLength > NODE_HEAD_LIMIT - 1024) {
    allowed.add(431);
    const outcome = await rawRequest(port, Buffer.from(`${how} ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`, 'latin1'), how);
    if (!('response' in outcome)) expect.fail(`${how} ${target.slice(0, 200)}…: ${outcome.failure}`);
    const { text } = outcome.response;
    seen = { ...outcome.response, body: text && outcome.response.headers['content-type']?.startsWith('application/json') ? JSON.parse(text) : undefined };
  } else {
    const res = await (request(app) as unknown as Record<string, (url: string) => request.Test>)[how.toLowerCase()](target);
    seen = { status: res.status, headers: res.headers, text: res.text ?? '', body: res.body };
  }
  const label = `${how} ${target.length > 300 ? `${target.slice(0, 300)}… (${target.length} chars)` : target}`;
  expect(responseProblem(target, how, seen, allowed), label).toBeUndefined();
  const status = expectedStatusOf(target, expected);
  if (status !== undefined && seen.status !== 431) expect(seen.status, label).toBe(status);
  return seen;
}

describe('API fuzzing through supertest on createApp (lexical demo index)', () => {
  it('GET /api/search: any q, k and mode, repeated or unknown, in any encoding', async () => {
    await fc.assert(
      fc.asyncProperty(searchQuery, method, async (query, how) => {
        tally.add('search');
        const res = await check(withQuery('/api/search', query), how, expectedSearchStatus(query));
        if (how === 'GET' && res.status === 200) expect(res.body.results.length).toBeLessThanOrEqual(res.body.k);
      }),
      fuzzParameters(400),
    );
  });

  it('GET /api/papers/:id: any path segment, encoded or broken', async () => {
    await fc.assert(
      fc.asyncProperty(idSegment([...ids]), junkQuery, method, async (segment, query, how) => {
        tally.add('papers/:id');
        const res = await check(withQuery(`/api/papers/${segment}`, query), how, expectedPaperStatus(segment, ids));
        if (how === 'GET' && res.status === 200) expect(res.body.id).toBe(decodeURIComponent(segment));
      }),
      fuzzParameters(300),
    );
  });

  it('GET /api/papers/:id/similar: any id and k', async () => {
    await fc.assert(
      fc.asyncProperty(idSegment([...ids]), kQuery, method, async (segment, query, how) => {
        tally.add('papers/:id/similar');
        const res = await check(withQuery(`/api/papers/${segment}/similar`, query), how, expectedSimilarStatus(segment, query, ids));
        if (how === 'GET' && res.status === 200) expect(res.body.results.length).toBeLessThanOrEqual(requestedK(query, DEFAULT_K));
      }),
      fuzzParameters(300),
    );
  });

  it('GET /api/health and /api/map: unknown parameters are ignored', async () => {
    const target = fc.tuple(fc.constantFrom('/api/health', '/api/health/', '/API/HEALTH', '/api/map', '/Api/Map/'), junkQuery);
    await fc.assert(
      fc.asyncProperty(target, method, async ([pathname, query], how) => {
        tally.add('health, map');
        await check(withQuery(pathname, query), how, 200);
      }),
      fuzzParameters(120),
    );
  });

  it('unknown routes under /api: 404, whatever the segments', async () => {
    const segment = fc.oneof(
      fc.constantFrom('health', 'search', 'map', 'papers', 'similar', '', '.', '..', '%2e%2e', '%2F', ';x', 'HEALTH', 'v1', 'api'),
      encodedValue(fuzzText),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(segment, { minLength: 1, maxLength: 5 }), junkQuery, async (segments, query) => {
        tally.add('unknown /api routes');
        const target = withQuery(`/api/${segments.join('/')}`, query);
        await check(target, 'GET', routeOf(target) === undefined ? 404 : undefined);
      }),
      fuzzParameters(200),
    );
  });

  it('other methods on API routes: 405 with Allow (POST /api/search without a JSON body: 400)', async () => {
    const methods = fc.constantFrom('POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE', 'PROPFIND', 'LOCK', 'PURGE', 'SEARCH');
    await fc.assert(
      fc.asyncProperty(structuredTarget(ids), methods, async ({ target }, how) => {
        tally.add('other methods');
        const takesPost = routeOf(target) === 'search';
        const res = await check(target, how, takesPost && how === 'POST' ? 400 : 405);
        if (res.status === 405) expect(res.headers.allow).toBe(takesPost ? 'GET, HEAD, POST' : 'GET, HEAD');
      }),
      fuzzParameters(100),
    );
  });

  it('static files: only files inside the web folder, never a listing, never a dotfile', async () => {
    const segment = fc.oneof(
      fc.constantFrom('..', '.', '%2e%2e', '%2E%2E', '%252e%252e', '..%2f', '..%5c', '..\\', '%c0%ae%c0%ae', '', 'assets', 'index.html', 'app.js', 'site.css', '.env', 'secret.txt', '%00', '%2e', '.%2e'),
      encodedValue(fuzzText),
    );
    const separator = fc.constantFrom('/', '/', '%2f', '%2F', '%5c', '\\', '//', '%252f');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(segment, separator), { minLength: 1, maxLength: 6 }), method, async (parts, how) => {
        tally.add('static files');
        const target = `/${parts.map(([s, sep], i) => (i === 0 ? s : sep + s)).join('')}`;
        if (target.toLowerCase().startsWith('/api')) return;
        const res = await check(target, how);
        expect([200, 400, 404, 431], target).toContain(res.status);
        if (res.status === 200 && how === 'GET') expect(Object.values(STATIC_FILES), target).toContain(res.text);
        expect(res.text ?? '', target).not.toContain(SECRET);
      }),
      fuzzParameters(300),
    );
  });

  it('still answers /api/health afterwards', async () => {
    await check('/api/health', 'GET', 200);
  });
});

// ---- raw HTTP to a live server

describe('raw HTTP fuzzing against a live serve()', () => {
  it('answers every request, well-formed or not, with an allowed status and a JSON error body', async () => {
    await fc.assert(
      fc.asyncProperty(rawCase(ids), async (c) => {
        tally.add('raw HTTP requests');
        const bytes = encodeRaw(c);
        const outcome = await rawRequest(port, bytes, c.method);
        const label = JSON.stringify({ ...c, body: c.body.slice(0, 40) });
        if (!('response' in outcome)) expect.fail(`${label}: ${outcome.failure}`);
        const res = outcome.response;
        const allowed = new Set(API_STATUSES);
        if (Buffer.byteLength(c.body) > 16 * 1024) allowed.add(413);
        if (bytes.length - Buffer.byteLength(c.body) > NODE_HEAD_LIMIT - 1024) allowed.add(431);
        // HTTP's own answers to conditional and range requests (Express sends ETags; static files take ranges).
        if (c.headers.some((h) => /^if-none-match:/i.test(h))) allowed.add(304);
        if (c.headers.some((h) => /^range:/i.test(h)) && !pathOf(c.target).toLowerCase().startsWith('/api')) [206, 416].forEach((s) => allowed.add(s));
        if ([200, 206].includes(res.status) && !pathOf(c.target).toLowerCase().startsWith('/api')) return; // the static web app
        const problem = responseProblem(c.target, c.method, { status: res.status, headers: res.headers, text: res.text }, allowed);
        expect(problem, label).toBeUndefined();
        const expected = isPlain(c) ? expectedStatusOf(c.target, c.expected) : undefined;
        if (expected !== undefined && res.status !== 431) expect(res.status, label).toBe(expected);
      }),
      fuzzParameters(400),
    );
  });

  it('answers 431 in JSON for URLs and headers over 16 KB', async () => {
    const huge = fc.oneof(
      fc.integer({ min: 16 * 1024, max: 80 * 1024 }).map((n) => ({ target: `/api/search?q=${'a'.repeat(n)}`, headers: [] as string[] })),
      fc.integer({ min: 16 * 1024, max: 80 * 1024 }).map((n) => ({ target: '/api/health', headers: [`X-Big: ${'b'.repeat(n)}`] })),
      fc.integer({ min: 700, max: 1900 }).map((n) => ({ target: '/api/health', headers: Array.from({ length: n }, (_, i) => `X-H${i}: ${'c'.repeat(20)}`) })),
    );
    await fc.assert(
      fc.asyncProperty(huge, async ({ target, headers }) => {
        tally.add('huge URLs and headers');
        const outcome = await rawRequest(port, encodeRaw({ method: 'GET', target, version: 'HTTP/1.1', headers, body: '' }), 'GET');
        if (!('response' in outcome)) expect.fail(`${target.length}-byte URL, ${headers.length} headers: ${outcome.failure}`);
        const problem = responseProblem(target, 'GET', outcome.response, new Set([431]));
        expect(problem).toBeUndefined();
      }),
      fuzzParameters(20, true),
    );
  });

  it('still answers /api/health afterwards', async () => {
    const res = await fetch(`${live.url}/api/health`);
    expect(res.status).toBe(200);
    console.log(`fuzz api: seed ${FUZZ_SEED}; live server ${live.url} healthy after ${tally.total()} inputs`);
  });
});
