/**
 * GET /api/recommend with generated example lists: known ids, unknown ids, duplicates, a paper
 * in both lists, empty items, lists over 500, bad k. A model of API.md's rules gives the status
 * each must answer; a 200 must match the response schema and never return an example.
 * Seeded; FUZZ_RUNS=n for longer runs.
 */
import fc from 'fast-check';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import { MAX_EXAMPLE_IDS } from '../../src/config.js';
import type { SearchEngine } from '../../src/search/engine.js';
import { RecommendBody } from '../../src/server/collectionShapes.js';
import { demoEngine, readyApp } from '../server/fixtures.js';
import { fuzzParameters } from './fuzzConfig.js';

interface Lists {
  pos: string[];
  neg: string[];
  k?: string;
}

/** The status API.md promises, in the server's order: parameter rules (400), unknown ids (404), no positive (400). */
function expectedStatus({ pos, neg, k }: Lists, known: ReadonlySet<string>): 200 | 400 | 404 {
  const clean = (ids: string[]) => [...new Set(ids.map((id) => id.trim()).filter(Boolean))];
  const [p, n] = [clean(pos), clean(neg)];
  const total = p.length + n.length;
  if (p.length > MAX_EXAMPLE_IDS || n.length > MAX_EXAMPLE_IDS || total < 1 || total > MAX_EXAMPLE_IDS) return 400;
  if (p.some((id) => n.includes(id))) return 400;
  if (k !== undefined && !(/^\d{1,4}$/.test(k) && Number(k) >= 1 && Number(k) <= 100)) return 400;
  if ([...p, ...n].some((id) => !known.has(id))) return 404;
  return p.length === 0 ? 400 : 200;
}

describe('GET /api/recommend, fuzzed', () => {
  let engine: SearchEngine;
  let app: Express;
  beforeAll(async () => {
    engine = await demoEngine('lexical');
    app = readyApp(engine);
  });

  it('answers every generated request with the status its rules give, and never an example', async () => {
    const ids = engine.index.papers.map((p) => p.id);
    const known = new Set(ids);
    const id = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...ids) }, fc.constantFrom('', ' ', 'nope', '2401.00001'), fc.string({ maxLength: 12 }).filter((s) => !s.includes(',')));
    const list = fc.oneof({ weight: 8, arbitrary: fc.array(id, { maxLength: 8 }) }, fc.constant(Array.from({ length: MAX_EXAMPLE_IDS + 1 }, (_, i) => `x${i}`)));
    const k = fc.option(fc.oneof(fc.integer({ min: 1, max: 100 }).map(String), fc.constantFrom('0', '101', 'ten', '')), { nil: undefined });
    await fc.assert(
      fc.asyncProperty(fc.record({ pos: list, neg: fc.array(id, { maxLength: 4 }), k }), async (lists) => {
        const query: Record<string, string> = { pos: lists.pos.join(','), neg: lists.neg.join(',') };
        if (lists.k !== undefined) query.k = lists.k;
        const res = await request(app).get('/api/recommend').query(query);
        expect(res.status).toBe(expectedStatus(lists, known));
        if (res.status !== 200) return void expect(typeof res.body.error.message).toBe('string');
        const body = RecommendBody.parse(res.body);
        const examples = new Set([...lists.pos, ...lists.neg].map((s) => s.trim()));
        expect(body.results.some((r) => examples.has(r.id))).toBe(false);
        expect(body.results.length).toBe(Math.min(Number(lists.k ?? 10), ids.length - new Set([...examples].filter((e) => known.has(e))).size));
      }),
      fuzzParameters(150),
    );
  });
});
