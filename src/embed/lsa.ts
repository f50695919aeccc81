/**
 * @file The lexical embedder, paperscope's no-model fallback: LSA, i.e. TF-IDF over analyzed
 * words (and two-word phrases in small corpora) reduced by a truncated SVD fitted on the corpus.
 * The build fits it (and gets the paper vectors from the fit); the server reloads it from
 * lexical.json + lexical.f32 to embed queries.
 */
import { DEFAULT_LSA_DIMS } from '../config.js';
import { ANALYZER_VERSION } from '../text/tokenize.js';
import type { Embedder, EmbedderInfo } from './types.js';
import { countCorpus, countTerms, textTerms, type CountedCorpus } from '../text/terms.js';
import type { CsrMatrix } from '../util/csrMatrix.js';
import { randomizedSvd, type TruncatedSvd } from './svd.js';

export interface LsaFitOptions {
  /** Wanted dimensions; the model gets max(1, min(dims, papers − 1)). */
  dims?: number;
  /** Seed of the SVD's random test matrix: same corpus + seed ⇒ same vectors. */
  seed?: number;
  /** Drop words found in fewer papers (default: 2 from 1,000 papers on, else 1). */
  minDf?: number;
  /** Also index two-word phrases (see textTerms); default: below 1,000 papers. */
  bigrams?: boolean;
  /** Progress in "rows passed over": analysis, each SVD pass and the projection each count `papers`. */
  onProgress?: (done: number, total: number) => void;
}

/** What lexical.json holds; lexical.f32 holds `components`. */
export interface LsaModelJson {
  format: typeof MODEL_FORMAT;
  version: number;
  analyzer: number;
  dims: number;
  bigrams: boolean;
  papers: number;
  /** Top singular values of the TF-IDF matrix, for inspection only. */
  singularValues: number[];
  vocab: string[];
}

/** Defaults, each measured with `node dist/bench/lsa.js` (title → paper rank, same-category neighbours). */
export const LEXICAL_DEFAULTS = Object.freeze({
  seed: 42,
  /**
   * Below this many papers, two-word phrases are terms too: a phrase can name a topic its words
   * don't ("optimal" is in 82 of the 119 demo papers as "optim", "optimal transport" in 8), and the
   * demo's 7 optimal-transport papers go from 4 to 7 in one topic. From 1,000 papers on they cost
   * more than they bring (10k abstracts: 7× the vocabulary, 2.6× the fit time, title MRR 0.909 vs
   * 0.906, same-category 0.631 vs 0.629; docs/BENCHMARKS.md).
   */
  bigramsBelowPapers: 1000,
  /** A pair found in one paper links it to no other and its words find it already: it would only dilute that paper's vector. */
  pairMinDf: 2,
  /** From this many papers on, minDf is 2: words seen once go (3× smaller model, same quality at 98k). */
  minDfFromPapers: 1000,
  oversample: 10,
  /**
   * 1 beat 2 on both measures at 98k papers (title MRR 0.779 vs 0.752, same-category 0.596 vs
   * 0.590); 4 and 8 did worse still at 10k. A sharper SVD keeps fewer tail directions.
   */
  powerIterations: 1,
});

const MODEL_FORMAT = 'paperscope-lexical' as const;
const MODEL_VERSION = 1;

/** A fitted LSA model: vocabulary → term vector rows, `vocab.length × dims` row-major. */
interface LsaModel {
  vocab: string[];
  dims: number;
  bigrams: boolean;
  papers: number;
  singularValues: number[];
  /**
   * Row j = idf_j · (right singular vector row j). The idf and the projection fold into one
   * matrix because a text's vector is normalized after projection, which cancels the TF-IDF
   * row norm: embed(text) = normalize(Σ_j (1 + ln tf_j) · components_j).
   */
  components: Float32Array;
}

/**
 * Embeds texts with a fitted LSA model: unit vectors, or all zeros when no word is known.
 * Made by fitLsaEmbedder or loadLsaEmbedder.
 */
export class LsaEmbedder implements Embedder {
  readonly info: EmbedderInfo;
  private readonly index: ReadonlyMap<string, number>;

