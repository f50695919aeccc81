/**
 * Issue 18 item 7: control-character-only queries, malformed percent-escapes and lone
 * surrogates get the same 400 in a query string as in a path, never a 200 echo.
 */
import request from 'supertest';
import type { Express } from 'express';
import { beforeAll, describe, expect, it } from 'vitest';
import { MALFORMED_URL_MESSAGE } from '../../src/server/urlEncoding.js';
import { demoEngine, readyApp } from './fixtures.js';

let app: Express;
beforeAll(async () => {
  app = readyApp(await demoEngine('lexical'));
});

describe('q made only of control characters', () => {
  it.each(['%01%02%03', '%00', '%7F', '%C2%80%C2%9F', '%00%20%01'])('q=%s is 400 "q is empty"', async (q) => {
    const res = await request(app).get(`/api/search?q=${q}`);
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({ code: 'bad_request', message: 'q is empty' });
  });

  it('blanks control characters between words', async () => {
    const res = await request(app).get('/api/search?q=graph%00neural&mode=lexical').expect(200);
    expect(res.body.query).toBe('graph neural');
  });
});

describe('malformed percent-encoding and lone surrogates', () => {
  const bad = ['%ZZ', '%', 'abc%', '%E', '%ED%A0%80', '%ED%B0%80', '%C3', '%FF'];

  it.each(bad)('in q: %s is 400', async (escape) => {
    const res = await request(app).get(`/api/search?q=graph${escape}`);
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({ code: 'bad_request', message: MALFORMED_URL_MESSAGE });
  });

  it.each(bad)('in a path: %s gets the same 400', async (escape) => {
    const res = await request(app).get(`/api/papers/x${escape}`);
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({ code: 'bad_request', message: MALFORMED_URL_MESSAGE });
  });

  it.each(bad)('in another parameter: k=%s gets the same 400', async (escape) => {
    const res = await request(app).get(`/api/search?q=graph&k=1${escape}`);
    expect(res.body.error).toEqual({ code: 'bad_request', message: MALFORMED_URL_MESSAGE });
  });

  it('still decodes well-formed UTF-8 escapes', async () => {
    const res = await request(app).get('/api/search?q=caf%C3%A9%20%F0%9F%99%82&mode=lexical').expect(200);
    expect(res.body.query).toBe('café 🙂');
  });
});
