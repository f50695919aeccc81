/**
 * @file Loads a built index folder once into memory for querying (CLI and
 * server): checks the manifest and checksums, reads every artifact, and
 * prepares the query embedder the index was built with.
 */
import path from 'node:path';
import fs from 'node:fs/promises';
import { ARTIFACT_FILES, IndexError, readFloat32, readManifest, readPapers, REBUILD_HINT, verifyIndexFiles, type Manifest } from '../artifacts/index.js';
import { DEFAULT_MODELS_DIR } from '../config.js';
import type { Paper, PaperId } from '../corpus/paper.js';
import { loadLexicalEmbedder } from '../embed/lexical.js';
import { createTransformerEmbedder } from '../embed/transformer.js';
import type { Embedder } from '../embed/types.js';
import { loadHnsw, type HnswIndex } from '../index/hnsw.js';
import { topicsProblem } from '../map/topics.js';
import { loadLexicalIndex, type LexicalIndex } from './lexical.js';
import type { Topics } from '../map/topicTypes.js';

export interface LoadedIndex {
  dir: string;
  manifest: Manifest;
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
  /** Skip the sha256 check of every file (faster start); sizes are still checked. */
  skipChecksums?: boolean;
}

async function createQueryEmbedder(dir: string, manifest: Manifest, modelsDir: string): Promise<Embedder> {
  if (manifest.embedder.kind === 'lexical') {
    const json = JSON.parse(await fs.readFile(path.join(dir, ARTIFACT_FILES.lexicalModel), 'utf8'));
    const componentsFile = path.join(dir, ARTIFACT_FILES.lexicalComponents);
    const bytes = (await fs.stat(componentsFile)).size;
    const components = await readFloat32(dir, ARTIFACT_FILES.lexicalComponents, bytes / 4, 1);
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

/** Reads bm25.bin, the BM25 index the build saved. */
async function readLexicalIndex(dir: string): Promise<LexicalIndex> {
  const file = path.join(dir, ARTIFACT_FILES.bm25);
  try {
    return loadLexicalIndex(await fs.readFile(file));
  } catch (err) {
    throw new IndexError(file, `cannot be read as a BM25 index (${err instanceof Error ? err.message : String(err)}); ${REBUILD_HINT}`);
  }
}

/** Reads and checks topics.json. */
async function readTopics(dir: string, papers: number): Promise<Topics> {
  const file = path.join(dir, ARTIFACT_FILES.topics);
  let topics: unknown;
  try {
    topics = JSON.parse(await fs.readFile(file, 'utf8'));
  } catch {
    throw new IndexError(file, `not valid JSON; ${REBUILD_HINT}`);
  }
  const problem = topicsProblem(topics, papers);
  if (problem) throw new IndexError(file, `${problem}; ${REBUILD_HINT}`);
  return topics as Topics;
}

/** Loads the index in `dir`; throws IndexError naming the file when anything is missing, corrupt or mismatched. */
export async function loadIndex(dir: string, opts: LoadOptions = {}): Promise<LoadedIndex> {
  const manifest = await readManifest(dir);
  if (!opts.skipChecksums) await verifyIndexFiles(dir, manifest);
  const dims = manifest.embedder.dims;
  const papers = await readPapers(dir, manifest.papers);
  const vectors = await readFloat32(dir, ARTIFACT_FILES.vectors, papers.length, dims);
  const coords = await readFloat32(dir, ARTIFACT_FILES.map, papers.length, 2);
  const topics = await readTopics(dir, papers.length);
  const hnswFile = path.join(dir, ARTIFACT_FILES.hnsw);
  const hnsw = await loadHnsw(hnswFile, dims).catch(() => {
    throw new IndexError(hnswFile, `cannot be read as an HNSW graph; ${REBUILD_HINT}`);
  });
  if (hnsw.getCurrentCount() !== papers.length) {
    throw new IndexError(hnswFile, `holds ${hnsw.getCurrentCount()} vectors, the manifest says ${papers.length}; ${REBUILD_HINT}`);
  }
  const queryEmbedder = await createQueryEmbedder(dir, manifest, opts.modelsDir ?? DEFAULT_MODELS_DIR);
  const rowById = new Map(papers.map((p, i) => [p.id, i]));
  const lexical = await readLexicalIndex(dir);
  return { dir, manifest, papers, rowById, dims, vectors, hnsw, coords, topics, lexical, queryEmbedder };
}
