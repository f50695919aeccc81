/**
 * @file Fuzzing the JSON bodies of POST /api/search and POST /api/missing: any JSON value, and
 * objects with any mix of right and wrong fields, get 200 with a body of the route's shape or
 * 400 with the error shape naming the problem; never a 500, never a stack trace.
 */
import fc from 'fast-check';
import type { Express } from 'express';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoEngine, readyApp } from '../server/fixtures.js';
import { fuzzParameters } from './fuzzConfig.js';
import { ErrorBody, MissingBody as MissingResponse, SearchBody } from '../../src/server/apiShapes.js';

const text = fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom('optimal transport', 'hep-th/9901001v2', '10.48550/arXiv.2506.09813', '@article{x, title={Graph networks}}', '@misc{', '$\\mathcal N=4$', ''));
const field = fc.oneof(text, fc.integer({ min: -5, max: 200 }), fc.double(), fc.boolean(), fc.constant(null), fc.array(text, { maxLength: 2 }));
const searchBody = fc.oneof(fc.jsonValue(), fc.record({ q: field, k: field, mode: fc.oneof(field, fc.constantFrom('hybrid', 'lexical', 'semantic')) }, { requiredKeys: [] }));
const missingBody = fc.oneof(fc.jsonValue(), fc.record({ text: field, references: field, k: field }, { requiredKeys: [] }));

let app: Express;
beforeAll(async () => {
  app = readyApp(await demoEngine('lexical'));
});

async function post(route: string, body: unknown) {
  const res = await request(app).post(route).set('Content-Type', 'application/json').send(JSON.stringify(body) ?? 'null');
  expect([200, 400], `${route} ${JSON.stringify(body)}: ${res.text.slice(0, 200)}`).toContain(res.status);
  expect(res.text).not.toMatch(/\n\s+at |node_modules|\.[jt]s:\d+/);
  return res;
}

describe('POST bodies', () => {
  it('POST /api/search: any JSON answers 200 in the search shape or 400 in the error shape', async () => {
    await fc.assert(
      fc.asyncProperty(searchBody, async (body) => {
        const res = await post('/api/search', body);
        const schema = res.status === 200 ? SearchBody : ErrorBody;
        expect(schema.safeParse(res.body).error?.issues ?? []).toEqual([]);
      }),
      fuzzParameters(150),
    );
  });

  it('POST /api/missing: any JSON answers 200 in the missing shape or 400 in the error shape', async () => {
    await fc.assert(
      fc.asyncProperty(missingBody, async (body) => {
        const res = await post('/api/missing', body);
        const schema = res.status === 200 ? MissingResponse : ErrorBody;
        expect(schema.safeParse(res.body).error?.issues ?? []).toEqual([]);
      }),
      fuzzParameters(150),
    );
  });
});
