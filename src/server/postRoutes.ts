/**
 * @file The API's write-method routes of API.md "Version 2 additions" that read a JSON body:
 * POST /api/search (a whole abstract or draft as the query) and POST /api/missing. Mounted
 * before the app's small raw-body limit, each with its own limit; any other method or path
 * falls through to the read-only router (405 or 404).
 */
import { Router, type Request, type RequestHandler, type Response } from 'express';
import { findMissing } from '../references/missing.js';
import type { SearchEngine } from '../search/engine.js';
import { jsonBody, MISSING_BODY_LIMIT, MissingBody, SEARCH_BODY_LIMIT, SearchBody } from './bodySchemas.js';
import type { MissingBody as MissingResponse } from './apiShapes.js';
import { HttpError, notReady } from './errors.js';
import { filterSpecOf } from './filterSchema.js';
import type { AppState } from './routes.js';
import { explainedResults, searchBody } from './searchResponse.js';

function engineOf(state: AppState): SearchEngine {
  if (!state.engine) throw notReady();
  return state.engine;
}

const postSearch = (state: AppState) => async (_req: Request, res: Response) => {
  const { q, k, mode, ...filters } = res.locals.body as SearchBody;
  res.json(await searchBody(engineOf(state), { q, k, mode }, filterSpecOf(filters)));
};

const postMissing = (state: AppState) => async (_req: Request, res: Response) => {
  const engine = engineOf(state);
  const outcome = await findMissing(engine, res.locals.body as MissingBody);
  res.json({
    matched: outcome.matched.map(({ row: _row, ...match }) => match),
    results: await explainedResults(engine, outcome.results, outcome.lists, outcome.source),
  } satisfies MissingResponse);
};

/** 405 naming the methods `path` takes; GET and HEAD, where allowed, go on to the read-only router. */
function otherMethods(allow: readonly string[]): RequestHandler {
  return (req, _res, next) => {
    if (allow.includes(req.method) && req.method !== 'POST') return next('router');
    next(new HttpError(405, 'method_not_allowed', `${req.method} is not allowed here; use ${allow.join(' or ')}`, { Allow: allow.join(', ') }));
  };
}

/** POST /search and POST /missing, to mount under /api ahead of the body limit for other routes. */
export function postRouter(state: AppState): Router {
  const api = Router();
  api.post('/search', ...jsonBody(SearchBody, SEARCH_BODY_LIMIT), postSearch(state));
  api.post('/missing', ...jsonBody(MissingBody, MISSING_BODY_LIMIT), postMissing(state));
  api.all('/search', otherMethods(['GET', 'HEAD', 'POST']));
  api.all('/missing', otherMethods(['POST']));
  // Leave the router before Express answers OPTIONS on its own for the routes above.
  api.use((_req, _res, next) => next('router'));
  return api;
}
