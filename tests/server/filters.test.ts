/**
 * The filters of API.md "Version 2 additions" on every route that takes them (search in each
 * mode, similar, facets), GET /api/facets against counts from the index's own papers.jsonl,
 * GET /api/topics/trends, and the map's date and category columns.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import request from 'supertest';
import type { Express } from 'express';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Paper } from '../../src/corpus/paper.js';
import { createSearchEngine, type SearchEngine } from '../../src/search/engine.js';
import { loadIndex } from '../../src/search/loadIndex.js';
import { FacetsBody, MapBody, SearchBody, SimilarBody, TrendsBody } from '../../src/server/apiShapes.js';
import { datedIndexDir } from '../helpers/datedIndex.js';
import { demoEngine, readyApp } from './fixtures.js';

let dir: string;
let engine: SearchEngine;
let app: Express;
let papers: Paper[];
beforeAll(async () => {
  dir = await datedIndexDir();
  engine = createSearchEngine(await loadIndex(dir));
  app = readyApp(engine);
  papers = (await fs.readFile(path.join(dir, 'papers.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as Paper);
}, 120_000);

const topicOf = (id: string) => engine.index.topics.assignments[engine.index.rowById.get(id)!];
const paperOf = (id: string) => papers.find((p) => p.id === id)!;
const someTopic = () => engine.index.topics.clusters.find((c) => c.level === 1 && c.size >= 5)!.id;

/** Each filter alone and all together (`topic` stands for a topic of the index), with a check every returned paper must pass. */
const filterCases: Array<[string, Record<string, string>, (p: Paper, id: string) => boolean]> = [
  ['from', { from: '2026-01' }, (p) => inRange(p, '2026-01', '9999')],
  ['to', { to: '2025-08' }, (p) => inRange(p, '0000', '2025-08')],
  ['cat', { cat: 'cs.CL,cs.AI' }, (p) => (p.categories ?? []).some((c) => c === 'cs.CL' || c === 'cs.AI')],
  ['topic', { topic: 'topic' }, (_p, id) => topicOf(id) === someTopic()],
  ['all four', { from: '2025', to: '2026-06', cat: 'cs.CV', topic: 'topic' }, (p, id) => inRange(p, '2025-01', '2026-06') && (p.categories ?? []).includes('cs.CV') && topicOf(id) === someTopic()],
];

/** Whether a paper's date may fall in [from, to] ("YYYY-MM"): a year-only date spans its year. */
function inRange(p: Paper, from: string, to: string): boolean {
  const [first, last] = p.date ? [p.date, p.date] : p.year ? [`${p.year}-01`, `${p.year}-12`] : [];
  return first !== undefined && first <= to && last! >= from;
}

/** The filters with the stand-in topic replaced by a real one. */
const withTopic = (filters: Record<string, string>) => (filters.topic ? { ...filters, topic: String(someTopic()) } : filters);

const matchingOf = (check: (p: Paper, id: string) => boolean) => papers.filter((p) => check(p, p.id)).length;

describe.each(['hybrid', 'semantic', 'lexical'])('GET /api/search?mode=%s with filters', (mode) => {
  it.each(filterCases)('keeps only papers passing %s, echoes the filters and counts the matching papers', async (_name, filters, check) => {
    const res = await request(app).get('/api/search').query({ q: 'vision language model', mode, k: '20', ...withTopic(filters) }).expect(200);
    SearchBody.parse(res.body);
    expect(res.body.matching).toBe(matchingOf(check));
    expect(Object.keys(res.body.filters).sort()).toEqual(Object.keys(filters).sort());
    for (const r of res.body.results) expect(check(paperOf(r.id), r.id)).toBe(true);
    if (mode !== 'lexical') expect(res.body.results).toHaveLength(Math.min(20, res.body.matching));
  });
});

describe('GET /api/papers/:id/similar with filters', () => {
  it.each(filterCases)('keeps only papers passing %s, never the paper itself', async (_name, filters, check) => {
    const source = papers[20].id;
    const res = await request(app).get(`/api/papers/${source}/similar`).query({ k: '15', ...withTopic(filters) }).expect(200);
    SimilarBody.parse(res.body);
    expect(res.body.matching).toBe(matchingOf(check));
    const others = res.body.matching - (check(paperOf(source), source) ? 1 : 0);
    expect(res.body.results).toHaveLength(Math.min(15, others));
    for (const r of res.body.results) expect(r.id !== source && check(paperOf(r.id), r.id)).toBe(true);
  });
});

/** Facet counts computed straight from papers.jsonl rows (and topics.json for topics). */
function expectedFacets(rows: Paper[]) {
  const count = <K>(keys: K[]) => keys.reduce((m, key) => m.set(key, (m.get(key) ?? 0) + 1), new Map<K, number>());
  const months = count(rows.flatMap((p) => (p.date ? [p.date] : [])));
  const categories = count(rows.flatMap((p) => p.categories ?? []));
  const { assignments, coarseAssignments } = engine.index.topics;
  const topics = count(rows.flatMap((p) => [...new Set([assignments, coarseAssignments].map((a) => a[papers.indexOf(p)]))].filter((id) => id >= 0)));
  return {
    matching: rows.length,
    months: [...months].sort().map(([month, n]) => ({ month, count: n })),
    categories: [...categories].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([name, n]) => ({ name, count: n })),
    topics: [...topics].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([id, n]) => ({ id, count: n })),
  };
}

