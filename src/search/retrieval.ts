/**
 * @file The two retrievals every search is made of, behind one interface: k nearest
 * neighbours of a query vector and BM25 over the papers' text, each under a filter. The
 * local backend answers them from the loaded index (HNSW, bm25.bin); a distributed engine
 * with filtered vector search and BM25 (OpenSearch, Qdrant, Vespa; docs/SCALE.md) could
 * answer them instead, while fusion, the map point and `why` stay in searchPapers.
 */
import type { LoadedIndex } from './loadIndex.js';
import { nearestFiltered } from './filteredNearest.js';
import type { RowFilter } from './rowFilter.js';
import type { RankedRow } from '../ranking/rankedRow.js';

export interface RetrievalBackend {
  /**
   * The `depth` rows passing `filter` with the highest cosine to unit `vector`, best first;
   * [] for a zero vector. `candidates` is how many the approximate search looks at.
   */
  nearest(vector: Float32Array, depth: number, filter: RowFilter, opts?: { candidates?: number }): Promise<RankedRow[]>;
  /** The `depth` rows passing `filter` with the highest BM25 score for `query`, best first. */
  lexical(query: string, depth: number, filter: RowFilter): Promise<RankedRow[]>;
}

/** The backend of a loaded index folder: its HNSW graph and its BM25 index, in this process. */
export function localBackend(index: LoadedIndex): RetrievalBackend {
  return {
    nearest: async (vector, depth, filter, opts = {}) => nearestFiltered(index, vector, depth, filter, opts).rows,
    lexical: async (query, depth, filter) => index.bm25.search(query, depth, filter.mask),
  };
}
