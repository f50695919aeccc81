/**
 * @file zod schemas of every API response body in docs/API.md (success bodies and the one
 * error shape), and checkResponse(), which the fuzz tests run on every response they get.
 */
import { z } from 'zod';
import { MAX_K } from '../../src/config.js';
import { SEARCH_MODES } from '../../src/search/engine.js';

const coord = z.number();
const clusterId = z.number().int().min(-1);

export const ERROR_CODES = ['bad_request', 'not_found', 'method_not_allowed', 'payload_too_large', 'not_ready', 'internal'] as const;

/** The code API.md pairs with each status (431 is the "URL or headers too long" extension). */
export const CODE_OF_STATUS: Readonly<Record<number, (typeof ERROR_CODES)[number]>> = Object.freeze({
  400: 'bad_request',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  431: 'bad_request',
  500: 'internal',
  503: 'not_ready',
});

export const ErrorBody = z.strictObject({
  // Messages may quote a bad value (shortened, JSON-escaped): bounded, but not tightly.
  error: z.strictObject({ code: z.enum(ERROR_CODES), message: z.string().min(1).max(2000) }),
});

export const HealthBody = z.object({
  status: z.literal('ok'),
  papers: z.number().int().nonnegative(),
  embedder: z.object({
    kind: z.enum(['transformer', 'lexical']),
    model: z.string().min(1),
    dims: z.number().int().positive(),
    quantized: z.boolean().optional(),
  }),
  index: z.object({ builtAt: z.iso.datetime(), corpusSha256: z.string().regex(/^[0-9a-f]{64}$/) }),
});

const Signal = z.strictObject({ rank: z.number().int().min(1), score: z.number() });
/** `why` on every result (API.md "Version 2: long queries, missing references, why"). */
export const Why = z.strictObject({
  signals: z.strictObject({ semantic: Signal.optional(), lexical: Signal.optional(), references: Signal.optional() }),
  terms: z.array(z.string().min(1)).max(5),
  sentence: z.strictObject({ text: z.string().min(1), match: z.string().min(1) }).optional(),
});

const resultFields = {
  id: z.string().min(1),
  title: z.string().min(1),
  score: z.number(),
  x: coord,
  y: coord,
  cluster: clusterId,
  coarseCluster: clusterId,
  why: Why,
};
export const SearchResult = z.strictObject({ ...resultFields, snippet: z.string() });
export const SimilarResult = z.strictObject(resultFields);

/** Best first, each paper once. */
function rankedList(results: Array<{ id: string; score: number }>, ctx: z.RefinementCtx): void {
  if (new Set(results.map((r) => r.id)).size !== results.length) ctx.addIssue({ code: 'custom', message: 'a paper appears twice in results' });
  for (let i = 1; i < results.length; i++) {
    if (results[i - 1].score < results[i].score) ctx.addIssue({ code: 'custom', message: `results not best first at ${i}` });
  }
}

export const SearchBody = z
  .strictObject({
    query: z.string().min(1),
    mode: z.enum(SEARCH_MODES),
    k: z.number().int().min(1).max(MAX_K),
    tookMs: z.number().nonnegative(),
    point: z.strictObject({ x: coord, y: coord }).nullable(),
    embedded: z.strictObject({ chars: z.number().int().nonnegative(), of: z.number().int().positive(), truncated: z.boolean() }).optional(),
    results: z.array(SearchResult),
  })
  .superRefine((body, ctx) => {
    if (body.results.length > body.k) ctx.addIssue({ code: 'custom', message: `${body.results.length} results for k = ${body.k}` });
    if ((body.point === null) !== (body.results.length === 0)) ctx.addIssue({ code: 'custom', message: 'point is null exactly when nothing matches' });
    rankedList(body.results, ctx);
  });

export const PaperBody = z.looseObject({
  id: z.string().min(1),
  title: z.string().min(1),
  abstract: z.string().min(1),
  x: coord,
  y: coord,
  cluster: clusterId,
  coarseCluster: clusterId,
  authors: z.array(z.string()).optional(),
  year: z.number().int().optional(),
  categories: z.array(z.string()).optional(),
  url: z.string().optional(),
});

export const SimilarBody = z
  .strictObject({ id: z.string().min(1), results: z.array(SimilarResult).max(MAX_K) })
  .superRefine((body, ctx) => {
    if (body.results.some((r) => r.id === body.id)) ctx.addIssue({ code: 'custom', message: 'a paper is among its own similar papers' });
    rankedList(body.results, ctx);
  });

const MapCluster = z.strictObject({
  id: z.number().int().nonnegative(),
  label: z.string(),
  size: z.number().int().positive(),
  x: coord,
  y: coord,
  level: z.union([z.literal(0), z.literal(1)]),
  parent: z.number().int().nonnegative().optional(),
});