  constructor(private readonly model: LsaModel) {
    this.info = { kind: 'lexical', model: 'lsa-tfidf', dims: model.dims };
    this.index = new Map(model.vocab.map((term, id) => [term, id]));
  }

  async embedBatch(texts: string[]): Promise<Float32Array[]> {
    return texts.map((text) => this.embed(text));
  }

  /** The unit vector of one text (all zeros when none of its terms is in the vocabulary). */
  embed(text: string): Float32Array {
    const { ids, counts } = countTerms(this.terms(text), (term) => this.index.get(term));
    return projectCounts(this.model, ids, counts, 0, ids.length);
  }

  /** Whether any term of `text` is in the vocabulary; when not, embed() gives all zeros. */
  knowsAnyTerm(text: string): boolean {
    return this.terms(text).some((term) => this.index.has(term));
  }

  /** The model as lexical.json content and lexical.f32 floats; loadLsaEmbedder reverses it. */
  serialize(): { json: LsaModelJson; components: Float32Array } {
    const { vocab, dims, bigrams, papers, singularValues, components } = this.model;
    const json = { format: MODEL_FORMAT, version: MODEL_VERSION, analyzer: ANALYZER_VERSION, dims, bigrams, papers, singularValues, vocab };
    return { json, components };
  }

  private terms(text: string): string[] {
    return textTerms(text, this.model.bigrams);
  }
}

/** A just-fitted embedder, with the corpus vectors the fit produced (papers × dims, row-major). */
export interface FittedLsaEmbedder extends LsaEmbedder {
  readonly corpusVectors: Float32Array;
}

/**
 * Fits LSA on a corpus: sublinear TF × smooth IDF, L2-normalized rows, randomized truncated
 * SVD of the sparse matrix. Paper vectors are the TF-IDF rows projected on the top right
 * singular vectors, L2-normalized; embed(text of paper i) gives exactly corpusVectors row i.
 * @example fitLsaEmbedder(['Graph neural networks', 'Protein folding']).info // => { kind: 'lexical', model: 'lsa-tfidf', dims: 1 }
 * @param texts  One text per paper (title + abstract); at least one.
 */
export function fitLsaEmbedder(texts: readonly string[], opts: LsaFitOptions = {}): FittedLsaEmbedder {
  if (texts.length === 0) throw new Error('lexical: cannot fit on an empty corpus');
  const n = texts.length;
  const dims = Math.max(1, Math.min(opts.dims ?? DEFAULT_LSA_DIMS, n - 1));
  const passes = 2 + 2 * LEXICAL_DEFAULTS.powerIterations;
  const progress = progressCounter(n * (passes + 2), opts.onProgress);
  const bigrams = opts.bigrams ?? n < LEXICAL_DEFAULTS.bigramsBelowPapers;
  const minDf = opts.minDf ?? (n >= LEXICAL_DEFAULTS.minDfFromPapers ? 2 : 1);
  const pairMinDf = Math.max(minDf, LEXICAL_DEFAULTS.pairMinDf);
  const corpus = countCorpus(texts, { bigrams, minDf, pairMinDf, onText: (done) => done % 1000 === 0 && progress(1000) });
  progress(n % 1000);
  const svd = fitSvd(tfidfRows(corpus), dims, opts.seed ?? LEXICAL_DEFAULTS.seed, () => progress(n));
  const model = { vocab: corpus.vocab, dims, bigrams, papers: n, ...termVectors(corpus, svd, dims) };
  const embedder = new LsaEmbedder(model);
  const corpusVectors = new Float32Array(n * dims);
  const { rowPtr, colIdx, values } = corpus.counts;
  for (let r = 0; r < n; r++) corpusVectors.set(projectCounts(model, colIdx, values, rowPtr[r], rowPtr[r + 1]), r * dims);
  progress(n);
  return Object.assign(embedder, { corpusVectors });
}

