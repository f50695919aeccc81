/**
 * @file The /api routes of API.md. Each line names its path, its schema and its
 * handler; handlers parse nothing themselves, call src/search, and send JSON.
 */
import { Router, type Request, type Response } from 'express';
import type { SearchEngine } from '../search/engine.js';
import { filterSpecOf } from './filterSchema.js';
import { facets, trends } from './sliceRoutes.js';
import { notFound, notReady, onlyGetAndHead, unknownRoute } from './errors.js';
import { sendMap } from './mapResponse.js';
import { FacetsQuery, MapQuery, PaperParams, SearchQuery, SimilarQuery, validate, validated } from './schemas.js';
import { searchBody, similarBody } from './searchResponse.js';
import { healthView, paperView } from './views.js';

/** What the app serves from: `engine` is undefined until the index has loaded. */
export interface AppState {
  engine?: SearchEngine;
}

type Handler = (engine: SearchEngine, req: Request, res: Response) => Promise<void> | void;

/** Answers 503 not_ready until the index is loaded, then runs `handler`. */
function whenReady(state: AppState, handler: Handler) {
  return async (req: Request, res: Response) => {
    if (!state.engine) throw notReady();
    await handler(state.engine, req, res);
  };
}

const health: Handler = (engine, _req, res) => {
  res.json(healthView(engine.index));
};

const search: Handler = async (engine, _req, res) => {
  const { q, k, mode, ...filters } = validated<SearchQuery>(res).query;
  res.json(await searchBody(engine, { q, k, mode }, filterSpecOf(filters)));
};

function paperRow(engine: SearchEngine, id: string): number {
  const row = engine.index.rowById.get(id);
  if (row === undefined) throw notFound(`no paper with id ${JSON.stringify(id.slice(0, 200))}`);
  return row;
}

const paper: Handler = (engine, _req, res) => {
  const { id } = validated<unknown, PaperParams>(res).params;
  res.json(paperView(engine.index, paperRow(engine, id)));
};

const similar: Handler = async (engine, _req, res) => {
  const { query, params } = validated<SimilarQuery, PaperParams>(res);
  res.json(await similarBody(engine, paperRow(engine, params.id), query.k, filterSpecOf(query)));
};

const map: Handler = async (engine, req, res) => {
  await sendMap(engine.index, validated<MapQuery>(res).query.format, req, res);
};

/** The /api router: read-only, JSON only, 404 for anything unknown. */
export function apiRouter(state: AppState): Router {
  const api = Router();
  api.use(onlyGetAndHead);
  api.get('/health', whenReady(state, health));
  api.get('/search', validate({ query: SearchQuery }), whenReady(state, search));
  api.get('/papers/:id', validate({ params: PaperParams }), whenReady(state, paper));
  api.get('/papers/:id/similar', validate({ params: PaperParams, query: SimilarQuery }), whenReady(state, similar));
  api.get('/map', validate({ query: MapQuery }), whenReady(state, map));
  api.get('/facets', validate({ query: FacetsQuery }), whenReady(state, facets));
  api.get('/topics/trends', whenReady(state, trends));
  api.use(unknownRoute);
  return api;
}