export const MapBody = z
  .strictObject({
    count: z.number().int().nonnegative(),
    ids: z.array(z.string().min(1)),
    titles: z.array(z.string()),
    x: z.array(coord),
    y: z.array(coord),
    cluster: z.array(clusterId),
    coarseCluster: z.array(clusterId),
    clusters: z.array(MapCluster),
  })
  .superRefine((map, ctx) => {
    for (const column of ['ids', 'titles', 'x', 'y', 'cluster', 'coarseCluster'] as const) {
      if (map[column].length !== map.count) ctx.addIssue({ code: 'custom', message: `${column} has ${map[column].length} entries, count is ${map.count}` });
    }
    if (new Set(map.ids).size !== map.ids.length) ctx.addIssue({ code: 'custom', message: 'duplicate ids' });
    const ofLevel = (level: 0 | 1) => new Set(map.clusters.filter((c) => c.level === level).map((c) => c.id));
    const [coarse, fine] = [ofLevel(0), ofLevel(1)];
    if (map.cluster.some((c) => c !== -1 && !fine.has(c) && !coarse.has(c))) ctx.addIssue({ code: 'custom', message: 'a paper is in an unlisted cluster' });
    if (map.coarseCluster.some((c) => c !== -1 && !coarse.has(c))) ctx.addIssue({ code: 'custom', message: 'a paper is in an unlisted coarse cluster' });
    for (const c of map.clusters) {
      if (c.parent !== undefined && !coarse.has(c.parent)) ctx.addIssue({ code: 'custom', message: `cluster ${c.id} has an unknown parent` });
    }
  });

/** Which API route a request path is for, as Express routes it (case-insensitive, optional trailing slash). */
export type ApiRoute = 'health' | 'search' | 'paper' | 'similar' | 'map';

const ROUTES: ReadonlyArray<[RegExp, ApiRoute]> = [
  [/^\/api\/health\/?$/i, 'health'],
  [/^\/api\/search\/?$/i, 'search'],
  [/^\/api\/map\/?$/i, 'map'],
  [/^\/api\/papers\/[^/]+\/similar\/?$/i, 'similar'],
  [/^\/api\/papers\/[^/]+\/?$/i, 'paper'],
];

/** The path of a request target as Express sees it: no scheme and host (absolute form), no query, no fragment. */
export function pathOf(target: string): string {
  return target.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '').split(/[?#]/)[0];
}

export function routeOf(target: string): ApiRoute | undefined {
  const pathname = pathOf(target);
  return ROUTES.find(([pattern]) => pattern.test(pathname))?.[1];
}

const BODY_OF_ROUTE: Readonly<Record<ApiRoute, z.ZodType>> = {
  health: HealthBody,
  search: SearchBody,
  paper: PaperBody,
  similar: SimilarBody,
  map: MapBody,
};

/** What a fuzz test saw: the status, the headers (lower-case names) and the raw body text. */
export interface SeenResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** Why a response breaks the contract, or undefined when it keeps it. `target` is the request path and query. */
export function responseProblem(target: string, method: string, res: SeenResponse, allowed: ReadonlySet<number>): string | undefined {
  if (!allowed.has(res.status)) return `status ${res.status} is not one of ${[...allowed].join(', ')}`;
  if (res.status === 304) return res.text === '' ? undefined : 'a 304 with a body';
  const route = routeOf(target);
  const json = res.headers['content-type'] === 'application/json; charset=utf-8';
  if (res.status === 200 && route === undefined && pathOf(target).toLowerCase().startsWith('/api')) return 'a 200 for no API route';
  if (res.status === 200 && route === undefined) return undefined; // the static web app: checked by the caller
  if (!json) return `content-type ${String(res.headers['content-type'])} is not JSON`;
  if (method === 'HEAD') return res.text === '' ? undefined : 'HEAD answered with a body';
  let body: unknown;
  try {
    body = JSON.parse(res.text);
  } catch {
    return `body is not JSON: ${res.text.slice(0, 80)}`;
  }
  const schema = res.status === 200 ? BODY_OF_ROUTE[route!] : ErrorBody;
  const parsed = schema.safeParse(body);
  if (!parsed.success) return `body does not match the ${res.status === 200 ? route : 'error'} schema: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`;
  if (res.status !== 200 && (body as z.infer<typeof ErrorBody>).error.code !== CODE_OF_STATUS[res.status]) return `status ${res.status} with code ${(body as z.infer<typeof ErrorBody>).error.code}`;
  if (/\n\s+at |node_modules|\.[jt]s:\d+|<html/i.test(res.text)) return 'body leaks a stack trace or HTML';
  return undefined;
}
