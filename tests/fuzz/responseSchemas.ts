/**
 * @file responseProblem(), which the fuzz tests run on every response they get: the status
 * against the route, and the body against the API's own zod schemas (src/server/apiShapes.ts)
 * plus the k limit of config.ts.
 */
import type { z } from 'zod';
import { MAX_K } from '../../src/config.js';
import { ErrorBody, type ErrorCode, HealthBody, MapBody, PaperBody, SearchBody, SimilarBody } from '../../src/server/apiShapes.js';

/** The code API.md pairs with each status (431 is the "URL or headers too long" extension). */
export const CODE_OF_STATUS: Readonly<Record<number, ErrorCode>> = Object.freeze({
  400: 'bad_request',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  431: 'bad_request',
  500: 'internal',
  503: 'not_ready',
});

const SearchBodyUpToMaxK = SearchBody.refine((body) => body.k <= MAX_K, { message: `k is over ${MAX_K}` });
const SimilarBodyUpToMaxK = SimilarBody.refine((body) => body.results.length <= MAX_K, { message: `more than ${MAX_K} similar papers` });

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
  search: SearchBodyUpToMaxK,
  paper: PaperBody,
  similar: SimilarBodyUpToMaxK,
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
  if (res.status !== 200 && (body as ErrorBody).error.code !== CODE_OF_STATUS[res.status]) return `status ${res.status} with code ${(body as ErrorBody).error.code}`;
  if (/\n\s+at |node_modules|\.[jt]s:\d+|<html/i.test(res.text)) return 'body leaks a stack trace or HTML';
  return undefined;
}
