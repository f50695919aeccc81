/**
 * @file The HTTP client of collections, recommendations and exports (API.md, version 2):
 * the only requests of the page that write.
 */
import { ApiError, errorFrom, getJson, UNREACHABLE_MESSAGE } from '../api.js';
import type { CollectionSummary, PaperLabel as Label } from '../../../src/collections/shapes.js';
import type { CollectionBody as Collection, CollectionPaperBody as CollectionPaper, CollectionsBody, RecommendBody } from '../../../src/server/collectionShapes.js';

export type { Collection, CollectionPaper, CollectionSummary, Label };

export type ExportFormat = 'csv' | 'jsonl' | 'bibtex';
export const EXPORT_FORMATS: readonly { format: ExportFormat; label: string }[] = [
  { format: 'csv', label: 'CSV' },
  { format: 'bibtex', label: 'BibTeX' },
  { format: 'jsonl', label: 'JSONL' },
];

/** Sends a write; resolves with the JSON reply (undefined for 204), throws ApiError with the server's message. */
async function send<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { method, headers: { 'content-type': 'application/json', accept: 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(UNREACHABLE_MESSAGE, 0, 'unreachable');
  }
  if (!response.ok) throw await errorFrom(response);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

const collectionPath = (id: string) => `/api/collections/${encodeURIComponent(id)}`;
const paperPath = (id: string, paperId: string) => `${collectionPath(id)}/papers/${encodeURIComponent(paperId)}`;

export const listCollections = () => getJson<CollectionsBody>('/api/collections').then((r) => r.collections);
export const fetchCollection = (id: string) => getJson<Collection>(collectionPath(id));
export const createCollection = (name: string) => send<Collection>('POST', '/api/collections', { name });
export const putPaper = (id: string, paperId: string, label: Label) => send<CollectionPaper>('PUT', paperPath(id, paperId), { label });
export const removePaper = (id: string, paperId: string) => send<void>('DELETE', paperPath(id, paperId));

export function fetchRecommendations(collection: string, k: number): Promise<RecommendBody['results']> {
  return getJson<RecommendBody>(`/api/recommend?${new URLSearchParams({ collection, k: String(k) })}`).then((r) => r.results);
}

/** GET a file of the API as text; throws ApiError with the server's message. */
export async function getText(path: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(path);
  } catch {
    throw new ApiError(UNREACHABLE_MESSAGE, 0, 'unreachable');
  }
  if (!response.ok) throw await errorFrom(response);
  return response.text();
}

/** What can be downloaded: a collection, explicit ids (a lasso selection), a search's results or a topic. */
export type ExportSet = { collection: string } | { ids: readonly string[] } | { q: string; mode: string; k: number } | { topic: number };

/** The download URL of a set in `format`. */
export function exportUrl(format: ExportFormat, set: ExportSet): string {
  const params = new URLSearchParams({ format });
  for (const [name, value] of Object.entries(set)) params.set(name, Array.isArray(value) ? value.join(',') : String(value));
  return `/api/export?${params}`;
}