/** Rebuilds an embedder from serialize() output, checking that the two parts belong together. */
export function loadLsaEmbedder(json: unknown, components: Float32Array): LsaEmbedder {
  const model = json as Partial<LsaModelJson> | null;
  const fail = (problem: string): never => {
    throw new Error(`lexical: model ${problem}; rebuild the index`);
  };
  if (model?.format !== MODEL_FORMAT || model.version !== MODEL_VERSION) fail(`is not a ${MODEL_FORMAT} v${MODEL_VERSION} file`);
  const { analyzer, dims, bigrams, papers, singularValues, vocab } = model as LsaModelJson;
  if (analyzer !== ANALYZER_VERSION) fail(`was built by text analyzer v${analyzer}, this paperscope has v${ANALYZER_VERSION}`);
  if (!Number.isInteger(dims) || dims < 1) fail(`has invalid dims ${dims}`);
  if (!Array.isArray(vocab) || !vocab.every((term) => typeof term === 'string')) fail('has no vocabulary');
  if (components.length !== vocab.length * dims) fail(`needs ${vocab.length} × ${dims} components, got ${components.length} floats`);
  return new LsaEmbedder({ vocab, dims, bigrams: bigrams === true, papers, singularValues, components });
}

/** The corpus counts as TF-IDF: (1 + ln tf) · (ln((1 + n) / (1 + df)) + 1), rows L2-normalized. */
function tfidfRows({ counts, df }: CountedCorpus): CsrMatrix {
  const idf = smoothIdf(df, counts.rows);
  const values = new Float64Array(counts.values.length);
  for (let r = 0; r < counts.rows; r++) {
    const from = counts.rowPtr[r];
    const to = counts.rowPtr[r + 1];
    let norm = 0;
    for (let p = from; p < to; p++) norm += (values[p] = (1 + Math.log(counts.values[p])) * idf[counts.colIdx[p]]) ** 2;
    for (let p = from; p < to; p++) values[p] /= Math.sqrt(norm);
  }
  return { ...counts, values };
}

/** scikit-learn's smooth idf: as if one extra paper held every term once, so no idf is infinite. */
function smoothIdf(df: Int32Array, papers: number): Float64Array {
  return Float64Array.from(df, (d) => Math.log((1 + papers) / (1 + d)) + 1);
}

function fitSvd(tfidf: CsrMatrix, dims: number, seed: number, onPass: () => void): TruncatedSvd {
  const { oversample, powerIterations } = LEXICAL_DEFAULTS;
  if (tfidf.cols === 0) return { k: 0, singularValues: new Float64Array(0), v: new Float64Array(0) };
  return randomizedSvd(tfidf, { k: dims, oversample, powerIterations, seed, onPass });
}

/**
 * idf_j · V_j as Float32, padded with zero columns when the corpus has fewer than `dims`
 * directions. Not scaled by Σ, so paper vectors are the classic U·Σ: on 10k papers, scaling by
 * Σ again lost title search (MRR 0.918 → 0.773), whitening (U alone) lost topical neighbours
 * (same-category share 0.628 → 0.572) for no gain in title search.
 */
function termVectors({ counts, df }: CountedCorpus, svd: TruncatedSvd, dims: number): Pick<LsaModel, 'components' | 'singularValues'> {
  const idf = smoothIdf(df, counts.rows);
  const components = new Float32Array(df.length * dims);
  for (let j = 0; j < df.length; j++) {
    for (let c = 0; c < svd.k; c++) components[j * dims + c] = idf[j] * svd.v[j * svd.k + c];
  }
  return { components, singularValues: Array.from(svd.singularValues) };
}

/** normalize(Σ (1 + ln count) · components[id]) over entries [from, to); zeros if that sum is zero. */
function projectCounts(model: LsaModel, ids: Int32Array, counts: Float64Array, from: number, to: number): Float32Array {
  const { dims, components } = model;
  const sum = new Float64Array(dims);
  for (let p = from; p < to; p++) {
    const weight = 1 + Math.log(counts[p]);
    for (let c = 0, o = ids[p] * dims; c < dims; c++) sum[c] += weight * components[o + c];
  }
  let norm = 0;
  for (const x of sum) norm += x * x;
  norm = Math.sqrt(norm);
  return Float32Array.from(sum, (x) => (norm > 0 ? x / norm : 0));
}

function progressCounter(total: number, onProgress?: (done: number, total: number) => void): (step: number) => void {
  let done = 0;
  return (step) => {
    done += step;
    onProgress?.(done, total);
  };
}
