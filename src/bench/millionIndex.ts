/**
 * @file The 1,000,000-paper index of the million-point bench: every paper and vector of a
 * built lexical index (the real arXiv papers), plus synthetic papers up to the count. A
 * synthetic paper borrows a real paper's title, year and categories, with no abstract
 * (so the text stays short), and its vector is that paper's vector plus a little noise:
 * the map and topics keep the real field's shape, only denser. The stages after
 * embedding run through `indexVectors`, as `paperscope build` runs them.
 */
import path from 'node:path';
import { indexVectors } from '../pipeline/buildIndex.js';
import { ARTIFACT_FILES, float32Rows, loadArtifact, parsePapers, readManifest, type ArtifactWriter, type Manifest } from '../store/indexFolder.js';
import { EMBEDDER_FILES } from '../embed/types.js';
import type { Paper } from '../corpus/paper.js';
import type { HnswOptions } from '../ann/hnsw.js';
import { createSeededRandom } from '../util/random.js';
import type { Reporter } from '../report/reporter.js';

/** Per-dimension noise added to a borrowed unit vector: about 0.9 cosine to the paper it borrows from at 256 dims. */
const SYNTHETIC_NOISE = 0.03;

export interface MillionBuildOptions {
  /** A built index with the lexical embedder: its papers, vectors and embedder files are reused. */
  base: string;
  out: string;
  papers: number;
  hnsw?: HnswOptions;
  reporter?: Reporter;
}

/** The base index's papers and vectors, grown to `count` with synthetic neighbours of them. */
export function growCorpus(papers: Paper[], vectors: Float32Array, dims: number, count: number, seed = 5): { papers: Paper[]; vectors: Float32Array } {
  const random = createSeededRandom(seed);
  const grown = new Float32Array(count * dims);
  grown.set(vectors.subarray(0, Math.min(count, papers.length) * dims));
  const out = papers.slice(0, count);
  for (let i = out.length; i < count; i++) {
    const from = Math.floor(random.uniform() * papers.length);
    const { title, year, date, categories } = papers[from];
    out.push({ id: `synthetic-${i}`, title, abstract: '', ...(year !== undefined && { year }), ...(date !== undefined && { date }), ...(categories && { categories }) });
    const row = grown.subarray(i * dims, (i + 1) * dims);
    let norm = 0;
    for (let d = 0; d < dims; d++) {
      row[d] = vectors[from * dims + d] + SYNTHETIC_NOISE * random.normal();
      norm += row[d] * row[d];
    }
    norm = Math.sqrt(norm);
    for (let d = 0; d < dims; d++) row[d] /= norm;
  }
  return { papers: out, vectors: grown };
}

/** The embedder files of the base index, copied as they are so the new index embeds queries the same way. */
async function embedderFiles(base: string, manifest: Manifest): Promise<Record<string, ArtifactWriter>> {
  const names = Object.values(EMBEDDER_FILES).filter((name) => Object.hasOwn(manifest.files, name));
  const files: Record<string, ArtifactWriter> = {};
  for (const name of names) files[name] = await loadArtifact(base, manifest, name, (bytes) => new Uint8Array(bytes));
  return files;
}

/** Builds the grown index into `opts.out`; returns its manifest and the seconds per stage. */
export async function buildMillionIndex(opts: MillionBuildOptions): Promise<{ manifest: Manifest; timings: Record<string, number> }> {
  const base = await readManifest(opts.base);
  if (base.embedder.kind !== 'lexical') throw new Error(`--base ${opts.base}: built with the ${base.embedder.kind} embedder; the bench needs a lexical index`);
  const dims = base.embedder.dims;
  const timings: Record<string, number> = {};
  const started = performance.now();
  const papers = await loadArtifact(opts.base, base, ARTIFACT_FILES.papers, (bytes, file) => parsePapers(bytes, file, base.papers));
  const vectors = await loadArtifact(opts.base, base, ARTIFACT_FILES.vectors, (bytes, file) => float32Rows(new Uint8Array(bytes), file, base.papers, dims));
  const grown = growCorpus(papers, vectors, dims, opts.papers);
  timings.grow = (performance.now() - started) / 1000;
  const manifest = await indexVectors({
    out: path.resolve(opts.out),
    papers: grown.papers,
    embedded: { info: base.embedder, vectors: grown.vectors, extraFiles: await embedderFiles(opts.base, base) },
    corpus: { file: `${base.corpus.file} + synthetic`, format: base.corpus.format, sha256: '' },
    timings,
    hnsw: opts.hnsw,
    reporter: opts.reporter,
  });
  return { manifest, timings };
}
