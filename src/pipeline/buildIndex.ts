/**
 * @file The offline build job: corpus → embeddings → HNSW → UMAP map → topics → index/.
 * Runs from `paperscope build` and `npm start`; everything it writes goes
 * through src/store, atomically.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { ARTIFACT_FILES, asWriteFailure, encodePapers, recoverInterruptedSwap, sha256File, writeIndexFolder, type ArtifactWriter, type Manifest } from '../store/indexFolder.js';
import { acquireBuildLock } from '../store/buildLock.js';
import { resolveOutDir } from '../store/outDir.js';
import { DEFAULT_HNSW, DEFAULT_MAP_LANDMARKS, DEFAULT_UMAP } from '../config.js';
import { paperText } from '../corpus/text.js';
import { readCorpus } from '../corpus/parse.js';
import { type CorpusFormat } from '../corpus/detect.js';
import { prepareCorpusEmbedder, type ChooseOptions } from '../embed/embedder.js';
import { silentReporter, type Reporter } from '../report/reporter.js';
import { float32Bytes } from '../util/float32.js';
import type { Paper } from '../corpus/paper.js';
import type { EmbedderInfo } from '../embed/types.js';
import { buildHnsw, knnGraph, type HnswOptions } from '../ann/hnsw.js';
import { layoutPapers, type PaperLayoutOptions } from '../map/layout.js';
import { buildBm25 } from '../bm25/bm25.js';
import { computeTopics, summarizeTopics } from '../map/topics.js';
import { embedPapers, loadEmbeddingCache } from './embedCorpus.js';
import { encodeFacets } from '../facets/facetCodec.js';
import { buildFacetIndex } from '../facets/facetIndex.js';

export interface BuildOptions extends Omit<ChooseOptions, 'onProgress'> {
  corpus: string;
  out: string;
  format?: CorpusFormat;
  skipBad?: boolean;
  hnsw?: HnswOptions;
  umap?: Omit<PaperLayoutOptions, 'onProgress'>;
  reporter?: Reporter;
}

export interface BuildReport {
  manifest: Manifest;
  embedded: number;
  reused: number;
  /** Seconds per stage. */
  timings: Record<string, number>;
}

interface Embedded {
  info: EmbedderInfo;
  vectors: Float32Array;
  embedded: number;
  reused: number;
  extraFiles: Record<string, ArtifactWriter>;
}

async function embedStage(opts: BuildOptions, papers: Paper[], reporter: Reporter): Promise<Embedded> {
  const texts = papers.map(paperText);
  const prepared = await prepareCorpusEmbedder(texts, {
    ...opts,
    onProgress: (done, total) => reporter.progress('embed', done, total),
    onFitProgress: (done, total) => reporter.progress('lexical fit', done, total),
  });
  if (prepared.fallbackWarning) reporter.warn(prepared.fallbackWarning);
  const { info } = prepared.embedder;
  if (prepared.corpusVectors) {
    reporter.info(`embedder: ${prepared.description}`);
    return { info, vectors: prepared.corpusVectors, embedded: texts.length, reused: 0, extraFiles: prepared.files };
  }
  const cache = await loadEmbeddingCache(opts.out, info);
  const result = await embedPapers(papers, prepared.embedder, cache);
  reporter.info(`embedder: ${prepared.description}; embedded ${result.embedded}, reused ${result.reused} from the cache`);
  return { info, ...result, extraFiles: prepared.files };
}

async function timed<T>(timings: Record<string, number>, stage: string, work: () => Promise<T> | T): Promise<T> {
  const start = performance.now();
  const result = await work();
  timings[stage] = Number(((performance.now() - start) / 1000).toFixed(3));
  return result;
}

/**
 * Builds a complete index of `opts.corpus` into `opts.out`. A failure at any
 * stage leaves the previous index in `opts.out` untouched. Holds the folder's build
 * lock throughout (a second build fails with BuildLockedError) and first clears what
 * a dead build left beside it. A symbolic link `opts.out` is followed.
 */
