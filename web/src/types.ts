/**
 * @file The shapes of the paperscope HTTP API (docs/API.md) as the web app
 * reads them. Fields the server may add later are optional.
 */

export type SearchMode = 'hybrid' | 'semantic' | 'lexical';
export const SEARCH_MODES: readonly SearchMode[] = ['hybrid', 'semantic', 'lexical'];

export interface Health {
  status: string;
  papers: number;
  embedder: { kind: 'transformer' | 'lexical' | string; model?: string | null; dims?: number };
  index?: { builtAt?: string; corpusSha256?: string };
}

export interface ScoredPaper {
  id: string;
  title: string;
  score: number;
  x: number;
  y: number;
  cluster?: number;
  snippet?: string;
}

export interface SearchResponse {
  query: string;
  mode: SearchMode;
  k: number;
  tookMs?: number;
  point?: { x: number; y: number } | null;
  results: ScoredPaper[];
}

export interface Paper {
  id: string;
  title: string;
  abstract: string;
  x?: number;
  y?: number;
  cluster?: number;
  coarseCluster?: number;
  authors?: string[] | string;
  year?: number | string;
  categories?: string[] | string;
  url?: string;
}

export interface SimilarResponse {
  id: string;
  results: ScoredPaper[];
}

/** A topic: a labelled cluster of papers; level 0 is coarse, level 1 fine. */
export interface Topic {
  id: number;
  label: string;
  size: number;
  x: number;
  y: number;
  level?: number;
  parent?: number | null;
}

/** GET /api/map: one column per field, row i is paper i. */
export interface MapData {
  count: number;
  ids: string[];
  titles: string[];
  x: number[];
  y: number[];
  /** Fine cluster id per paper (-1: none). */
  cluster: number[];
  /** Coarse cluster id per paper (-1: none), when the server sends it. */
  coarseCluster?: number[];
  clusters?: Topic[];
}
