/**
 * POST /api/search over the demo index: a whole abstract as the query, the same response
 * as GET with `why` on every result, and clear errors for bad bodies. GET keeps its limit
 * and every route but the POST ones still answers 405 to a write.
 */
import type { Express } from 'express';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_LONG_QUERY_CHARS, MAX_QUERY_CHARS } from '../../src/config.js';
import type { SearchEngine } from '../../src/search/engine.js';
import { DEMO_EMBEDDERS, demoEngine, readyApp } from './fixtures.js';

/** The first demo abstract of at least `chars` characters, cut to about that length at a space. */
function abstractOfLength(engine: SearchEngine, chars: number): { id: string; text: string } {
  const paper = engine.index.papers.find((p) => p.abstract.length >= chars)!;
  return { id: paper.id, text: paper.abstract.slice(0, paper.abstract.lastIndexOf(' ', chars)) };
}

describe.each(DEMO_EMBEDDERS)('POST /api/search (%s embedder)', (embedder) => {
  let engine: SearchEngine;
  let app: Express;
  beforeAll(async () => {
    engine = await demoEngine(embedder);
    app = readyApp(engine);
  });

  it.each(['hybrid', 'lexical', 'semantic'])('answers a 1,400-character abstract in %s mode, its own paper first', async (mode) => {
    const { id, text } = abstractOfLength(engine, 1400);
    expect(text.length).toBeGreaterThan(MAX_QUERY_CHARS);
    const res = await request(app).post('/api/search').send({ q: text, k: 5, mode }).expect(200);
    expect(res.body).toMatchObject({ query: text, mode, k: 5 });
    expect(res.body.results.length).toBe(5);
    if (mode !== 'semantic' || embedder === 'lexical') expect(res.body.results[0].id).toBe(id);
    for (const result of res.body.results) expect(result.why.signals).toBeTypeOf('object');
  });

  it('gives the same results as GET for a short query', async () => {
    const get = await request(app).get('/api/search').query({ q: 'optimal transport', k: 7 }).expect(200);
    const post = await request(app).post('/api/search').send({ q: 'optimal transport', k: 7 }).expect(200);
    expect(post.body.results).toEqual(get.body.results);
    expect(post.body.point).toEqual(get.body.point);
  });

  it('takes the filters of GET, as text, with the same results and echo', async () => {
    const topic = String(engine.index.topics.clusters[0].id);
    const get = await request(app).get('/api/search').query({ q: 'learning', k: 5, topic }).expect(200);
    const post = await request(app).post('/api/search').send({ q: 'learning', k: 5, topic }).expect(200);
    expect(post.body.filters).toEqual({ topic: Number(topic) });
    expect(post.body.matching).toBe(get.body.matching);
    expect(post.body.results).toEqual(get.body.results);
    const bad = await request(app).post('/api/search').send({ q: 'learning', from: '2025-13' }).expect(400);
    expect(bad.body.error.message).toMatch(/from/);
  });

  it('says which part of the query the embedder read', async () => {
    const { text } = abstractOfLength(engine, 1400);
    const res = await request(app).post('/api/search').send({ q: text, mode: 'hybrid' }).expect(200);
    expect(res.body.embedded.of).toBe(text.length);
    expect(res.body.embedded.chars).toBeLessThanOrEqual(text.length);
    expect(res.body.embedded.truncated).toBe(res.body.embedded.chars < text.length);
    const lexical = await request(app).post('/api/search').send({ q: text, mode: 'lexical' }).expect(200);
    expect(lexical.body.embedded).toBeUndefined();
  });
});

describe('POST /api/search refuses bad bodies with a message naming the field', () => {
  let app: Express;
  beforeAll(async () => {
    app = readyApp(await demoEngine('lexical'));
  });

  it.each([
    [{ k: 3 }, /q/],
    [{ q: '   ' }, /q must not be empty/],
    [{ q: 'x'.repeat(MAX_LONG_QUERY_CHARS + 1) }, new RegExp(`q must be at most ${MAX_LONG_QUERY_CHARS}`)],
    [{ q: 'graphs', k: 0 }, /k must be an integer from 1 to 100/],
    [{ q: 'graphs', k: '5' }, /k must be an integer/],
    [{ q: 'graphs', mode: 'fuzzy' }, /mode must be one of hybrid, semantic, lexical/],
    [[1, 2], /JSON object/],
  ])('%j → 400', async (body, message) => {
    const res = await request(app).post('/api/search').send(body as object).expect(400);
    expect(res.body.error.code).toBe('bad_request');
    expect(res.body.error.message).toMatch(message);
  });

  it('refuses a body that is not JSON, or not sent as JSON', async () => {
    const broken = await request(app).post('/api/search').set('Content-Type', 'application/json').send('{"q": ').expect(400);
    expect(broken.body.error.message).toMatch(/not valid JSON/);
    const form = await request(app).post('/api/search').set('Content-Type', 'text/plain').send('{"q":"graphs"}').expect(400);
    expect(form.body.error.message).toMatch(/Content-Type: application\/json/);
  });

  it('answers 413 over 64 KB', async () => {
    const res = await request(app).post('/api/search').send({ q: 'graphs', padding: 'x'.repeat(70_000) }).expect(413);
    expect(res.body.error).toEqual({ code: 'payload_too_large', message: 'request body is over the 64kb limit' });
  });

  it('keeps the GET limit of 1,000 characters and 405 on routes without writes', async () => {
    const long = await request(app).get('/api/search').query({ q: 'x'.repeat(MAX_QUERY_CHARS + 1) }).expect(400);
    expect(long.body.error.message).toMatch(/at most 1000/);
    await request(app).put('/api/search').send({ q: 'graphs' }).expect(405);
    await request(app).post('/api/health').send({}).expect(405);
    await request(app).post('/api/papers/x/similar').send({}).expect(405);
  });
});