export async function buildIndex(opts: BuildOptions): Promise<BuildReport> {
  const reporter = opts.reporter ?? silentReporter;
  const out = await resolveOutDir(opts.out);
  if (out.linkTarget) reporter.info(`--out ${opts.out} is a symbolic link: building into its target ${out.linkTarget}`);
  // Held from the start, so a second build into the same folder stops at once instead of racing to the swap.
  const release = await fs
    .mkdir(path.dirname(path.resolve(out.dir)), { recursive: true })
    .then(() => acquireBuildLock(out.dir))
    .catch((err: unknown) => {
      throw asWriteFailure(out.dir, err);
    });
  try {
    await recoverInterruptedSwap(out.dir);
    return await buildLocked({ ...opts, out: out.dir }, reporter);
  } finally {
    await release();
  }
}

async function buildLocked(opts: BuildOptions, reporter: Reporter): Promise<BuildReport> {
  const timings: Record<string, number> = {};
  const corpus = await timed(timings, 'parse', () =>
    readCorpus(opts.corpus, { format: opts.format, skipBad: opts.skipBad, onWarning: (w) => reporter.warn(`${w.file} line ${w.line}: ${w.message}`) }),
  );
  const papers = corpus.papers;
  const corpusSha256 = await sha256File(opts.corpus);
  reporter.info(`corpus: ${papers.length} papers from ${opts.corpus} (${corpus.format})`);
  const embedded = await timed(timings, 'embed', () => embedStage(opts, papers, reporter));
  const manifest = await indexVectors({
    ...opts,
    papers,
    embedded,
    corpus: { file: path.basename(opts.corpus), format: corpus.format, sha256: corpusSha256 },
    timings,
  });
  return { manifest, embedded: embedded.embedded, reused: embedded.reused, timings };
}

export interface IndexVectorsInput extends Pick<BuildOptions, 'out' | 'hnsw' | 'umap' | 'reporter'> {
  papers: Paper[];
  embedded: Pick<Embedded, 'info' | 'vectors' | 'extraFiles'>;
  corpus: Manifest['corpus'];
  /** Seconds per stage, filled in as the stages run. */
  timings: Record<string, number>;
}

/**
 * The stages after embedding: HNSW, map, topics, and the atomic write of the index
 * folder. `buildIndex` calls it; benchmarks call it with vectors made elsewhere.
 */
export async function indexVectors(input: IndexVectorsInput): Promise<Manifest> {
  const { papers, embedded, timings } = input;
  const reporter = input.reporter ?? silentReporter;
  const dims = embedded.info.dims;
  const hnswOptions = { ...DEFAULT_HNSW, ...input.hnsw };
  const hnsw = await timed(timings, 'hnsw', () => buildHnsw(embedded.vectors, dims, hnswOptions, (d, t) => reporter.progress('hnsw', d, t)));
  const umapOptions = { ...DEFAULT_UMAP, maxUmapPoints: DEFAULT_MAP_LANDMARKS, ...input.umap };
  // One k-NN graph of every paper: the map lays it out, the topics are its communities.
  const knn = await timed(timings, 'knn', () => knnGraph(hnsw, embedded.vectors, dims, umapOptions.nNeighbors));
  const coords = await timed(timings, 'map', () =>
    layoutPapers(embedded.vectors, dims, knn, { ...umapOptions, onProgress: (d, t) => reporter.progress('map', d, t) }),
  );
  const topics = await timed(timings, 'topics', () => {
    reporter.progress('topics', 0, 1);
    const found = computeTopics({ coords, texts: papers.map(paperText), knn });
    reporter.progress('topics', 1, 1);
    reporter.info(summarizeTopics(found));
    return found;
  });
  const files: Record<string, ArtifactWriter> = {
    [ARTIFACT_FILES.papers]: encodePapers(papers),
    [ARTIFACT_FILES.vectors]: float32Bytes(embedded.vectors),
    [ARTIFACT_FILES.hnsw]: async (file) => void (await hnsw.writeIndex(file)),
    [ARTIFACT_FILES.map]: float32Bytes(coords),
    [ARTIFACT_FILES.topics]: JSON.stringify(topics),
    [ARTIFACT_FILES.bm25]: await timed(timings, 'bm25', () => buildBm25(papers).toBytes()),
    [ARTIFACT_FILES.facets]: await timed(timings, 'facets', () => encodeFacets(buildFacetIndex(papers))),
    ...embedded.extraFiles,
  };
  return timed(timings, 'write', () =>
    writeIndexFolder(input.out, files, {
      embedder: embedded.info,
      papers: papers.length,
      corpus: input.corpus,
      build: { hnsw: hnswOptions, umap: umapOptions },
      builtAt: new Date().toISOString(),
    }),
  );
}
