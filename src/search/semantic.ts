/**
 * @file Vector search over a loaded index: HNSW candidates, then an exact
 * cosine re-rank on the stored vectors. Answers "papers about <query>" and
 * "papers like this one".
 */
import type { PaperId } from '../corpus/paper.js';
import { searchHnsw } from '../ann/hnsw.js';
import type { LoadedIndex } from './loadIndex.js';
import type { RankedRow } from '../ranking/rankedRow.js';

/** HNSW candidates fetched per wanted result, so the exact re-rank can reorder near-ties. */
const CANDIDATE_FACTOR = 3;
const MIN_CANDIDATES = 50;

/** Cosine similarity of `query` (unit norm) and row `row`. */
export function cosineToRow(index: LoadedIndex, query: ArrayLike<number>, row: number): number {
  const { vectors, dims } = index;
  let dot = 0;
  for (let j = 0, off = row * dims; j < dims; j++) dot += query[j] * vectors[off + j];
  return dot;
}

/** True when the vector carries no information (e.g. a lexical query of unknown words). */
export function isZeroVector(v: ArrayLike<number>): boolean {
  for (let i = 0; i < v.length; i++) if (v[i] !== 0) return false;
  return true;
}

export interface NearestOptions {
  /** A row never returned (e.g. the paper whose neighbours are asked for). */
  exclude?: number;
  /** HNSW candidates to re-rank (at least k; default 3k, at least 50). */
  candidates?: number;
}

/** The `k` rows most similar to `query`, best first, by exact cosine. */
export function nearestRows(index: LoadedIndex, query: ArrayLike<number>, k: number, { exclude, candidates }: NearestOptions = {}): RankedRow[] {
  if (isZeroVector(query)) return [];
  const wanted = Math.max(k, candidates ?? Math.max(k * CANDIDATE_FACTOR, MIN_CANDIDATES));
  const found = searchHnsw(index.hnsw, query, wanted, exclude === undefined ? undefined : (row) => row === exclude);
  return found.rows
    .map((row) => ({ row, score: cosineToRow(index, query, row) }))
    .sort((a, b) => b.score - a.score || a.row - b.row)
    .slice(0, k);
}

/** Embeds `query` with the index's own embedder and returns the `k` nearest papers. */
export async function searchSemantic(index: LoadedIndex, query: string, k: number): Promise<RankedRow[]> {
  const [vector] = await index.queryEmbedder.embedBatch([query]);
  return nearestRows(index, vector, k);
}

/** The `k` papers most similar to paper `id` (never the paper itself), or undefined for an unknown id. */
export function similarPapers(index: LoadedIndex, id: PaperId, k: number): RankedRow[] | undefined {
  const row = index.rowById.get(id);
  if (row === undefined) return undefined;
  const vector = index.vectors.subarray(row * index.dims, (row + 1) * index.dims);
  return nearestRows(index, vector, k, { exclude: row });
}
