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

/** The stored unit vectors, row after row: what the cosine functions read. */
type VectorRows = Pick<LoadedIndex, 'vectors' | 'dims'>;

/** Cosine similarity of `query` (unit norm) and row `row`. */
export function cosineToRow({ vectors, dims }: VectorRows, query: ArrayLike<number>, row: number): number {
  let dot = 0;
  for (let j = 0, off = row * dims; j < dims; j++) dot += query[j] * vectors[off + j];
  return dot;
}

/** Rows scored together by cosineToRows: eight independent reads in flight at once. */
const ROWS_AT_ONCE = 8;

/**
 * Cosine similarity of `query` and each of `rows`, into `scores` (same length), each equal to
 * cosineToRow's. Scanning a filter's passing rows jumps through the table, so memory latency
 * (not arithmetic) bounds a row-at-a-time loop; reading eight rows in the same loop keeps eight
 * streams in flight: 7.6 ms → 2.3 ms for 9,800 rows of 256 dims (docs/BENCHMARKS.md, "Filtered search").
 */
export function cosineToRows(table: VectorRows, query: ArrayLike<number>, rows: Uint32Array, scores: Float64Array): void {
  const { vectors, dims } = table;
  let i = 0;
  for (; i + ROWS_AT_ONCE <= rows.length; i += ROWS_AT_ONCE) {
    const o0 = rows[i] * dims, o1 = rows[i + 1] * dims, o2 = rows[i + 2] * dims, o3 = rows[i + 3] * dims;
    const o4 = rows[i + 4] * dims, o5 = rows[i + 5] * dims, o6 = rows[i + 6] * dims, o7 = rows[i + 7] * dims;
    let d0 = 0, d1 = 0, d2 = 0, d3 = 0, d4 = 0, d5 = 0, d6 = 0, d7 = 0;
    for (let j = 0; j < dims; j++) {
      const q = query[j];
      d0 += q * vectors[o0 + j]; d1 += q * vectors[o1 + j]; d2 += q * vectors[o2 + j]; d3 += q * vectors[o3 + j];
      d4 += q * vectors[o4 + j]; d5 += q * vectors[o5 + j]; d6 += q * vectors[o6 + j]; d7 += q * vectors[o7 + j];
    }
    scores[i] = d0; scores[i + 1] = d1; scores[i + 2] = d2; scores[i + 3] = d3;
    scores[i + 4] = d4; scores[i + 5] = d5; scores[i + 6] = d6; scores[i + 7] = d7;
  }
  for (; i < rows.length; i++) scores[i] = cosineToRow(table, query, rows[i]);
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
