/**
 * Every route of API.md on the demo corpus, with the tiny generated transformer model
 * and with the lexical (LSA) fallback embedder.
 */
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import type { SearchEngine } from '../../src/search/engine.js';
import { similarPapers } from '../../src/search/semantic.js';
import type { z } from 'zod';
import { HealthBody, MapBody, PaperBody, SearchBody, SimilarBody, type ScoredPaper as Result } from '../../src/server/apiShapes.js';
import { DEMO_EMBEDDERS, demoEngine, readyApp } from './fixtures.js';

/** The body has the shape docs/API.md gives (src/server/apiShapes.ts): no issue is reported. */
function expectShape(schema: z.ZodType, body: unknown) {
  expect(schema.safeParse(body).error?.issues).toBeUndefined();
}

function expectResults(results: Result[], k: number, withSnippet: boolean) {
  expect(results.length).toBeLessThanOrEqual(k);
  expect(new Set(results.map((r) => r.id)).size).toBe(results.length);
  for (const r of results) {
    expect(typeof r.id).toBe('string');
    expect(typeof r.title).toBe('string');
    for (const n of [r.score, r.x, r.y]) expect(Number.isFinite(n)).toBe(true);
    expect(Number.isInteger(r.cluster)).toBe(true);
    if (withSnippet) expect(typeof r.snippet).toBe('string');
  }
  for (let i = 1; i < results.length; i++) expect(results[i - 1].score).toBeGreaterThanOrEqual(results[i].score);
}

