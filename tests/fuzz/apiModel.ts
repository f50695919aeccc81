/**
 * @file The status API.md promises for a request, worked out from the raw URL alone: the
 * query decoded as Express 5 decodes it (node:querystring), path segments as the router
 * does (decodeURIComponent; failure is a 400), then the parameter rules of API.md. A URL
 * whose path or query does not percent-decode to UTF-8 is a 400 whatever its route or method.
 */
import querystring from 'node:querystring';
import { MAX_K, MAX_QUERY_CHARS } from '../../src/config.js';
import { SEARCH_MODES } from '../../src/search/engine.js';

type Query = querystring.ParsedUrlQuery;

const isKValid = (k: string) => /^\d{1,4}$/.test(k) && Number(k) >= 1 && Number(k) <= MAX_K;

/** Whether `k` breaks API.md's rule: given more than once, or not plain digits 1..MAX_K. */
function kProblem(query: Query): boolean {
  const k = query.k;
  return Array.isArray(k) || (k !== undefined && !isKValid(k));
}

/** The decoded segment, or undefined when it is not valid percent-encoded UTF-8. */
export function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** True when `target` (path and query) does not percent-decode to UTF-8: a 400 before any route or method check. */
export function isMalformedUrl(target: string): boolean {
  return decodeSegment(target) === undefined;
}

/** The status the URL alone decides, where the route's rule decides one (`expected`): 400 instead for a malformed URL. */
export function expectedStatusOf(target: string, expected: number | undefined): number | undefined {
  return expected !== undefined && isMalformedUrl(target) ? 400 : expected;
}

/** GET /api/search?<rawQuery>: 400 unless q (1..1000 code points once control characters are blanked and it is trimmed), k and mode are valid and single. */
export function expectedSearchStatus(rawQuery: string): 200 | 400 {
  if (isMalformedUrl(rawQuery)) return 400;
  const query = querystring.parse(rawQuery);
  if (['q', 'k', 'mode'].some((key) => Array.isArray(query[key]))) return 400;
  const q = (query.q as string | undefined)?.replace(/\p{Cc}/gu, ' ').trim();
  if (!q || [...q].length > MAX_QUERY_CHARS) return 400;
  if (kProblem(query)) return 400;
  const mode = query.mode as string | undefined;
  if (mode !== undefined && !(SEARCH_MODES as readonly string[]).includes(mode)) return 400;
  return 200;
}

/** GET /api/papers/<segment>: 400 when the segment does not decode, 404 for an unknown id. */
export function expectedPaperStatus(segment: string, ids: ReadonlySet<string>): 200 | 400 | 404 {
  const id = decodeSegment(segment);
  if (id === undefined) return 400;
  return ids.has(id) ? 200 : 404;
}

/** GET /api/papers/<segment>/similar?<rawQuery>: the id is decoded first, then k is checked, then the id looked up. */
export function expectedSimilarStatus(segment: string, rawQuery: string, ids: ReadonlySet<string>): 200 | 400 | 404 {
  const id = decodeSegment(segment);
  if (id === undefined || kProblem(querystring.parse(rawQuery))) return 400;
  return ids.has(id) ? 200 : 404;
}

/** The k a valid similar request asks for (DEFAULT 10 when absent). */
export function requestedK(rawQuery: string, fallback: number): number {
  const k = querystring.parse(rawQuery).k;
  return typeof k === 'string' ? Number(k) : fallback;
}
