/**
 * @file The search facade the server and the CLI call: one engine per loaded index
 * (query cache and queue made once), and searchPapers() for all three modes.
 */
import type { LoadedIndex } from './loadIndex.js';
import { fuseScores } from './hybrid.js';
import { POINT_NEIGHBOURS, queryPoint, type MapPoint } from './point.js';
import { createQueryEmbedder, type QueryEmbedder, type QueryEmbedderOptions } from './queryCache.js';
import { localBackend, type RetrievalBackend } from './retrieval.js';
import { rowFilterOf, type RowFilter } from './rowFilter.js';
import type { RankedRow } from '../ranking/rankedRow.js';
import { FUSION_DEPTH } from '../config.js';
import type { SearchMode } from './modes.js';
import type { SignalLists } from './why.js';

export { SEARCH_MODES, type SearchMode } from './modes.js';

/** Everything a search needs, prepared once per loaded index. */
export interface SearchEngine {
  index: LoadedIndex;
  queries: QueryEmbedder;
  /** Answers the nearest-neighbour and BM25 parts of every search (src/search/retrieval.ts). */
  backend: RetrievalBackend;
}

export interface SearchRequest {
  q: string;
  k: number;
  mode: SearchMode;
  /** Only papers passing this filter are ranked (src/search/rowFilter.ts); all papers when absent. */
  filter?: RowFilter;
}

export interface SearchOutcome {
  /** Best first, at most k, each row once; score is higher-is-better within one outcome. */
  results: RankedRow[];
  /** Where the query lands on the map; null when nothing matches it. */
  point: MapPoint | null;
  /** The ranked lists of the mode's parts, as fused (for `why`'s signals). */
  lists: SignalLists;
  /** Papers passing the request's filter (all papers without one). */
  matching: number;
  tookMs: number;
}

/**
 * Prepares `index` for searching: the query embedder's cache and queue, and the backend
 * that retrieves (the index's own HNSW and BM25 unless another is given).
 * @example const engine = createSearchEngine(await loadIndex('index'))
 */
export function createSearchEngine(index: LoadedIndex, opts: QueryEmbedderOptions = {}, backend: RetrievalBackend = localBackend(index)): SearchEngine {
  return { index, queries: createQueryEmbedder(index.queryEmbedder, opts), backend };
}

/**
 * The query's `depth` nearest papers. For hybrid fusion the HNSW candidates are not
 * over-fetched: fusion needs the top 10 right and the rest only as score statistics, and
 * over-fetching 3× made HNSW most of a hybrid search's time at 100,000 papers (0.94 against
 * 0.33 ms; docs/BENCHMARKS.md).
 */
async function semanticRows(engine: SearchEngine, q: string, depth: number, mode: SearchMode, filter: RowFilter): Promise<RankedRow[]> {
  const vector = await engine.queries.embed(q);
  // The backend gives [] for a zero vector: a lexical query of words the model never saw.
  return engine.backend.nearest(vector, depth, filter, mode === 'hybrid' ? { candidates: depth } : {});
}

/** Semantic neighbours place the query when there are any; BM25 hits otherwise. */
function placeQuery(engine: SearchEngine, semantic: RankedRow[] | undefined, lexical: RankedRow[] | undefined): MapPoint | null {
  if (semantic && semantic.length > 0) return queryPoint(engine.index.coords, semantic);
  if (!lexical || lexical.length === 0) return null;
  const top = lexical[0].score;
  return queryPoint(engine.index.coords, lexical.map(({ row, score }) => ({ row, score: score / top })));
}

/**
 * Searches the papers for `q` in one of three modes: `semantic` (embedding cosine),
 * `lexical` (BM25) or `hybrid` (both, fused by weighted z-scores; see hybrid.ts).
 * @example await searchPapers(engine, { q: 'optimal transport', k: 3, mode: 'hybrid' })
 * // => { results: [{ row: 77, score: 9.81 }, …], point: { x: 1.2, y: -3.4 }, tookMs: 3.1 }
 */
export async function searchPapers(engine: SearchEngine, { q, k, mode, filter: given }: SearchRequest): Promise<SearchOutcome> {
  const start = performance.now();
  const query = q.trim();
  const filter = given ?? rowFilterOf({}, undefined, engine.index.papers.length);
  // A single mode still fetches enough rows to place the query on the map.
  const depth = mode === 'hybrid' ? Math.max(k, FUSION_DEPTH) : Math.max(k, POINT_NEIGHBOURS);
  const semantic = mode === 'lexical' ? undefined : await semanticRows(engine, query, depth, mode, filter);
  const lexical = mode === 'semantic' ? undefined : await engine.backend.lexical(query, depth, filter);
  const results = mode === 'hybrid' ? fuseScores({ semantic: semantic ?? [], lexical: lexical ?? [] }, k) : (semantic ?? lexical ?? []).slice(0, k);
  const point = placeQuery(engine, semantic, lexical);
  return { results, point, lists: { semantic, lexical }, matching: filter.matching, tookMs: performance.now() - start };
}
