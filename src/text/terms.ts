/**
 * @file From texts to term counts for the LSA embedder and BM25: the terms a text is indexed by,
 * the vocabulary fitted on a corpus, and the corpus's document × term count matrix (CSR).
 * The same textTerms/countTerms run at fit time and for every query.
 */
import { analyze, stem, STOP_WORDS, tokenizePhrases } from './tokenize.js';
import type { CsrMatrix } from '../util/csrMatrix.js';

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
 * The terms of a text: analyze() output, plus, when `bigrams` is on, the stems "a b" of each two
 * words side by side in a phrase, neither a stop word: the two-word phrases the topic labels use
 * ("optimal transport" gives "optim transport"; "model of language" and "model. Language" give none).
 */
export function textTerms(text: string, bigrams: boolean): string[] {
  const words = analyze(text);
  if (!bigrams) return words;
  for (const phrase of tokenizePhrases(text)) {
    for (let i = 1; i < phrase.length; i++) {
      if (!STOP_WORDS.has(phrase[i - 1]) && !STOP_WORDS.has(phrase[i])) words.push(`${stem(phrase[i - 1])} ${stem(phrase[i])}`);
    }
  }
  return words;
}

/** Whether a term of textTerms is a word pair (a stem never holds a space). */
function isPair(term: string): boolean {
  return term.includes(' ');
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
 * Counts every text's terms, keeps the words in at least `minDf` texts and the pairs in at least
 * `pairMinDf`, and returns the count matrix. Texts are analyzed once; each is held as ids + counts,
 * never as strings.
 */
export function countCorpus(
  texts: readonly string[],
  opts: { bigrams: boolean; minDf: number; pairMinDf: number; onText?: (done: number) => void },
): CountedCorpus {
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
  const minDfOf = (term: string) => (isPair(term) ? opts.pairMinDf : opts.minDf);
  const vocab = [...seen.keys()].filter((term) => seenDf[seen.get(term) ?? 0] >= minDfOf(term)).sort();
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
