/**
 * GET /api/recommend (API.md, version 2) over the demo index: from ids and from a collection,
 * never an example, and every kind of bad input answered 400 or 404 naming the problem.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_EXAMPLE_IDS } from '../../src/config.js';
import type { SearchEngine } from '../../src/search/engine.js';
import { paperText } from '../../src/corpus/text.js';
import { RecommendBody } from '../../src/server/collectionShapes.js';
import { splitSentences } from '../../src/text/sentences.js';
import { analyze } from '../../src/text/tokenize.js';
import { collectionsApp, expectError, type CollectionsApp } from './collectionFixtures.js';
import { demoEngine } from './fixtures.js';

describe('GET /api/recommend', () => {
  let engine: SearchEngine;
  let ctx: CollectionsApp;
  const ids = (...rows: number[]) => rows.map((row) => engine.index.papers[row].id);

  beforeAll(async () => {
    engine = await demoEngine('lexical');
    ctx = await collectionsApp(engine);
  });
  afterAll(() => ctx.store.close());

  it('recommends k papers like pos and unlike neg, never an example', async () => {
    const pos = ids(4, 8, 15);
    const neg = ids(16, 23);
    const res = await request(ctx.app).get('/api/recommend').query({ pos: pos.join(','), neg: neg.join(','), k: 20 }).expect(200);
    expect(RecommendBody.parse(res.body)).toMatchObject({ method: 'svm', k: 20 });
    const got = res.body.results.map((r: { id: string }) => r.id);
    expect(got.length).toBe(20);
    expect(new Set(got).size).toBe(20);
    for (const example of [...pos, ...neg]) expect(got).not.toContain(example);
    for (const r of res.body.results) expect(Number.isFinite(r.x) && Number.isFinite(r.y) && typeof r.title === 'string').toBe(true);
  });

  it('recommends only papers passing the filters, echoing them with the number that match', async () => {
    const { topics } = engine.index;
    const topic = topics.clusters.find((c) => c.level === 0)!;
    const inTopic = new Set(engine.index.papers.filter((_, row) => topics.coarseAssignments[row] === topic.id).map((p) => p.id));
    const res = await request(ctx.app).get('/api/recommend').query({ pos: ids(4, 8).join(','), topic: topic.id, k: 100 }).expect(200);
    const body = RecommendBody.parse(res.body);
    expect(body).toMatchObject({ filters: { topic: topic.id }, matching: inTopic.size });
    const expected = [...inTopic].filter((id) => !ids(4, 8).includes(id)).length;
    expect(body.results.length).toBe(expected);
    expect(body.results.every((r) => inTopic.has(r.id))).toBe(true);
    expectError(await request(ctx.app).get('/api/recommend').query({ pos: ids(4).join(','), from: '2025-13' }), 400, 'bad_request', /from/);
  });

  it('explains each result against its nearest positive example: the rank, terms in both papers, a sentence of each', async () => {
    const posRows = [4, 8, 15];
    const res = await request(ctx.app).get('/api/recommend').query({ pos: ids(...posRows).join(','), neg: ids(16).join(','), k: 10 }).expect(200);
    const body = RecommendBody.parse(res.body);
    const { index } = engine;
    const vector = (row: number) => index.vectors.subarray(row * index.dims, (row + 1) * index.dims);
    const cosine = (a: number, b: number) => vector(a).reduce((sum, x, j) => sum + x * vector(b)[j], 0);
    let withTerms = 0;
    body.results.forEach((result, i) => {
      const row = index.rowById.get(result.id)!;
      const nearest = posRows.reduce((best, p) => (cosine(row, p) > cosine(row, best) ? p : best));
      expect(result.why.example).toBe(index.papers[nearest].id);
      expect(result.why.signals).toEqual({ semantic: { rank: i + 1, score: result.score } });
      const [paperTerms, exampleTerms] = [analyze(paperText(index.papers[row])), analyze(paperText(index.papers[nearest]))];
      for (const term of result.why.terms) {
        for (const stem of analyze(term)) expect(paperTerms.includes(stem) && exampleTerms.includes(stem), `${term} in ${result.id} and ${result.why.example}`).toBe(true);
      }
      if (result.why.terms.length > 0) withTerms++;
      if (result.why.sentence) {
        expect(splitSentences(index.papers[row].abstract)).toContain(result.why.sentence.text);
        expect(splitSentences(index.papers[nearest].abstract)).toContain(result.why.sentence.match);
      }
    });
    expect(withTerms).toBeGreaterThan(body.results.length / 2);
  });

  it('defaults to 10 results and takes method=rocchio', async () => {
    const res = await request(ctx.app).get('/api/recommend').query({ pos: ids(1).join(','), method: 'rocchio' }).expect(200);
    expect(res.body.method).toBe('rocchio');
    expect(res.body.results.length).toBe(10);
  });

  it('gives for ?collection= what the same ids give, leaving out papers the index lacks', async () => {
    const collection = ctx.store.create('seeds');
    for (const id of ids(30, 31, 32)) ctx.store.putPaper(collection.id, id, 'pos');
    ctx.store.putPaper(collection.id, ids(33)[0], 'neg');
    ctx.store.putPaper(collection.id, 'gone-after-a-rebuild', 'pos');
    const fromCollection = await request(ctx.app).get('/api/recommend').query({ collection: collection.id }).expect(200);
    const fromIds = await request(ctx.app).get('/api/recommend').query({ pos: ids(30, 31, 32).join(','), neg: ids(33).join(',') }).expect(200);
    expect(fromCollection.body.results).toEqual(fromIds.body.results);
  });

  it.each([
    ['no ids', {}, 400, /pos and neg must name 1 to 500 papers in all \(got 0\)/],
    ['501 ids', 'many', 400, /names 501 papers; at most 500/],
    ['an unknown positive id', { pos: 'nope-1' }, 404, /no paper with id "nope-1"/],
    ['an unknown negative id', 'unknown-neg', 404, /no paper with id "nope-2"/],
    ['only negatives', 'only-neg', 400, /pos must name at least one paper/],
    ['a paper in both pos and neg', 'both', 400, /is in both pos and neg/],
    ['a bad k', { pos: 'x', k: '0' }, 400, /k must be an integer from 1 to 100/],
    ['a bad method', { pos: 'x', method: 'magic' }, 400, /method must be one of svm, rocchio/],
    ['both a collection and ids', { pos: 'x', collection: 'c' }, 400, /either collection or pos\/neg/],
    ['an unknown collection', { collection: 'no-such' }, 404, /no collection with id "no-such"/],
    ['a repeated parameter', 'repeated', 400, /pos must be given once/],
  ])('answers %s with the status and a message naming the problem', async (_what, query, status, message) => {
    const queries: Record<string, string | Record<string, string>> = {
      many: `pos=${Array.from({ length: MAX_EXAMPLE_IDS + 1 }, (_, i) => `id${i}`).join(',')}`,
      'unknown-neg': `pos=${ids(0)[0]}&neg=nope-2`,
      'only-neg': `neg=${ids(0)[0]}`,
      both: `pos=${ids(0)[0]}&neg=${ids(0)[0]}`,
      repeated: `pos=${ids(0)[0]}&pos=${ids(1)[0]}`,
    };
    const q = typeof query === 'string' ? queries[query] : query;
    const res = await request(ctx.app).get('/api/recommend').query(q);
    expectError(res, status, status === 404 ? 'not_found' : 'bad_request', message);
  });

  it('answers 400 for a collection with no positive paper in the index', async () => {
    const collection = ctx.store.create('negatives only');
    ctx.store.putPaper(collection.id, ids(3)[0], 'neg');
    ctx.store.putPaper(collection.id, 'gone', 'pos');
    expectError(await request(ctx.app).get('/api/recommend').query({ collection: collection.id }), 400, 'bad_request', /has no positive paper in the current index/);
  });

  it('takes up to 500 ids: 100 known ones, and 500 unknown ones get a 404 for the first, not a 400', async () => {
    const all = engine.index.papers.map((p) => p.id);
    const res = await request(ctx.app).get('/api/recommend').query({ pos: all.slice(0, 100).join(','), k: 19 }).expect(200);
    expect(res.body.results.length).toBe(19);
    const unknown = Array.from({ length: MAX_EXAMPLE_IDS }, (_, i) => `id${i}`);
    expectError(await request(ctx.app).get('/api/recommend').query({ pos: unknown.join(',') }), 404, 'not_found', /no paper with id "id0"/);
  });
});
