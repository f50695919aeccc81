/**
 * @file Scale benchmarks: HNSW speed and recall at 100,000 × 384, the post-embedding
 * build (HNSW, map, topics, write) at 10,000 and 100,000 papers, and the server at
 * 100,000 papers. `node dist/bench/scale.js [hnsw] [build] [server]` runs some of them.
 * Vectors are synthetic (embedding-like unit vectors, 384 dims as MiniLM's: embedding
 * 100,000 abstracts with the MiniLM-shaped model would take hours here); papers
 * are real arXiv records when ../shared/data is present, so topic labels see real text.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { indexVectors } from '../pipeline/buildIndex.js';
import { SHARED_DATA_DIR } from '../config.js';
import { readCorpus } from '../corpus/parse.js';
import type { Paper } from '../corpus/paper.js';
import { generateNamedTestModel } from '../testmodel/generate.js';
import { createTransformerEmbedder } from '../embed/transformer.js';
import { buildHnsw, searchHnsw } from '../ann/hnsw.js';
import { createSeededRandom } from '../util/random.js';
import { formatSection, peakRssMB, type BenchSection } from './report.js';
import { memoryOf, startServer } from './serverProcess.js';

const DIMS = 384;
/** Per-dimension noise of embeddingLikeVectors, against a per-dimension signal of about 9. */
const NOISE = Number(process.env.BENCH_NOISE ?? 4);
const ARXIV = path.join(SHARED_DATA_DIR, 'arxiv-daily', 'papers.jsonl.gz');

/**
 * `count` unit vectors with the low intrinsic dimension of sentence embeddings: points of
 * a 16-dimensional mixture of topics, mapped linearly into `dims` dimensions with a
 * little isotropic noise. (Uniform noise in 384 dimensions has no near neighbours to
 * find, which no embedding of real text looks like.)
 */
export function embeddingLikeVectors(count: number, dims: number, seed: number, latentDims = 16, topics = 200): Float32Array {
  const random = createSeededRandom(seed);
  const structure = createSeededRandom(7);
  // The topic centres and the linear map are shared by every call, so queries match the corpus.
  const centres = Array.from({ length: topics }, () => Array.from({ length: latentDims }, () => 2 * structure.normal()));
  const map = Array.from({ length: latentDims * dims }, () => structure.normal());
  const out = new Float32Array(count * dims);
  const latent = new Float64Array(latentDims);
  for (let i = 0; i < count; i++) {
    const centre = centres[Math.floor(random.uniform() * topics)];
    for (let l = 0; l < latentDims; l++) latent[l] = centre[l] + random.normal();
    const row = out.subarray(i * dims, (i + 1) * dims);
    for (let d = 0; d < dims; d++) {
      let v = NOISE * random.normal();
      for (let l = 0; l < latentDims; l++) v += latent[l] * map[l * dims + d];
      row[d] = v;
    }
    const norm = Math.hypot(...row);
    for (let d = 0; d < dims; d++) row[d] /= norm;
  }
  return out;
}

function exactTop(vectors: Float32Array, query: Float32Array, k: number): number[] {
  const n = vectors.length / DIMS;
  const scores = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let dot = 0;
    for (let j = 0, off = i * DIMS; j < DIMS; j++) dot += vectors[off + j] * query[j];
    scores[i] = dot;
  }
  return Array.from(scores.keys()).sort((a, b) => scores[b] - scores[a]).slice(0, k);
}

/** HNSW at `count` × 384: build time, then queries/s (one thread) and recall@10 per efSearch. */
export function hnswBench(count = 100_000, queries = 300): BenchSection {
  const vectors = embeddingLikeVectors(count, DIMS, 1);
  const queryVectors = embeddingLikeVectors(queries, DIMS, 2);
  let start = performance.now();
  const index = buildHnsw(vectors, DIMS);
  const buildSeconds = (performance.now() - start) / 1000;
  const truth = Array.from({ length: queries }, (_, q) => new Set(exactTop(vectors, queryVectors.subarray(q * DIMS, (q + 1) * DIMS), 10)));
  const rows = [32, 64, 128, 256].map((ef) => {
    index.setEf(ef);
    let hits = 0;
    start = performance.now();
    for (let q = 0; q < queries; q++) hits += searchHnsw(index, queryVectors.subarray(q * DIMS, (q + 1) * DIMS), 10).rows.filter((r) => truth[q].has(r)).length;
    const seconds = (performance.now() - start) / 1000;
    return { efSearch: ef, 'queries/s': Math.round(queries / seconds), 'recall@10': Number((hits / (queries * 10)).toFixed(4)) };
  });
  return {
    name: `HNSW at ${count.toLocaleString('en')} × ${DIMS} (M 24, efConstruction 200; single thread)`,
    rows,
    notes: [`build ${buildSeconds.toFixed(1)} s`, `synthetic embedding-like unit vectors (16-dim latent topic mixture mapped to 384 dims + noise); recall against exact search over ${queries} held-out queries`],
  };
}

