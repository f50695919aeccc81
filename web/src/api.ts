/**
 * @file The HTTP client: one typed function per API route. Every failure
 * becomes an ApiError carrying the server's own message (API.md "Errors") or,
 * when the server cannot be reached, a message saying so.
 */
import type { Health, MapData, Paper, SearchMode, SearchResponse, SimilarResponse, TopicTrends } from './types.js';
import { filterParams, type SliceState } from './slice/sliceState.js';

/** A failed request: `status` 0 means the server could not be reached. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    /** Seconds to wait before retrying (503 `Retry-After`). */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const UNREACHABLE_MESSAGE = 'Cannot reach the paperscope server. Is it running?';

export async function errorFrom(response: Response): Promise<ApiError> {
  const retry = Number(response.headers.get('retry-after'));
  const retryAfter = Number.isFinite(retry) && retry > 0 ? retry : undefined;
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string } };
    if (body.error?.message) {
      return new ApiError(body.error.message, response.status, body.error.code ?? 'error', retryAfter);
    }
  } catch {
    // Not JSON (a proxy's error page): fall through to the status line.
  }
  return new ApiError(`The server answered ${response.status} ${response.statusText}`.trim(), response.status, 'http', retryAfter);
}

/** GET `path` (or POST `body` as JSON), accepting `accept`; throws ApiError when unreachable or not 2xx. */
async function fetchOk(path: string, accept: string, signal?: AbortSignal, body?: object): Promise<Response> {
  let response: Response;
  try {
    const init: RequestInit = body === undefined ? { headers: { accept } } : { method: 'POST', body: JSON.stringify(body), headers: { accept, 'content-type': 'application/json' } };
    response = await fetch(path, { signal, ...init });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(UNREACHABLE_MESSAGE, 0, 'unreachable');
  }
  if (!response.ok) throw await errorFrom(response);
  return response;
}

/** GET raw bytes from the API (the binary map); throws ApiError on any failure. */
export async function getBytes(path: string, signal?: AbortSignal): Promise<ArrayBuffer> {
  return (await fetchOk(path, 'application/octet-stream', signal)).arrayBuffer();
}

/** GET a JSON document from the API (or POST `body` as JSON); throws ApiError on any failure. */
export async function getJson<T>(path: string, signal?: AbortSignal, body?: object): Promise<T> {
  const response = await fetchOk(path, 'application/json', signal, body);
  try {
    return (await response.json()) as T;
  } catch {
    throw new ApiError('The server sent a reply that is not JSON.', response.status, 'bad_reply');
  }
}

export function fetchHealth(signal?: AbortSignal): Promise<Health> {
  return getJson<Health>('/api/health', signal);
}

export function fetchMap(signal?: AbortSignal): Promise<MapData> {
  return getJson<MapData>('/api/map', signal);
}

/** The longest query GET /api/search takes; longer text (a whole abstract) goes by POST. */
export const GET_QUERY_CHARS = 1000;

/** True when `q` is too long for GET and is sent by POST. */
export const isLongQuery = (q: string) => [...q].length > GET_QUERY_CHARS;

export function searchPapers(q: string, mode: SearchMode, k: number, signal?: AbortSignal, slice?: SliceState): Promise<SearchResponse> {
  const filters = slice ? filterParams(slice) : [];
  if (isLongQuery(q)) return getJson<SearchResponse>('/api/search', signal, { q, mode, k, ...Object.fromEntries(filters) });
  const params = new URLSearchParams([['q', q], ['mode', mode], ['k', String(k)], ...filters]);
  return getJson<SearchResponse>(`/api/search?${params}`, signal);
}

export function fetchPaper(id: string, signal?: AbortSignal): Promise<Paper> {
  return getJson<Paper>(`/api/papers/${encodeURIComponent(id)}`, signal);
}

export function fetchSimilar(id: string, k: number, signal?: AbortSignal, slice?: SliceState): Promise<SimilarResponse> {
  const params = new URLSearchParams([['k', String(k)], ...(slice ? filterParams(slice) : [])]);
  return getJson<SimilarResponse>(`/api/papers/${encodeURIComponent(id)}/similar?${params}`, signal);
}

export function fetchTrends(signal?: AbortSignal): Promise<TopicTrends> {
  return getJson<TopicTrends>('/api/topics/trends', signal);
}

/** True for the error a fetch throws when its AbortSignal fires. */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
