/**
 * @file Request generators for the API fuzz tests: well-formed targets of every route (with the
 * status the URL alone decides, from apiModel.ts) and raw HTTP requests with any method, target,
 * version, headers and body, as bytes for a raw socket.
 */
import fc from 'fast-check';
import { SEARCH_MODES } from '../../src/search/engine.js';
import { encodedValue, fuzzChar, fuzzText, queryString } from './arbitraries.js';
import { expectedPaperStatus, expectedSearchStatus, expectedSimilarStatus } from './apiModel.js';

const VALID_Q = ['optimal transport', 'mixture of experts routing', 'diffusion', 'a', '  bandits  ', 'Über 🙂'];
export const searchQuery = queryString({ q: VALID_Q, k: ['1', '10', '100'], mode: SEARCH_MODES });
export const kQuery = queryString({ k: ['1', '10', '100'] });
export const junkQuery = queryString({ x: ['1'] });

/** Path segments naming papers: real ids in any encoding, near misses, random text, dot and traversal segments. */
export const idSegment = (ids: string[]) =>
  fc
    .oneof(
      { arbitrary: encodedValue(fc.constantFrom(...ids)), weight: 3 },
      {
        arbitrary: encodedValue(fc.tuple(fc.constantFrom(...ids), fuzzChar, fc.nat()).map(([id, c, n]) => id.slice(0, n % (id.length + 1)) + c + id.slice(n % (id.length + 1)))),
        weight: 2,
      },
      { arbitrary: encodedValue(fuzzText), weight: 3 },
      { arbitrary: fc.constantFrom('.', '..', '%2e%2e', '%2E', '..%2f..%2fetc%2fpasswd', '%2e%2e%2f', '..%5c', '%00', '%C0%AE%C0%AE', 'similar', '%20'), weight: 1 },
    )
    .filter((s) => s !== '');

export const withQuery = (pathname: string, query: string) => (query === '' ? pathname : `${pathname}?${query}`);

/** Any well-formed API target with the status the URL alone decides, for the paper ids `ids`. */
export function structuredTarget(ids: ReadonlySet<string>): fc.Arbitrary<{ target: string; expected?: number }> {
  const seg = idSegment([...ids]);
  return fc.oneof(
    searchQuery.map((q) => ({ target: withQuery('/api/search', q), expected: expectedSearchStatus(q) })),
    fc.tuple(seg, junkQuery).map(([s, q]) => ({ target: withQuery(`/api/papers/${s}`, q), expected: expectedPaperStatus(s, ids) })),
    fc.tuple(seg, kQuery).map(([s, q]) => ({ target: withQuery(`/api/papers/${s}/similar`, q), expected: expectedSimilarStatus(s, q, ids) })),
    fc.tuple(fc.constantFrom('/api/health', '/api/health/', '/API/Health', '/api/map', '/api/MAP/'), junkQuery).map(([p, q]) => ({ target: withQuery(p, q), expected: 200 })),
  );
}

// ---- raw HTTP requests

export const BENIGN_HEADERS = ['Accept: application/json', 'Accept: text/html', 'User-Agent: fuzz', 'Accept-Encoding: gzip', 'Connection: keep-alive', 'Cookie: a=b'];
const HOSTILE_HEADERS = [
  'Host: a', 'Host:', 'X-Empty:', 'X-Space : a', ' folded: continuation', 'NoColon', 'X-Ctl: a\u0001b', 'X-Utf8: é', ': novalue',
  'Content-Length: 0', 'Content-Length: -1', 'Content-Length: abc', 'Content-Length: 1, 2', 'Content-Length: 99999999999999999999',
  'Transfer-Encoding: chunked', 'Transfer-Encoding: gzip', 'Transfer-Encoding: chunked, identity', 'Expect: 100-continue', 'Expect: nonsense',
  'Upgrade: websocket', 'Connection: Upgrade', 'Connection: close', 'Range: bytes=0-1', 'If-None-Match: *', 'Accept-Encoding: br;q=2',
  'X-Forwarded-For: 1.2.3.4', 'Content-Type: application/json', 'Content-Type: multipart/form-data; boundary=x',
];
const RAW_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'TRACE', 'CONNECT', 'PROPFIND', 'QUERY', 'get', 'Get', '', 'G ET', 'GET\t', 'GE\u0000T', 'ＧＥＴ'];
const ODD_TARGETS = [
  '*', 'http://127.0.0.1/api/health', 'HTTP://x/api/map', '//api//health', '/api/./health', '/api/../api/health', '/api/health;x=1',
  '/api/health%00', '/api/%68ealth', '/api\\health', '/api/health?', '/api/health#frag', '/api/search?q=%', '/%', '/%%', 'api/health',
  '', '/api/papers//similar', '/api/papers/%2F/similar', '/api/papers/..%2f..%2fpackage.json', '/../../../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd',
];
const VERSIONS = ['HTTP/1.1', 'HTTP/1.1', 'HTTP/1.1', 'HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0', 'HTTP/0.9', 'http/1.1', 'HTTP/11', 'HTTP/1.1 ', ''];

