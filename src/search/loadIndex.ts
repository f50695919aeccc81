/**
 * @file Loads a built index folder once into memory for querying (CLI and
 * server): checks the manifest and checksums, reads every artifact, and
 * prepares the query embedder the index was built with.
 */
import path from 'node:path';
import { ARTIFACT_FILES, float32Rows, IndexError, loadArtifact, readManifest, REBUILD_HINT, type Manifest } from '../artifacts/index.js';
import { DEFAULT_MODELS_DIR } from '../config.js';
import type { Paper, PaperId } from '../corpus/paper.js';
import { loadLexicalEmbedder } from '../embed/lexical.js';
import { createTransformerEmbedder } from '../embed/transformer.js';
import type { Embedder } from '../embed/types.js';
import { loadHnsw, type HnswIndex } from '../index/hnsw.js';
import { topicsProblem } from '../map/topics.js';
import { loadLexicalIndex, type LexicalIndex } from './lexical.js';
import { lazyPapers } from './lazyPapers.js';
import type { Topics } from '../map/topicTypes.js';

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
  lexical: LexicalIndex;
  /** Embeds queries exactly as the papers were embedded. */
  queryEmbedder: Embedder;
}

export interface LoadOptions {
  modelsDir?: string;
}

async function createQueryEmbedder(dir: string, manifest: Manifest, modelsDir: string): Promise<Embedder> {
  if (manifest.embedder.kind === 'lexical') {
    const [json, components] = await Promise.all([
      loadArtifact(dir, manifest, ARTIFACT_FILES.lexicalModel, (bytes) => JSON.parse(bytes.toString('utf8')) as unknown),
      loadArtifact(dir, manifest, ARTIFACT_FILES.lexicalComponents, (bytes, file) => float32Rows(bytes, file, bytes.length / 4, 1)),
    ]);
    return loadLexicalEmbedder(json, components);
  }
  const embedder = await createTransformerEmbedder({
    model: manifest.embedder.model,
    quantized: manifest.embedder.quantized,
    modelsDir,
    offline: true,
  });
  if (embedder.info.dims !== manifest.embedder.dims) {
    throw new IndexError(path.join(dir, ARTIFACT_FILES.manifest), `built with ${manifest.embedder.dims}-dim vectors but ${manifest.embedder.model} now gives ${embedder.info.dims}; ${REBUILD_HINT}`);
  }
  return embedder;
}

/** Reads hnsw.bin, only once its checksum matches: hnswlib allocates whatever sizes the file's header says. */
async function readHnsw(dir: string, manifest: Manifest): Promise<HnswIndex> {
  await loadArtifact(dir, manifest, ARTIFACT_FILES.hnsw, () => undefined);
  const file = path.join(dir, ARTIFACT_FILES.hnsw);
  const hnsw = await loadHnsw(file, manifest.embedder.dims).catch(() => {
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
  const [{ papers, ids }, vectors, coords, topics, lexical, hnsw, queryEmbedder] = await allInOrder([
    loadArtifact(dir, manifest, ARTIFACT_FILES.papers, (bytes, file) => lazyPapers(bytes, file, count)),
    loadArtifact(dir, manifest, ARTIFACT_FILES.vectors, (bytes, file) => float32Rows(bytes, file, count, embedder.dims)),
    loadArtifact(dir, manifest, ARTIFACT_FILES.map, (bytes, file) => float32Rows(bytes, file, count, 2)),
    loadArtifact(dir, manifest, ARTIFACT_FILES.topics, (bytes, file) => parseTopics(bytes, file, count)),
    loadArtifact(dir, manifest, ARTIFACT_FILES.bm25, (bytes) => loadLexicalIndex(bytes)),
    readHnsw(dir, manifest),
    createQueryEmbedder(dir, manifest, opts.modelsDir ?? DEFAULT_MODELS_DIR),
  ] as const);
  const rowById = new Map(ids.map((id, i) => [id, i]));
  return { dir, manifest, papers, rowById, dims: embedder.dims, vectors, hnsw, coords, topics, lexical, queryEmbedder };
}