/** The first `count` arXiv papers of ../shared/data (synthetic ones past its end, or without it). */
export async function benchPapers(count: number): Promise<Paper[]> {
  const real = await fs.access(ARXIV).then(() => true, () => false);
  const papers = real ? (await readCorpus(ARXIV)).papers.slice(0, count) : [];
  for (let i = papers.length; i < count; i++) papers.push({ id: `synthetic-${i}`, title: `Synthetic paper ${i}`, abstract: `A synthetic abstract number ${i}.` });
  return papers;
}

/** Writes an index of `count` papers with synthetic MiniLM-shaped vectors into `out`; returns its timings and manifest. */
async function writeScaleIndex(count: number, out: string, model: string) {
  const papers = await benchPapers(count);
  const vectors = embeddingLikeVectors(papers.length, DIMS, 3);
  const timings: Record<string, number> = {};
  const manifest = await indexVectors({
    out,
    papers,
    embedded: { info: { kind: 'transformer', model, dims: DIMS, quantized: true }, vectors, extraFiles: {} },
    corpus: { file: 'arxiv-daily sample', format: 'arxiv', sha256: '' },
    timings,
  });
  return { timings, manifest };
}

/** One post-embedding build of `count` papers, run in this process (see `buildBench`). */
async function buildOnce(count: number): Promise<Record<string, number | string>> {
  const out = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'paperscope-bench-build-')), 'index');
  const { timings, manifest } = await writeScaleIndex(count, out, 'paperscope/minilm-shaped');
  const bytes = Object.values(manifest.files).reduce((sum, f) => sum + f.bytes, 0);
  await fs.rm(path.dirname(out), { recursive: true, force: true });
  return { papers: count, 'hnsw s': timings.hnsw, 'knn s': timings.knn, 'map s': timings.map, 'topics s': timings.topics, 'bm25 s': timings.bm25, 'write s': timings.write, 'peak RSS MB': peakRssMB(), 'disk MB': Number((bytes / 1e6).toFixed(1)) };
}

/** The words of the bench's search queries: 2 to 4 of them each, about 41,000 distinct queries. */
const QUERY_WORDS = ['graph', 'neural', 'transport', 'language', 'quantum', 'bandit', 'routing', 'experts', 'optimal', 'learning', 'proof', 'spectral', 'protein', 'robust'];
/** Distinct queries in the "repeated" scenario: all of them fit the server's query cache. */
const REPEATED_QUERIES = 200;
/** Batch size of the query-embedding floor measured beside the server, as the server's queue batches. */
const FLOOR_BATCH = 16;

function queryMaker(seed: number): () => string {
  const random = createSeededRandom(seed);
  return () => Array.from({ length: 2 + Math.floor(random.uniform() * 3) }, () => QUERY_WORDS[Math.floor(random.uniform() * QUERY_WORDS.length)]).join(' ');
}

/** Milliseconds per query to embed bench queries in batches of FLOOR_BATCH: the least CPU a search that misses the cache costs. */
async function queryEmbeddingMs(model: string, modelsDir: string): Promise<number> {
  const embedder = await createTransformerEmbedder({ model, modelsDir, offline: true, quantized: true });
  const query = queryMaker(11);
  const batch = () => Array.from({ length: FLOOR_BATCH }, query);
  await embedder.embedBatch(batch());
  const batches = 20;
  const start = performance.now();
  for (let i = 0; i < batches; i++) await embedder.embedBatch(batch());
  return (performance.now() - start) / (batches * FLOOR_BATCH);
}

interface LoadScenario {
  name: string;
  mode: 'hybrid' | 'lexical';
  query: () => string;
}

