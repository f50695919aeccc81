/**
 * @file Loads a built index folder once into memory for querying (CLI and
 * server): checks the manifest and checksums, reads every artifact, and
 * prepares the query embedder the index was built with.
 */
import path from 'node:path';
import { ARTIFACT_FILES, float32Rows, IndexError, loadArtifact, readManifest, REBUILD_HINT, type Manifest } from '../store/indexFolder.js';
import { DEFAULT_HNSW, DEFAULT_MODELS_DIR } from '../config.js';
import type { Paper, PaperId } from '../corpus/paper.js';
import { loadEmbedder, type ReadIndexFile } from '../embed/embedder.js';
import { ModelNotFoundError } from '../embed/transformer.js';
import type { Embedder } from '../embed/types.js';
import { loadHnsw, type HnswIndex } from '../ann/hnsw.js';
import { hnswFileProblemSteps } from '../ann/hnswFile.js';
import { finishInTurns } from '../util/slices.js';
import { topicsProblem } from '../map/topics.js';
import { loadBm25, type Bm25Index } from '../bm25/bm25.js';
import { lazyPapers } from './lazyPapers.js';
import type { Topics } from '../map/topicTypes.js';
import { decodeFacets } from '../facets/facetCodec.js';
import type { FacetIndex } from '../facets/facetIndex.js';

export interface LoadedIndex {
  dir: string;
  manifest: Manifest;
  /** Every paper in row order; each record is parsed when first read (src/search/lazyPapers.ts). */
  papers: Paper[];
  rowById: Map<PaperId, number>;
  dims: number;
  /** Row-major paper vectors, unit norm, `dims` wide. */
  vectors: Float32Array;
  hnsw: HnswIndex;
  /** Row-major 2D map coordinates [x0, y0, x1, y1, …]. */
  coords: Float32Array;
  /** Topic clusters of the map (topics.json). */
  topics: Topics;
  /** BM25 over titles and abstracts (bm25.bin), saved by the build so start-up never re-indexes. */
  bm25: Bm25Index;
  /** Each paper's date and categories as typed arrays (facets.bin), for filters and counts. */
  facets: FacetIndex;
  /** Embeds queries exactly as the papers were embedded. */
  queryEmbedder: Embedder;
}

export interface LoadOptions {
  modelsDir?: string;
}

/** The embedder the index was built with; a problem with it is reported against the manifest. */
async function readQueryEmbedder(dir: string, manifest: Manifest, modelsDir: string): Promise<Embedder> {
  const read: ReadIndexFile = (name, parse) => loadArtifact(dir, manifest, name, (bytes) => parse(bytes));
  return loadEmbedder(manifest.embedder, read, modelsDir).catch((err: unknown) => {
    if (err instanceof IndexError || err instanceof ModelNotFoundError) throw err;
    throw new IndexError(path.join(dir, ARTIFACT_FILES.manifest), `${err instanceof Error ? err.message : String(err)}; ${REBUILD_HINT}`);
  });
}

/** The efSearch the build chose and recorded, so a tuned index is searched as it was measured. */
function builtEfSearch(manifest: Manifest): number {
  const ef = (manifest.build.hnsw as { efSearch?: unknown } | undefined)?.efSearch;
  return typeof ef === 'number' && Number.isInteger(ef) && ef > 0 ? ef : DEFAULT_HNSW.efSearch;
}

/**
 * Reads hnsw.bin, only once its checksum matches and its every byte checks out against the
 * manifest and `vectors` (hnswFile.ts): hnswlib trusts its file, and a crafted one whose
 * checksum matches would otherwise crash the process inside native code.
 */
async function readHnsw(dir: string, manifest: Manifest, vectors: Promise<Float32Array>): Promise<HnswIndex> {
  const expected = { count: manifest.papers, dims: manifest.embedder.dims, vectors: await vectors };
  await loadArtifact(dir, manifest, ARTIFACT_FILES.hnsw, async (bytes, file) => {
    // In turns of the event loop: on a hot swap the server answers from the old index meanwhile.
    const problem = await finishInTurns(hnswFileProblemSteps(bytes, expected));
    if (problem) throw new IndexError(file, `${problem}: not a graph hnswlib can read safely; ${REBUILD_HINT}`);
  });
  const file = path.join(dir, ARTIFACT_FILES.hnsw);
  const hnsw = await loadHnsw(file, manifest.embedder.dims, builtEfSearch(manifest)).catch(() => {
    throw new IndexError(file, `cannot be read as an HNSW graph; ${REBUILD_HINT}`);
  });
  if (hnsw.getCurrentCount() !== manifest.papers) {
    throw new IndexError(file, `holds ${hnsw.getCurrentCount()} vectors, the manifest says ${manifest.papers}; ${REBUILD_HINT}`);
  }
  return hnsw;
}

/** Parses and checks topics.json. */
function parseTopics(bytes: Buffer, file: string, papers: number): Topics {
  const topics: unknown = JSON.parse(bytes.toString('utf8'));
  const problem = topicsProblem(topics, papers);
  if (problem) throw new IndexError(file, `${problem}; ${REBUILD_HINT}`);
  return topics as Topics;
}

/**
 * Like Promise.all, but waits for every promise and then throws the first failure in argument
 * order, so an index with several damaged files always names the same one.
 */
async function allInOrder<T extends readonly unknown[]>(promises: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const settled = await Promise.allSettled(promises);
  for (const outcome of settled) if (outcome.status === 'rejected') throw outcome.reason;
  return settled.map((outcome) => (outcome as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

/** Loads the index in `dir`; throws IndexError naming the file when anything is missing, corrupt or mismatched. */
export async function loadIndex(dir: string, opts: LoadOptions = {}): Promise<LoadedIndex> {
  const manifest = await readManifest(dir);
  const { papers: count, embedder } = manifest;
  // All at once: file reads and the HNSW graph load on libuv's threads while the main thread
  // hashes and parses whatever has arrived (docs/BENCHMARKS.md).
  const rows = loadArtifact(dir, manifest, ARTIFACT_FILES.vectors, (bytes, file) => float32Rows(bytes, file, count, embedder.dims));
  const [{ papers, ids }, vectors, coords, topics, bm25, facets, hnsw, queryEmbedder] = await allInOrder([
    loadArtifact(dir, manifest, ARTIFACT_FILES.papers, (bytes, file) => lazyPapers(bytes, file, count)),
    rows,
    loadArtifact(dir, manifest, ARTIFACT_FILES.map, (bytes, file) => float32Rows(bytes, file, count, 2)),
    loadArtifact(dir, manifest, ARTIFACT_FILES.topics, (bytes, file) => parseTopics(bytes, file, count)),
    loadArtifact(dir, manifest, ARTIFACT_FILES.bm25, (bytes) => loadBm25(bytes)),
    loadArtifact(dir, manifest, ARTIFACT_FILES.facets, (bytes) => decodeFacets(bytes, count)),
    readHnsw(dir, manifest, rows),
    readQueryEmbedder(dir, manifest, opts.modelsDir ?? DEFAULT_MODELS_DIR),
  ] as const);
  const rowById = new Map(ids.map((id, i) => [id, i]));
  return { dir, manifest, papers, rowById, dims: embedder.dims, vectors, hnsw, coords, topics, bm25, facets, queryEmbedder };
}