export interface RawCase {
  method: string;
  target: string;
  expected?: number;
  version: string;
  headers: string[];
  /** Leave out the Host header (required by HTTP/1.1). */
  noHost?: boolean;
  body: string;
}

/** A request as a raw-socket client may send it: any method, target, version, headers and body. */
export function rawCase(ids: ReadonlySet<string>): fc.Arbitrary<RawCase> {
  const target = fc.oneof(
    { arbitrary: structuredTarget(ids), weight: 4 },
    { arbitrary: fc.constantFrom(...ODD_TARGETS).map((t): { target: string; expected?: number } => ({ target: t })), weight: 2 },
    { arbitrary: fc.string({ unit: fuzzChar, maxLength: 40 }).map((s): { target: string; expected?: number } => ({ target: `/api/${s}` })), weight: 2 },
  );
  const header = fc.oneof({ arbitrary: fc.constantFrom(...BENIGN_HEADERS), weight: 2 }, { arbitrary: fc.constantFrom(...HOSTILE_HEADERS), weight: 2 }, { arbitrary: fuzzText.map((t) => `X-Fuzz: ${t}`), weight: 1 });
  const body = fc.oneof({ arbitrary: fc.constant(''), weight: 6 }, { arbitrary: fuzzText, weight: 1 }, { arbitrary: fc.constant('x'.repeat(20_000)), weight: 1 });
  return fc.record({
    method: fc.constantFrom(...RAW_METHODS),
    target,
    version: fc.constantFrom(...VERSIONS),
    headers: fc.array(header, { maxLength: 4 }),
    noHost: fc.boolean(),
    body,
  }).map(({ target: t, ...rest }) => ({ ...rest, target: t.target, expected: t.expected }));
}

/** The bytes of a request: UTF-8 for whatever was generated; Content-Length only when there is a body and none was generated. */
export function encodeRaw(c: RawCase): Buffer {
  const headers = [...(c.noHost ? [] : ['Host: 127.0.0.1']), ...c.headers];
  const chunked = c.headers.some((h) => /^transfer-encoding:.*chunked/i.test(h));
  const declared = c.headers.some((h) => /^content-length:/i.test(h));
  let body = c.body;
  if (chunked) body = body === '' ? '0\r\n\r\n' : `${Buffer.byteLength(body).toString(16)}\r\n${body}\r\n0\r\n\r\n`;
  else if (body !== '' && !declared) headers.push(`Content-Length: ${Buffer.byteLength(body)}`);
  headers.push('Connection: close');
  return Buffer.from(`${c.method} ${c.target} ${c.version}\r\n${headers.join('\r\n')}\r\n\r\n${body}`, 'utf8');
}

/** A plain GET/HEAD with benign headers, whose status the URL alone decides. */
export const isPlain = (c: RawCase) => ['GET', 'HEAD'].includes(c.method) && c.version === 'HTTP/1.1' && !c.noHost && c.body === '' && c.headers.every((h) => BENIGN_HEADERS.includes(h));