/**
 * The server on `count` papers with the MiniLM-shaped model embedding queries: time from
 * process start to ready, then autocannon on three kinds of search: varied hybrid queries
 * (the query cache rarely hits, so nearly every request embeds its query), a small set of
 * repeated hybrid queries (cache hits: everything but the embedding), and varied lexical
 * queries (BM25 only).
 */
export async function serverBench(count = 100_000, seconds = 30, connections = 32): Promise<BenchSection> {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'paperscope-bench-server-'));
  const modelsDir = path.join(work, 'models');
  const made = await generateNamedTestModel({ modelsDir, preset: 'minilm' });
  const out = path.join(work, 'index');
  const { manifest } = await writeScaleIndex(count, out, made.name);
  const floorMs = await queryEmbeddingMs(made.name, modelsDir);
  const start = performance.now();
  const { child, url } = await startServer(out, modelsDir, 'scale');
  const readySeconds = (performance.now() - start) / 1000;
  try {
    const repeated = Array.from({ length: REPEATED_QUERIES }, queryMaker(6));
    const scenarios: LoadScenario[] = [
      { name: 'hybrid, varied queries', mode: 'hybrid', query: queryMaker(5) },
      { name: `hybrid, ${REPEATED_QUERIES} repeated queries`, mode: 'hybrid', query: (() => { let i = 0; return () => repeated[i++ % repeated.length]; })() },
      { name: 'lexical, varied queries', mode: 'lexical', query: queryMaker(7) },
    ];
    for (const q of repeated) await fetch(`${url}/api/search?q=${encodeURIComponent(q)}&k=10`);
    const rows = [];
    for (const { name, mode, query } of scenarios) {
      const searchPath = () => `/api/search?q=${encodeURIComponent(query())}&k=10&mode=${mode}`;
      const result = await autocannon({ url, connections, duration: seconds, requests: [{ setupRequest: (req) => ({ ...req, path: searchPath() }) }] });
      rows.push({ search: name, 'req/s': Math.round(result.requests.average), 'p50 ms': result.latency.p50, 'p99 ms': result.latency.p99, errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx, 'RSS MB': memoryOf(child.pid!).rssMb });
    }
    return {
      name: `Server at ${manifest.papers.toLocaleString('en')} papers (MiniLM-shaped model, ${connections} connections, ${seconds} s each)`,
      rows,
      notes: [
        `start→ready ${readySeconds.toFixed(2)} s`,
        `query embedding alone: ${floorMs.toFixed(2)} ms per query in batches of ${FLOOR_BATCH} (8-bit MiniLM-shaped model, measured before the server started); ${connections} connections that all miss the cache need at least ${(connections * floorMs).toFixed(0)} ms of it per round`,
        'synthetic MiniLM-shaped vectors for real arXiv papers; every query not in the cache is embedded by the generated MiniLM-shaped model (8-bit)',
      ],
    };
  } finally {
    child.kill('SIGTERM');
    await fs.rm(work, { recursive: true, force: true });
  }
}

/** Post-embedding builds at each size, each in a fresh process so peak RSS is its own. */
export function buildBench(sizes = [10_000, 100_000]): BenchSection {
  const script = fileURLToPath(import.meta.url);
  const rows = sizes.map((size) => JSON.parse(execFileSync(process.execPath, [script, '--build-once', String(size)], { encoding: 'utf8', maxBuffer: 1 << 20 })));
  return {
    name: 'Build after embedding (HNSW, map, topics, write)',
    rows,
    notes: ['synthetic MiniLM-shaped vectors (384 dims) for real arXiv papers', 'peak RSS of the whole build process, data loading included'],
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--build-once');
  if (at > 0) process.stdout.write(JSON.stringify(await buildOnce(Number(process.argv[at + 1]))) + '\n');
  else {
    // `node dist/bench/scale.js [hnsw] [build] [server]`: the named sections, or all three.
    const sections = { hnsw: async () => hnswBench(), build: async () => buildBench(), server: () => serverBench() };
    const asked = process.argv.slice(2).filter((name): name is keyof typeof sections => name in sections);
    for (const name of asked.length > 0 ? asked : (Object.keys(sections) as Array<keyof typeof sections>)) process.stdout.write(formatSection(await sections[name]()) + '\n\n');
  }
}