describe('GET /api/facets', () => {
  it('counts months, categories and topics over the whole corpus as papers.jsonl does', async () => {
    const res = await request(app).get('/api/facets').expect(200);
    FacetsBody.parse(res.body);
    expect(res.body).toMatchObject(expectedFacets(papers));
    expect(res.body.months.length).toBeGreaterThan(10);
  });

  it.each(filterCases)('counts over the papers passing %s', async (_name, filters, check) => {
    const res = await request(app).get('/api/facets').query(withTopic(filters)).expect(200);
    expect(res.body).toMatchObject(expectedFacets(papers.filter((p) => check(p, p.id))));
  });

  it("counts over a query's top k within the slice", async () => {
    const query = { q: 'object detection', mode: 'lexical', k: '30', cat: 'cs.CV' };
    const [facets, search] = await Promise.all([request(app).get('/api/facets').query(query).expect(200), request(app).get('/api/search').query(query).expect(200)]);
    const top = search.body.results.map((r: { id: string }) => paperOf(r.id));
    expect(facets.body).toMatchObject({ ...expectedFacets(top), matching: search.body.matching, counted: top.length });
  });
});

describe('bad filter values', () => {
  const routes = () => [['/api/search', { q: 'graphs' }], [`/api/papers/${papers[0].id}/similar`, {}], ['/api/facets', {}]] as const;
  it.each([
    [{ from: '2025-13' }, /^from must be a year/],
    [{ to: 'June' }, /^to must be a year/],
    [{ from: '2026-03', to: '2025-06' }, /^from \(2026-03\) is after to \(2025-06\)$/],
    [{ cat: ',' }, /^cat must name at least one category/],
    [{ topic: 'x' }, /^topic must be a topic id/],
    [{ topic: '99999' }, /^topic 99999 is not a topic of this index/],
    [{ from: ['2025', '2026'] }, /^from must be given once$/],
  ])('answer 400 naming the parameter on every route: %j', async (filters, message) => {
    for (const [route, query] of routes()) {
      const res = await request(app).get(route).query({ ...query, ...filters }).expect(400);
      expect(res.body.error.code).toBe('bad_request');
      expect(res.body.error.message, route).toMatch(message);
    }
  });

  it('treat an unknown category as matching nothing', async () => {
    const res = await request(app).get('/api/search').query({ q: 'graphs', cat: 'xx.YY' }).expect(200);
    expect(res.body).toMatchObject({ matching: 0, results: [], filters: { cat: ['xx.YY'] } });
  });
});

describe('GET /api/topics/trends', () => {
  it('gives every topic its papers per month over the whole dated span', async () => {
    const res = await request(app).get('/api/topics/trends').expect(200);
    TrendsBody.parse(res.body);
    const dated = papers.filter((p) => p.date).map((p) => p.date!).sort();
    expect(res.body.months[0]).toBe(dated[0]);
    expect(res.body.months.at(-1)).toBe(dated.at(-1));
    expect(res.body.topics).toHaveLength(engine.index.topics.clusters.length);
    for (const topic of res.body.topics) {
      const level = engine.index.topics.clusters.find((c) => c.id === topic.id)!.level;
      const assignments = level === 0 ? engine.index.topics.coarseAssignments : engine.index.topics.assignments;
      expect(topic.counts.reduce((a: number, b: number) => a + b, 0)).toBe(papers.filter((p, row) => p.date && assignments[row] === topic.id).length);
      expect(topic.rising).toBe(topic.growth !== null && topic.growth >= 1.5 && topic.counts.slice(-3).reduce((a: number, b: number) => a + b, 0) >= 10);
    }
  });
});

describe('GET /api/map date and category columns', () => {
  it('gives each paper its date (a year alone when that is all) and categories', async () => {
    const res = await request(app).get('/api/map').expect(200);
    MapBody.parse(res.body);
    res.body.ids.forEach((id: string, i: number) => {
      const paper = paperOf(id);
      expect(res.body.date[i]).toBe(paper.date ?? (paper.year === undefined ? null : String(paper.year)));
      expect(res.body.categories[i].map((c: number) => res.body.categoryNames[c]).sort()).toEqual([...(paper.categories ?? [])].sort());
    });
  });
});

describe('the demo corpus (no dates, no categories)', () => {
  it('has no months in its trends and facets, and null dates on its map', async () => {
    const demo = readyApp(await demoEngine('lexical'));
    expect((await request(demo).get('/api/topics/trends').expect(200)).body.months).toEqual([]);
    const facets = (await request(demo).get('/api/facets').expect(200)).body;
    expect(facets).toMatchObject({ matching: 119, months: [], categories: [] });
    const map = (await request(demo).get('/api/map').expect(200)).body;
    expect(map.date.every((d: unknown) => d === null)).toBe(true);
    expect((await request(demo).get('/api/search').query({ q: 'transport', from: '2025' }).expect(200)).body).toMatchObject({ matching: 0, results: [] });
  });
});
