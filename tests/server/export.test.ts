/**
 * GET /api/export (API.md, version 2) over the demo index: every source (ids, search, topic,
 * collection), every format read back by a real parser, and bad input named.
 */
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { parse as parseCsv } from 'csv-parse/sync';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportRow } from '../../src/export/exportRows.js';
import { CSV_LIST_SEPARATOR } from '../../src/export/formats.js';
import type { SearchEngine } from '../../src/search/engine.js';
import { collectionsApp, expectError, type CollectionsApp } from './collectionFixtures.js';
import { demoEngine } from './fixtures.js';

/** The download's file name; Content-Disposition quotes it only when it must. */
function fileNameOf(res: request.Response): string | undefined {
  const match = /^attachment; filename="?([^"]+)"?$/.exec(res.headers['content-disposition'] ?? '');
  return match?.[1];
}

/** Each request has a server of its own (supertest), so permalinks compare without their port. */
const withoutOrigin = <T extends { permalink: string }>(r: T) => ({ ...r, permalink: new URL(r.permalink).search });

const jsonl = (text: string) => text.trimEnd().split('\n').filter(Boolean).map((line) => JSON.parse(line) as ExportRow);

describe('GET /api/export', () => {
  let engine: SearchEngine;
  let ctx: CollectionsApp;
  const ids = (...rows: number[]) => rows.map((row) => engine.index.papers[row].id);
  const download = (query: Record<string, string | number>) => request(ctx.app).get('/api/export').query(query).buffer(true).parse((res, done) => {
    let text = '';
    res.on('data', (chunk: Buffer) => (text += chunk.toString()));
    res.on('end', () => done(null, text));
  });

  beforeAll(async () => {
    engine = await demoEngine('lexical');
    ctx = await collectionsApp(engine);
  });
  afterAll(() => ctx.store.close());

  it('downloads the chosen ids as JSON Lines, in order, with metadata, topics and permalinks', async () => {
    const chosen = ids(5, 1, 9);
    const res = await download({ format: 'jsonl', ids: chosen.join(',') }).expect(200);
    expect(fileNameOf(res)).toBe('paperscope-selection.jsonl');
    expect(res.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    const rows = jsonl(res.body);
    expect(rows.map((r) => r.id)).toEqual(chosen);
    const { topics } = engine.index;
    rows.forEach((r, i) => {
      const row = engine.index.rowById.get(r.id)!;
      expect(r.title).toBe(engine.index.papers[row].title);
      expect(r.topics).toEqual([topics.coarseAssignments[row], topics.assignments[row]].filter((t) => t >= 0).map((t) => topics.clusters.find((c) => c.id === t)!.label));
      expect(new URL(r.permalink).searchParams.get('paper')).toBe(chosen[i]);
    });
  });

  it("downloads a search's results, the same papers /api/search gives, with the search in the permalink", async () => {
    const search = await request(ctx.app).get('/api/search').query({ q: 'optimal transport', mode: 'lexical', k: 7 }).expect(200);
    const res = await download({ format: 'jsonl', q: 'optimal transport', mode: 'lexical', k: 7 }).expect(200);
    expect(fileNameOf(res)).toBe('paperscope-search-optimal-transport.jsonl');
    const rows = jsonl(res.body);
    expect(rows.map((r) => r.id)).toEqual(search.body.results.map((r: { id: string }) => r.id));
    const link = new URL(rows[0].permalink);
    expect([link.searchParams.get('q'), link.searchParams.get('mode')]).toEqual(['optimal transport', 'lexical']);
  });

  it("downloads a topic's papers at either level, and any slice of the filters", async () => {
    const { topics } = engine.index;
    for (const level of [0, 1]) {
      const topic = topics.clusters.find((c) => c.level === level)!;
      const assignments = level === 0 ? topics.coarseAssignments : topics.assignments;
      const expected = engine.index.papers.filter((_, row) => assignments[row] === topic.id).map((p) => p.id);
      const rows = jsonl((await download({ format: 'jsonl', topic: topic.id }).expect(200)).body);
      expect(rows.map((r) => r.id)).toEqual(expected);
      expect(rows.every((r) => r.topics.includes(topic.label))).toBe(true);
    }
  });

  it("narrows a search's results to the filters", async () => {
    const { topics } = engine.index;
    const topic = topics.clusters.find((c) => c.level === 0)!;
    const search = await request(ctx.app).get('/api/search').query({ q: 'learning', mode: 'lexical', k: 10, topic: topic.id }).expect(200);
    const rows = jsonl((await download({ format: 'jsonl', q: 'learning', mode: 'lexical', k: 10, topic: topic.id }).expect(200)).body);
    expect(rows.map((r) => r.id)).toEqual(search.body.results.map((r: { id: string }) => r.id));
    expect(rows.every((r) => r.topics.includes(topic.label))).toBe(true);
    expect(new URL(rows[0].permalink).searchParams.get('topic')).toBe(String(topic.id));
  });

  it("downloads a collection, keeping a paper the index lacks with its id", async () => {
    const collection = ctx.store.create('To Read: week 1');
    for (const id of ids(2, 3)) ctx.store.putPaper(collection.id, id, 'pos');
    ctx.store.putPaper(collection.id, '2401.00001', 'neg');
    const res = await download({ format: 'csv', collection: collection.id }).expect(200);
    expect(fileNameOf(res)).toBe('paperscope-collection-to-read-week-1.csv');
    const records = parseCsv(res.body, { columns: true }) as Record<string, string>[];
    expect(records.map((r) => r.id)).toEqual([...ids(2, 3), '2401.00001']);
    expect(records[2]).toMatchObject({ title: '', date: '2024-01', url: 'https://arxiv.org/abs/2401.00001' });
  });

  it('gives the same rows in CSV and JSON Lines, and valid BibTeX with the same titles', async () => {
    const chosen = engine.index.papers.slice(0, 40).map((p) => p.id);
    const rows = jsonl((await download({ format: 'jsonl', ids: chosen.join(',') })).body);
    const csv = parseCsv((await download({ format: 'csv', ids: chosen.join(',') })).body, { columns: true }) as Array<Record<string, string> & { permalink: string }>;
    const neutral = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
    expect(csv.map(withoutOrigin)).toEqual(rows.map(withoutOrigin).map((r) => ({ ...r, title: neutral(r.title), authors: r.authors.join(CSV_LIST_SEPARATOR), categories: r.categories.join(CSV_LIST_SEPARATOR), topics: r.topics.join(CSV_LIST_SEPARATOR), date: r.date ?? '', url: r.url ?? '' })));
    const bib = await download({ format: 'bibtex', ids: chosen.join(',') }).expect(200);
    expect(fileNameOf(bib)).toBe('paperscope-selection.bib');
    const parsed = parseBibtex(bib.body, { sentenceCase: false });
    expect(parsed.errors).toEqual([]);
    expect(parsed.entries.map((e) => e.fields.title)).toEqual(rows.map((r) => r.title.replace(/\s+/g, ' ')));
  });

  it.each([
    ['no source and no filter', { format: 'csv' }, 400, /give one of collection, ids or q, or a filter/],
    ['two sources', { ids: 'a', q: 'x' }, 400, /at most one of collection, ids or q/],
    ['a bad filter', { q: 'x', from: '2025-13' }, 400, /from/],
    ['a bad format', { format: 'xlsx', ids: 'a' }, 400, /format must be one of csv, jsonl, bibtex/],
    ['an unknown id', { ids: 'nope-3' }, 404, /no paper with id "nope-3"/],
    ['an unknown topic', { topic: '99999' }, 400, /topic 99999 is not a topic of this index/],
    ['a topic that is not an id', { topic: 'x' }, 400, /topic/],
    ['an unknown collection', { collection: 'no-such' }, 404, /no collection with id "no-such"/],
    ['a bad k', { q: 'x', k: '101' }, 400, /k must be an integer from 1 to 100/],
  ])('answers %s with the status and a message naming the problem', async (_what, query, status, message) => {
    expectError(await request(ctx.app).get('/api/export').query(query), status, status === 404 ? 'not_found' : 'bad_request', message);
  });
});