describe.each(DEMO_EMBEDDERS)('the API over the demo index (%s embedder)', (embedder) => {
  let engine: SearchEngine;
  let app: Express;
  beforeAll(async () => {
    engine = await demoEngine(embedder);
    app = readyApp(engine);
  });

  describe('GET /api/health', () => {
    it('reports the papers, the embedder and the build', async () => {
      const res = await request(app).get('/api/health').expect(200).expect('content-type', 'application/json; charset=utf-8');
      expectShape(HealthBody, res.body);
      expect(res.body).toMatchObject({ status: 'ok', papers: 119, embedder: { kind: embedder, dims: engine.index.dims } });
      expect(typeof res.body.embedder.model).toBe('string');
      expect(res.body.index.corpusSha256).toMatch(/^[0-9a-f]{64}$/);
      expect(Number.isNaN(Date.parse(res.body.index.builtAt))).toBe(false);
    });

    it('answers HEAD without a body', async () => {
      const res = await request(app).head('/api/health').expect(200);
      expect(res.text ?? '').toBe('');
    });
  });

  describe('GET /api/search', () => {
    it('defaults to hybrid mode and k = 10, and places the query on the map', async () => {
      const res = await request(app).get('/api/search').query({ q: 'optimal transport' }).expect(200);
      expectShape(SearchBody, res.body);
      expect(res.body).toMatchObject({ query: 'optimal transport', mode: 'hybrid', k: 10 });
      expect(res.body.tookMs).toBeGreaterThanOrEqual(0);
      expect(Number.isFinite(res.body.point.x) && Number.isFinite(res.body.point.y)).toBe(true);
      expectResults(res.body.results, 10, true);
      expect(res.body.results.length).toBe(10);
    });

    it.each(['hybrid', 'semantic', 'lexical'])('answers in %s mode with at most k distinct results', async (mode) => {
      for (const k of [1, 3, 100]) {
        const res = await request(app).get('/api/search').query({ q: 'mixture of experts routing', k, mode }).expect(200);
        expect(res.body).toMatchObject({ mode, k });
        expectResults(res.body.results, k, true);
        expect(res.body.results.length).toBeGreaterThan(0);
      }
    });

    it('puts optimal transport papers first for "optimal transport" (lexical and hybrid)', async () => {
      for (const mode of ['lexical', 'hybrid']) {
        const res = await request(app).get('/api/search').query({ q: 'optimal transport', mode, k: 3 }).expect(200);
        for (const r of res.body.results as Result[]) expect(`${r.title} ${r.snippet}`).toMatch(/transport/i);
      }
    });

    it('shows the abstract sentence that matches the query', async () => {
      const res = await request(app).get('/api/search').query({ q: 'Sinkhorn mirror descent', mode: 'lexical', k: 1 }).expect(200);
      expect(res.body.results[0].snippet).toMatch(/Sinkhorn/);
    });

    it('trims the query and ignores unknown parameters', async () => {
      const res = await request(app).get('/api/search?q=%20%20bandits%20&foo=bar&k=2').expect(200);
      expect(res.body.query).toBe('bandits');
      expect(res.body.results.length).toBe(2);
    });

    it.each([
      ['emoji', '🚀🤖 transformers 🎉'],
      ['emoji only', '🙂'],
      ['right-to-left text', 'شبكات عصبية למידה עמוקה'],
      ['combining marks', 'Poincare\u0301 cafe\u0301 n\u0303 o\u0308ptimal'],
      ['zero-width and control-looking characters', 'opti\u200bmal\u200e transport'],
      ['a 1000-character query', 'x'.repeat(1000)],
      ['1000 emoji (code points, not UTF-16 units)', '🙂'.repeat(1000)],
    ])('answers 200 for %s', async (_name, q) => {
      for (const mode of ['hybrid', 'semantic', 'lexical']) {
        const res = await request(app).get('/api/search').query({ q, mode }).expect(200);
        expectResults(res.body.results, 10, true);
        if (res.body.results.length === 0) expect(res.body.point).toBeNull();
      }
    });
  });

  describe('GET /api/papers/:id', () => {
    it('gives the paper with its metadata, map position and cluster', async () => {
      const paper = engine.index.papers[5];
      const res = await request(app).get(`/api/papers/${encodeURIComponent(paper.id)}`).expect(200);
      expectShape(PaperBody, res.body);
      expect(res.body).toMatchObject({ id: paper.id, title: paper.title, abstract: paper.abstract });
      expect(Number.isFinite(res.body.x) && Number.isFinite(res.body.y)).toBe(true);
      expect(Number.isInteger(res.body.cluster)).toBe(true);
    });
  });

  describe('GET /api/papers/:id/similar', () => {
    it('never lists a paper among its own neighbours, nor any paper twice', async () => {
      for (let row = 0; row < engine.index.papers.length; row++) {
        const { id } = engine.index.papers[row];
        const rows = similarPapers(engine.index, id, 100)!;
        expect(rows.some((r) => r.row === row)).toBe(false);
        expect(new Set(rows.map((r) => r.row)).size).toBe(rows.length);
      }
      for (const row of [0, 17, 60, 118]) {
        const { id } = engine.index.papers[row];
        const res = await request(app).get(`/api/papers/${encodeURIComponent(id)}/similar`).query({ k: 100 }).expect(200);
        expectShape(SimilarBody, res.body);
        expect(res.body.id).toBe(id);
        expect(res.body.results.map((r: Result) => r.id)).not.toContain(id);
        expect(res.body.results.length).toBe(100);
        expectResults(res.body.results, 100, false);
      }
    });

    it('defaults to 10 results', async () => {
      const { id } = engine.index.papers[1];
      const res = await request(app).get(`/api/papers/${encodeURIComponent(id)}/similar`).expect(200);
      expect(res.body.results.length).toBe(10);
    });
  });

  describe('GET /api/map', () => {
    it('is columnar, one entry per paper, positions matching /api/papers/:id', async () => {
      const res = await request(app).get('/api/map').expect(200).expect('content-type', 'application/json; charset=utf-8');
      expectShape(MapBody, res.body);
      const map: MapBody = res.body;
      expect(map.count).toBe(119);
      for (const column of ['ids', 'titles', 'x', 'y', 'cluster'] as const) expect(map[column]).toHaveLength(119);
      expect(new Set(map.ids).size).toBe(119);
      expect(Array.isArray(map.clusters)).toBe(true);
      for (const c of map.cluster) expect(Number.isInteger(c) && c >= -1).toBe(true);
      const known = new Set(map.clusters.map((c) => c.id));
      for (const c of map.cluster) if (c !== -1) expect(known.has(c)).toBe(true);
      const i = 42;
      const paper = await request(app).get(`/api/papers/${encodeURIComponent(map.ids[i])}`).expect(200);
      expect([paper.body.x, paper.body.y, paper.body.cluster]).toEqual([map.x[i], map.y[i], map.cluster[i]]);
    });
  });
});
