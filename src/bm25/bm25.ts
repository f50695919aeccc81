/**
 * @file BM25 keyword search over titles and abstracts. The build indexes every paper
 * (src/search/postings.ts) and saves the index as bm25.bin; the server loads it and scores a
 * query by walking its terms' postings into one score per paper, then keeps the top k.
 * Terms go through src/text's analyzer, the same one the lexical (LSA) embedder and the topic
 * labels use, so "networks" finds "network".
 *
 * Scored as Lucene/Anserini score BEIR: one field holding title + abstract, plain BM25
 * (DEFAULT_BM25: k1 0.9, b 0.4; idf ln(1 + (N − df + 0.5) / (df + 0.5))), a paper's score
 * the sum over the query's terms, a term typed twice counting twice. Why this is written here
 * rather than taken from a search library: docs/DESIGN.md.
 */
import { DEFAULT_BM25, MAX_BM25_QUERY_TERMS } from '../config.js';
import { paperText } from '../corpus/text.js';
import { type Paper } from '../corpus/paper.js';
import { countTerms } from '../text/terms.js';
import { analyze } from '../text/tokenize.js';
import { buildPostings, decodePostings, encodePostings, type Postings } from './postings.js';
import type { RankedRow } from '../ranking/rankedRow.js';
import { topRows } from '../ranking/topRows.js';
import { mostDistinctive } from './queryTerms.js';

/** A BM25 index over the papers of one loaded index; rows are its row numbers. */
export interface Bm25Index {
  /**
   * The `k` best rows for `query`, BM25 score (higher is better), best first; [] when no term
   * matches. With `only`, just the rows where it is 1 (a filter's mask) compete.
   */
  search(query: string, k: number, only?: Uint8Array): RankedRow[];
  /** BM25's idf of an analyzed term (how rare it is among the papers); 0 for a term no paper holds. */
  idf(term: string): number;
  /** The index as bm25.bin bytes, for `loadBm25`: the build saves it so a server never re-indexes. */
  toBytes(): Uint8Array;
}

/** Most idf answers a loaded index keeps (a few MB): enough for the stems of the papers searched lately. */
const IDF_MEMO_SIZE = 65_536;

/** Lucene's BM25 idf: always positive, so a matching term never lowers a score. */
function idf(docs: number, df: number): number {
  return Math.log(1 + (docs - df + 0.5) / (df + 0.5));
}

/** Position of `term` in the sorted `vocab`, or undefined: a binary search, so loading builds no Map. */
function termIdIn(vocab: readonly string[], term: string): number | undefined {
  let low = 0;
  let high = vocab.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (vocab[mid] === term) return mid;
    if (vocab[mid] < term) low = mid + 1;
    else high = mid - 1;
  }
  return undefined;
}

/**
 * Each posting's term-frequency part of BM25, tf · (k1 + 1) / (tf + k1 · (1 − b + b · length /
 * avgLength)), worked out once at load: a query then multiplies by its terms' idf and adds,
 * a third faster on common words than dividing per posting (docs/BENCHMARKS.md).
 */
function postingImpacts({ rows, termFreqs, docLengths }: Postings): Float64Array {
  const { k1, b } = DEFAULT_BM25;
  const avgLength = docLengths.reduce((sum, length) => sum + length, 0) / docLengths.length || 1;
  const lengthNorm = Float64Array.from(docLengths, (length) => k1 * (1 - b + (b * length) / avgLength));
  const impacts = new Float64Array(rows.length);
  for (let p = 0; p < rows.length; p++) impacts[p] = (termFreqs[p] * (k1 + 1)) / (termFreqs[p] + lengthNorm[rows[p]]);
  return impacts;
}

function bm25Over(postings: Postings): Bm25Index {
  const { vocab, termStarts, rows } = postings;
  const docs = postings.docLengths.length;
  const impacts = postingImpacts(postings);
  // One score per paper, reused by every query (search is synchronous) and zeroed after each.
  // Adding straight into it and scanning it for the top k beats tracking which papers were
  // scored (1.7× faster on common words at 100,000 papers; docs/BENCHMARKS.md).
  const scores = new Float64Array(docs);
  // `why` asks the idf of ~100 stems per pasted abstract, each a binary search that misses the
  // CPU cache at every step of a 100,000-word vocabulary: recent answers are kept.
  const idfs = new Map<string, number>();
  return {
    search(query, k, only) {
      const { ids, counts } = countTerms(analyze(query), (term) => termIdIn(vocab, term));
      if (ids.length === 0) return [];
      const idfs = Array.from(ids, (id) => idf(docs, termStarts[id + 1] - termStarts[id]));
      const weights = idfs.map((termIdf, q) => counts[q] * termIdf);
      // A pasted abstract or draft is ranked by its most distinctive terms only (see queryTerms.ts).
      for (const q of mostDistinctive(counts, idfs, MAX_BM25_QUERY_TERMS)) {
        for (let p = termStarts[ids[q]]; p < termStarts[ids[q] + 1]; p++) scores[rows[p]] += weights[q] * impacts[p];
      }
      if (only) for (let row = 0; row < docs; row++) scores[row] *= only[row];
      const best = topRows(scores, k);
      scores.fill(0);
      return best;
    },
    idf(term) {
      let value = idfs.get(term);
      if (value === undefined) {
        if (idfs.size >= IDF_MEMO_SIZE) idfs.clear();
        const id = termIdIn(vocab, term);
        idfs.set(term, (value = id === undefined ? 0 : idf(docs, termStarts[id + 1] - termStarts[id])));
      }
      return value;
    },
    toBytes: () => encodePostings(postings),
  };
}

/**
 * Indexes the title and abstract of every paper, as one text.
 * @example buildBm25(papers).search('submodular maximization', 3) // => [{ row: 31, score: 14.2 }, …]
 * @param papers  Papers in row order.
 */
export function buildBm25(papers: readonly Paper[]): Bm25Index {
  return bm25Over(buildPostings(papers.map(paperText)));
}

/** Restores an index saved with `toBytes`; throws when the bytes are not one. */
export function loadBm25(bytes: Uint8Array): Bm25Index {
  return bm25Over(decodePostings(bytes));
}
