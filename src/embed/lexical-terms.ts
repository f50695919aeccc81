/**
 * @file From texts to term counts for the lexical embedder: the terms a text is indexed by,
 * the vocabulary fitted on a corpus, and the corpus's document × term count matrix (CSR).
 * The same textTerms/countTerms run at fit time and for every query.
 */
import { analyze } from '../text/tokenize.js';
import type { CsrMatrix } from './lexical-svd.js';

/** A text's known terms: ascending vocabulary ids and how often each occurs. */
export interface TermCounts {
  ids: Int32Array;
  /** Float64 like CsrMatrix values, so one projection loop serves queries and the corpus. */
  counts: Float64Array;
}

export interface CountedCorpus {
  /** Terms kept (document frequency ≥ minDf), sorted, so ids don't depend on corpus order. */
  vocab: string[];
  /** Document frequency of each vocabulary term. */
  df: Int32Array;
  /** papers × vocab raw term counts. */
  counts: CsrMatrix;
}

/**
 * The terms of a text: analyze() output, plus "a b" for each adjacent pair when `bigrams`
 * is on (pairs span removed stop words: "model of language" gives "model languag").
 */
export function textTerms(text: string, bigrams: boolean): string[] {
  const words = analyze(text);
  if (!bigrams) return words;
  const pairs = words.slice(1).map((word, i) => `${words[i]} ${word}`);
  return words.concat(pairs);
}

/** Counts the terms `idOf` knows, ids ascending (so sums over them always run in one order). */
export function countTerms(terms: readonly string[], idOf: (term: string) => number | undefined): TermCounts {
  const tally = new Map<number, number>();
  for (const term of terms) {
    const id = idOf(term);
    if (id !== undefined) tally.set(id, (tally.get(id) ?? 0) + 1);
  }
  const ids = Int32Array.from(tally.keys()).sort();
  return { ids, counts: Float64Array.from(ids, (id) => tally.get(id) ?? 0) };
}

/**
 * Counts every text's terms, keeps those in at least `minDf` texts, and returns the count
 * matrix. Texts are analyzed once; each is held as ids + counts, never as strings.
 */
export function countCorpus(texts: readonly string[], opts: { bigrams: boolean; minDf: number; onText?: (done: number) => void }): CountedCorpus {
  const seen = new Map<string, number>();
  const seenDf: number[] = [];
  const idOf = (term: string): number => {
    let id = seen.get(term);
    if (id === undefined) {
      id = seen.size;
      seen.set(term, id);
      seenDf.push(0);
    }
    return id;
  };
  const docs = texts.map((text, i) => {
    const doc = countTerms(textTerms(text, opts.bigrams), idOf);
    for (const id of doc.ids) seenDf[id]++;
    opts.onText?.(i + 1);
    return doc;
  });
  const vocab = [...seen.keys()].filter((term) => seenDf[seen.get(term) ?? 0] >= opts.minDf).sort();
  const remap = new Int32Array(seen.size).fill(-1);
  vocab.forEach((term, id) => (remap[seen.get(term) ?? 0] = id));
  const df = Int32Array.from(vocab, (term) => seenDf[seen.get(term) ?? 0]);
  return { vocab, df, counts: toCsr(docs, remap, vocab.length) };
}

/** Stacks per-text counts into CSR, renumbering ids through `remap` (-1 drops a term). */
function toCsr(docs: readonly TermCounts[], remap: Int32Array, cols: number): CsrMatrix {
  const orders = docs.map(({ ids }) =>
    [...ids.keys()].filter((p) => remap[ids[p]] >= 0).sort((p, q) => remap[ids[p]] - remap[ids[q]]),
  );
  const rowPtr = new Int32Array(docs.length + 1);
  orders.forEach((order, r) => (rowPtr[r + 1] = rowPtr[r] + order.length));
  const colIdx = new Int32Array(rowPtr[docs.length]);
  const values = new Float64Array(rowPtr[docs.length]);
  orders.forEach((order, r) =>
    order.forEach((p, j) => {
      colIdx[rowPtr[r] + j] = remap[docs[r].ids[p]];
      values[rowPtr[r] + j] = docs[r].counts[p];
    }),
  );
  return { rows: docs.length, cols, rowPtr, colIdx, values };
}
