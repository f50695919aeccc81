/**
 * @file The collection routes of API.md (version 2): list, create, read, rename and delete
 * collections, and put or remove their papers. The only API routes that write; each write
 * is committed to disk (collections/database.ts) before it is answered.
 */
import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { Collection } from '../collections/shapes.js';
import type { CollectionStore } from '../collections/store.js';
import type { SearchEngine } from '../search/engine.js';
import { HttpError, notFound, notReady } from './errors.js';
import { jsonBody, validateBody } from './jsonBody.js';
import { CollectionBody, CollectionPaperParams, CollectionParams, LabelBody } from './collectionSchemas.js';
import { validate, validated } from './schemas.js';
import { collectionPaperView, collectionView } from './collectionViews.js';
import type { AppState } from './routes.js';

/** 405 naming the methods `allow` lists, for any other method on a collection path. */
export function methodsAllowed(allow: string): RequestHandler {
  return (req, _res, next) => next(new HttpError(405, 'method_not_allowed', `${req.method} is not allowed here; use ${allow}`, { Allow: allow }));
}

const noCollection = (id: string) => notFound(`no collection with id ${JSON.stringify(id.slice(0, 200))}`);

/** The collection, or a 404 naming its id. */
export function collectionOrThrow(store: CollectionStore, id: string): Collection {
  const collection = store.get(id);
  if (!collection) throw noCollection(id);
  return collection;
}

type Handler = (store: CollectionStore, engine: SearchEngine, req: Request, res: Response) => void;

function withStore(state: AppState, store: CollectionStore, handler: Handler) {
  return (req: Request, res: Response) => {
    if (!state.engine) throw notReady();
    handler(store, state.engine, req, res);
  };
}

const list: Handler = (store, _engine, _req, res) => {
  res.json({ collections: store.list() });
};

const create: Handler = (store, engine, _req, res) => {
  const { name } = res.locals.body as CollectionBody;
  const collection = store.create(name);
  res.status(201).location(`/api/collections/${collection.id}`).json(collectionView(engine.index, collection));
};

const read: Handler = (store, engine, _req, res) => {
  const { id } = validated<unknown, CollectionParams>(res).params;
  res.json(collectionView(engine.index, collectionOrThrow(store, id)));
};

const rename: Handler = (store, engine, _req, res) => {
  const { id } = validated<unknown, CollectionParams>(res).params;
  const { name } = res.locals.body as CollectionBody;
  const collection = store.rename(id, name);
  if (!collection) throw noCollection(id);
  res.json(collectionView(engine.index, collection));
};

const remove: Handler = (store, _engine, _req, res) => {
  const { id } = validated<unknown, CollectionParams>(res).params;
  if (!store.remove(id)) throw noCollection(id);
  res.status(204).end();
};

/** A paper must be in the index to be added; one already in the collection may be relabelled even if a rebuild dropped it. */
const putPaper: Handler = (store, engine, _req, res) => {
  const { id, paperId } = validated<unknown, CollectionPaperParams>(res).params;
  const { label } = res.locals.body as LabelBody;
  collectionOrThrow(store, id);
  if (!engine.index.rowById.has(paperId) && !store.hasPaper(id, paperId)) throw notFound(`no paper with id ${JSON.stringify(paperId)}`);
  const paper = store.putPaper(id, paperId, label);
  if (!paper) throw noCollection(id);
  res.json(collectionPaperView(engine.index, paper));
};

const removePaper: Handler = (store, _engine, _req, res) => {
  const { id, paperId } = validated<unknown, CollectionPaperParams>(res).params;
  collectionOrThrow(store, id);
  if (!store.removePaper(id, paperId)) throw notFound(`collection ${JSON.stringify(id)} has no paper ${JSON.stringify(paperId)}`);
  res.status(204).end();
};

/** The collection routes over `store`; mount under /api. */
export function collectionRouter(state: AppState, store: CollectionStore): Router {
  const router = Router();
  const one = validate({ params: CollectionParams });
  const paper = validate({ params: CollectionPaperParams });
  router
    .route('/collections')
    .get(withStore(state, store, list))
    .post(jsonBody, validateBody(CollectionBody), withStore(state, store, create))
    .all(methodsAllowed('GET, HEAD, POST'));
  router
    .route('/collections/:id')
    .get(one, withStore(state, store, read))
    .patch(one, jsonBody, validateBody(CollectionBody), withStore(state, store, rename))
    .delete(one, withStore(state, store, remove))
    .all(methodsAllowed('GET, HEAD, PATCH, DELETE'));
  router
    .route('/collections/:id/papers/:paperId')
    .put(paper, jsonBody, validateBody(LabelBody), withStore(state, store, putPaper))
    .delete(paper, withStore(state, store, removePaper))
    .all(methodsAllowed('PUT, DELETE'));
  return router;
}
