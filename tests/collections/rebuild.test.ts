/**
 * A rebuild never drops a user's papers: collections made over the demo index keep the ids of
 * papers the rebuilt index no longer has, marked missing, and recommendations and exports go on.
 */
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/pipeline/buildIndex.js';
import { createSearchEngine } from '../../src/search/engine.js';
import { loadIndex } from '../../src/search/loadIndex.js';
import { demoBuildOptions } from '../helpers/demoIndex.js';
import { demoSubset } from '../faults/helpers.js';
import { collectionsApp, type CollectionsApp } from '../server/collectionFixtures.js';
import { tempDir } from '../helpers/tempDir.js';

const KEPT_PAPERS = 100;

describe('a rebuild with papers removed', () => {
  let work: string;
  let before: CollectionsApp;
  let after: CollectionsApp;
  let collectionId: string;
  let removed: string[];
  let kept: string[];

  beforeAll(async () => {
    work = await tempDir('rebuild');
    const indexDir = path.join(work, 'index');
    await buildIndex(await demoBuildOptions('lexical', indexDir));
    const engine = createSearchEngine(await loadIndex(indexDir));
    before = await collectionsApp(engine, path.join(work, 'userdata'));
    const ids = engine.index.papers.map((p) => p.id);
    kept = [ids[1], ids[2], ids[50]];
    removed = [ids[KEPT_PAPERS + 3], ids[KEPT_PAPERS + 10]];
    collectionId = (await request(before.app).post('/api/collections').send({ name: 'survives rebuilds' }).expect(201)).body.id;
    for (const [i, id] of [...kept, ...removed].entries()) {
      await request(before.app).put(`/api/collections/${collectionId}/papers/${encodeURIComponent(id)}`).send({ label: i === 2 ? 'neg' : 'pos' }).expect(200);
    }
    before.store.close();

    await buildIndex({ ...(await demoBuildOptions('lexical', indexDir)), corpus: await demoSubset(path.join(work, 'fewer.txt'), KEPT_PAPERS) });
    after = await collectionsApp(createSearchEngine(await loadIndex(indexDir)), before.dataDir);
  }, 120_000);
  afterAll(() => after?.store.close());

  it('serves the smaller index', async () => {
    expect((await request(after.app).get('/api/health').expect(200)).body.papers).toBe(KEPT_PAPERS);
    for (const id of removed) await request(after.app).get(`/api/papers/${encodeURIComponent(id)}`).expect(404);
  });

  it('keeps every paper of the collection with its label, the removed ones marked missing', async () => {
    const body = (await request(after.app).get(`/api/collections/${collectionId}`).expect(200)).body;
    expect(body.papers.map((p: { id: string; label: string; missing: boolean }) => [p.id, p.label, p.missing])).toEqual([
      [kept[0], 'pos', false],
      [kept[1], 'pos', false],
      [kept[2], 'neg', false],
      [removed[0], 'pos', true],
      [removed[1], 'pos', true],
    ]);
    expect(body.missing).toBe(2);
    const listed = (await request(after.app).get('/api/collections').expect(200)).body.collections;
    expect(listed).toContainEqual(expect.objectContaining({ id: collectionId, size: 5 }));
  });

  it('recommends from the papers still there and exports all five', async () => {
    const recommended = (await request(after.app).get('/api/recommend').query({ collection: collectionId }).expect(200)).body.results;
    expect(recommended.length).toBe(10);
    const exported = (await request(after.app).get('/api/export').query({ collection: collectionId, format: 'jsonl' }).buffer(true).parse((res, done) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => done(null, text));
    })).body as string;
    expect(exported.trimEnd().split('\n').map((line) => JSON.parse(line).id)).toEqual([...kept, ...removed]);
  });
});
