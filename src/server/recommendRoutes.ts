/**
 * @file GET /api/recommend and GET /api/export (API.md, version 2): recommendations from
 * example papers or a collection, and downloads of any set of papers, both narrowed by the filters.
 */
import { Router, type Request, type Response } from 'express';
import type { CollectionStore } from '../collections/store.js';
import { FORMAT_FILES, formatRows } from '../export/formats.js';
import { selectExportRows, type ExportSource } from '../export/selectRows.js';
import { recommendPapers, DEFAULT_RECOMMEND_METHOD } from '../recommend/recommend.js';
import type { SearchEngine } from '../search/engine.js';
import { filterEcho } from '../search/filterSpec.js';
import { rowsOfIds, UnknownPaperError } from '../search/paperIds.js';
import { collectionOrThrow, methodsAllowed } from './collectionRoutes.js';
import { badRequest, notFound, notReady } from './errors.js';
import { ExportQuery, RecommendQuery } from './collectionSchemas.js';
import type { RecommendBody } from './collectionShapes.js';
import { filterSpecOf, rowsFor } from './filterSchema.js';
import type { AppState } from './routes.js';
import { validate, validated } from './schemas.js';
import { recommendedResults } from './recommendResults.js';

type Handler = (engine: SearchEngine, req: Request, res: Response) => Promise<void> | void;

/** Runs `handler` once the index is loaded, turning unknown paper ids into 404. */
function whenReady(state: AppState, handler: Handler) {
  return async (req: Request, res: Response) => {
    if (!state.engine) throw notReady();
    try {
      await handler(state.engine, req, res);
    } catch (err) {
      if (err instanceof UnknownPaperError) throw notFound(err.message);
      throw err;
    }
  };
}

function noStore(): never {
  throw notFound('this server keeps no collections (it was started without a data folder)');
}

/** The example ids of the request: its pos/neg, or the labelled papers of its collection that the index has. */
function examplesOf(query: RecommendQuery, engine: SearchEngine, store: CollectionStore | undefined) {
  if (query.collection === undefined) return { pos: rowsOfIds(engine.index, query.pos), neg: rowsOfIds(engine.index, query.neg) };
  const collection = collectionOrThrow(store ?? noStore(), query.collection);
  const present = collection.papers.filter((p) => engine.index.rowById.has(p.id));
  if (!present.some((p) => p.label === 'pos')) throw badRequest(`collection ${JSON.stringify(collection.id)} has no positive paper in the current index`);
  const rowsLabelled = (label: string) => present.filter((p) => p.label === label).map((p) => engine.index.rowById.get(p.id)!);
  return { pos: rowsLabelled('pos'), neg: rowsLabelled('neg') };
}

function recommendHandler(store: CollectionStore | undefined): Handler {
  return (engine, _req, res) => {
    const query = validated<RecommendQuery>(res).query;
    const start = performance.now();
    const { pos, neg } = examplesOf(query, engine, store);
    if (pos.length === 0) throw badRequest('pos must name at least one paper');
    const method = query.method ?? DEFAULT_RECOMMEND_METHOD;
    const spec = filterSpecOf(query);
    const filter = rowsFor(engine.index, spec);
    const rows = recommendPapers(engine.index, { pos, neg, k: query.k, method, filter });
    const tookMs = Math.round((performance.now() - start) * 100) / 100;
    const body: RecommendBody = { method, k: query.k, tookMs, filters: filterEcho(spec), matching: filter.matching, results: recommendedResults(engine, rows, pos) };
    res.json(body);
  };
}

function exportSource(query: ExportQuery, store: CollectionStore | undefined): ExportSource {
  if (query.collection !== undefined) return { kind: 'collection', collection: collectionOrThrow(store ?? noStore(), query.collection) };
  if (query.q !== undefined) return { kind: 'search', q: query.q, mode: query.mode, k: query.k };
  if (query.ids.length > 0) return { kind: 'ids', ids: query.ids };
  return { kind: 'slice' };
}

/** `paperscope-<what>.<ext>`: what the file holds, in file-name-safe characters. */
function fileNameOf(source: ExportSource, query: ExportQuery, extension: string): string {
  const slice = query.topic !== undefined ? `topic-${query.topic}` : 'slice';
  const what = source.kind === 'collection' ? `collection-${source.collection.name}` : source.kind === 'search' ? `search-${source.q}` : source.kind === 'slice' ? slice : 'selection';
  const safe = what.toLowerCase().replace(/[^a-z0-9.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return `paperscope-${safe || 'export'}.${extension}`;
}

function exportHandler(store: CollectionStore | undefined): Handler {
  return async (engine, req, res) => {
    const query = validated<ExportQuery>(res).query;
    const source = exportSource(query, store);
    const filter = rowsFor(engine.index, filterSpecOf(query));
    const rows = await selectExportRows(engine, source, `${req.protocol}://${req.get('host') ?? 'localhost'}`, filter);
    const file = FORMAT_FILES[query.format];
    res.attachment(fileNameOf(source, query, file.extension)).type(file.type).send(formatRows(rows, query.format));
  };
}

/** GET /recommend and /export; `store` answers ?collection= (404 without one). Mount under /api. */
export function recommendRouter(state: AppState, store: CollectionStore | undefined): Router {
  const router = Router();
  router.route('/recommend').get(validate({ query: RecommendQuery }), whenReady(state, recommendHandler(store))).all(methodsAllowed('GET, HEAD'));
  router.route('/export').get(validate({ query: ExportQuery }), whenReady(state, exportHandler(store))).all(methodsAllowed('GET, HEAD'));
  return router;
}
