/**
 * The collection routes of API.md (version 2) over the demo index and a real SQLite database:
 * every route, its answers and its bad input (each error names the problem).
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCollectionStore } from '../../src/collections/store.js';
import { CollectionBody, CollectionPaperBody, CollectionsBody } from '../../src/server/collectionShapes.js';
import type { SearchEngine } from '../../src/search/engine.js';
import { collectionsApp, expectError, type CollectionsApp } from './collectionFixtures.js';
import { demoEngine } from './fixtures.js';

describe('the collection routes', () => {
  let engine: SearchEngine;
  let ctx: CollectionsApp;
  const idAt = (row: number) => engine.index.papers[row].id;
  const paperPath = (collection: string, row: number) => `/api/collections/${collection}/papers/${encodeURIComponent(idAt(row))}`;
  const createCollection = async (name: string) => (await request(ctx.app).post('/api/collections').send({ name }).expect(201)).body.id as string;

  beforeAll(async () => {
    engine = await demoEngine('lexical');
    ctx = await collectionsApp(engine);
  });
  afterAll(() => ctx.store.close());

  describe('POST /api/collections and GET /api/collections', () => {
    it('creates an empty collection (201, Location) that the list then shows', async () => {
      const res = await request(ctx.app).post('/api/collections').send({ name: '  reading list  ' }).expect(201);
      expect(CollectionBody.parse(res.body)).toMatchObject({ name: 'reading list', papers: [], size: 0 });
      expect(res.headers.location).toBe(`/api/collections/${res.body.id}`);
      const listed = CollectionsBody.parse((await request(ctx.app).get('/api/collections').expect(200)).body).collections;
      expect(listed).toContainEqual({ id: res.body.id, name: 'reading list', size: 0, updatedAt: res.body.updatedAt });
    });

    it('allows duplicate names and a 200-character name', async () => {
      const a = await createCollection('same');
      const b = await createCollection('same');
      expect(a).not.toBe(b);
      const long = 'é'.repeat(200);
      expect((await request(ctx.app).post('/api/collections').send({ name: long }).expect(201)).body.name).toBe(long);
    });

    it.each([
      ['a 201-character name', { name: 'x'.repeat(201) }, /name must be 1 to 200 characters/],
      ['an empty name', { name: '   ' }, /name must be 1 to 200 characters/],
      ['no name', {}, /name is required/],
      ['a name that is not text', { name: 42 }, /name must be text/],
    ])('answers 400 for %s', async (_what, body, message) => {
      expectError(await request(ctx.app).post('/api/collections').send(body), 400, 'bad_request', message);
    });

    it('refuses a body not sent as application/json, as another site\'s form would send it', async () => {
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
        const res = await request(ctx.app).post('/api/collections').set('content-type', type).send('{"name": "csrf"}');
        expectError(res, 400, 'bad_request', /Content-Type: application\/json/);
      }
      expect(ctx.store.list().some((c) => c.name === 'csrf')).toBe(false);
    });

    it('answers 400 for a body that is not JSON, or not an object', async () => {
      expectError(await request(ctx.app).post('/api/collections').set('content-type', 'application/json').send('{"name": '), 400, 'bad_request', /body must be JSON/);
      expectError(await request(ctx.app).post('/api/collections').send(['x']), 400, 'bad_request', /JSON object/);
    });

    it('answers 413 for a body over 64 KB, and takes one just under', async () => {
      const padding = 'p'.repeat(64 * 1024);
      expectError(await request(ctx.app).post('/api/collections').send({ name: 'big', padding }), 413, 'payload_too_large', /64 KB/);
      await request(ctx.app).post('/api/collections').send({ name: 'padded', padding: padding.slice(0, 60_000) }).expect(201);
    });
  });

  describe('GET, PATCH and DELETE /api/collections/:id', () => {
    it('renames, reads and deletes a collection', async () => {
      const id = await createCollection('before');
      const renamed = await request(ctx.app).patch(`/api/collections/${id}`).send({ name: 'after' }).expect(200);
      expect(renamed.body).toMatchObject({ id, name: 'after' });
      expect((await request(ctx.app).get(`/api/collections/${id}`).expect(200)).body.name).toBe('after');
      await request(ctx.app).delete(`/api/collections/${id}`).expect(204);
      expectError(await request(ctx.app).get(`/api/collections/${id}`), 404, 'not_found', new RegExp(`no collection with id "${id}"`));
    });

    it('answers 404 naming an unknown collection on every route', async () => {
      const unknown = 'no-such-collection';
      const message = /no collection with id "no-such-collection"/;
      expectError(await request(ctx.app).get(`/api/collections/${unknown}`), 404, 'not_found', message);
      expectError(await request(ctx.app).patch(`/api/collections/${unknown}`).send({ name: 'x' }), 404, 'not_found', message);
      expectError(await request(ctx.app).delete(`/api/collections/${unknown}`), 404, 'not_found', message);
      expectError(await request(ctx.app).put(paperPath(unknown, 0)).send({ label: 'pos' }), 404, 'not_found', message);
      expectError(await request(ctx.app).delete(paperPath(unknown, 0)), 404, 'not_found', message);
    });

    it('answers 400 for a 201-character new name', async () => {
      const id = await createCollection('keep');
      expectError(await request(ctx.app).patch(`/api/collections/${id}`).send({ name: 'y'.repeat(201) }), 400, 'bad_request', /name must be 1 to 200/);
      expect((await request(ctx.app).get(`/api/collections/${id}`)).body.name).toBe('keep');
    });
  });

  describe('PUT and DELETE /api/collections/:id/papers/:paperId', () => {
    it('adds papers with labels, relabels without moving them, and removes them', async () => {
      const id = await createCollection('labels');
      const first = await request(ctx.app).put(paperPath(id, 3)).send({ label: 'pos' }).expect(200);
      expect(CollectionPaperBody.parse(first.body)).toMatchObject({ id: idAt(3), label: 'pos', missing: false, title: engine.index.papers[3].title });
      await request(ctx.app).put(paperPath(id, 7)).send({ label: 'neg' }).expect(200);
      const relabelled = await request(ctx.app).put(paperPath(id, 3)).send({ label: 'neg' }).expect(200);
      expect(relabelled.body.addedAt).toBe(first.body.addedAt);
      const read = (await request(ctx.app).get(`/api/collections/${id}`).expect(200)).body;
      expect(read.papers.map((p: { id: string; label: string }) => [p.id, p.label])).toEqual([[idAt(3), 'neg'], [idAt(7), 'neg']]);
      expect(read.size).toBe(2);
      await request(ctx.app).delete(paperPath(id, 3)).expect(204);
      expect((await request(ctx.app).get(`/api/collections/${id}`)).body.papers.map((p: { id: string }) => p.id)).toEqual([idAt(7)]);
      expectError(await request(ctx.app).delete(paperPath(id, 3)), 404, 'not_found', new RegExp(`has no paper "${idAt(3)}"`));
    });

    it('answers 400 for a bad or missing label and 404 naming an unknown paper', async () => {
      const id = await createCollection('bad input');
      expectError(await request(ctx.app).put(paperPath(id, 0)).send({ label: 'maybe' }), 400, 'bad_request', /label must be "pos" or "neg"/);
      expectError(await request(ctx.app).put(paperPath(id, 0)).send({}), 400, 'bad_request', /label is required/);
      expectError(await request(ctx.app).put(`/api/collections/${id}/papers/not-a-paper`).send({ label: 'pos' }), 404, 'not_found', /no paper with id "not-a-paper"/);
      expectError(await request(ctx.app).put(`/api/collections/${id}/papers/${'z'.repeat(301)}`).send({ label: 'pos' }), 400, 'bad_request', /paperId must be at most 300/);
    });

    it('keeps a paper the index does not have, marked missing, and lets it be relabelled', async () => {
      const id = await createCollection('with a dropped paper');
      ctx.store.putPaper(id, 'dropped-by-a-rebuild', 'pos');
      await request(ctx.app).put(paperPath(id, 1)).send({ label: 'pos' }).expect(200);
      const read = CollectionBody.parse((await request(ctx.app).get(`/api/collections/${id}`).expect(200)).body);
      expect(read.missing).toBe(1);
      expect(read.papers).toContainEqual(expect.objectContaining({ id: 'dropped-by-a-rebuild', missing: true }));
      expect(read.papers.find((p) => p.id === 'dropped-by-a-rebuild')).not.toHaveProperty('title');
      await request(ctx.app).put(`/api/collections/${id}/papers/dropped-by-a-rebuild`).send({ label: 'neg' }).expect(200);
    });
  });

  describe('methods', () => {
    it('answers 405 with Allow for methods a collection route does not take, and keeps 405 elsewhere', async () => {
      const id = await createCollection('methods');
      for (const [method, url, allow] of [
        ['put', '/api/collections', 'GET, HEAD, POST'],
        ['post', `/api/collections/${id}`, 'GET, HEAD, PATCH, DELETE'],
        ['get', paperPath(id, 0), 'PUT, DELETE'],
        ['post', '/api/recommend', 'GET, HEAD'],
      ] as const) {
        const res = await request(ctx.app)[method](url);
        expectError(res, 405, 'method_not_allowed', /is not allowed here/);
        expect(res.headers.allow).toBe(allow);
      }
      expectError(await request(ctx.app).post('/api/map').send({ q: 'x' }), 405, 'method_not_allowed', /use GET/);
    });
  });

  it('keeps every collection when the database is opened again', async () => {
    const id = await createCollection('durable');
    await request(ctx.app).put(paperPath(id, 2)).send({ label: 'pos' }).expect(200);
    const again = openCollectionStore(ctx.dataDir);
    expect(again.get(id)?.papers.map((p) => p.id)).toEqual([idAt(2)]);
    again.close();
  });
});
