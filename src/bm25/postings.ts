/**
 * @file The data of the BM25 index: an inverted index in typed arrays, built from the
 * analyzed text of every paper, and its binary form (bm25.bin). Loading is a header check
 * plus typed-array views on the file's bytes; only the vocabulary is decoded.
 */
import { countCorpus } from '../text/terms.js';
import { ANALYZER_VERSION } from '../text/tokenize.js';
import { joinSections, padded, sectionReader } from '../store/byteSections.js';

/** An inverted index: for each term, the rows (papers) holding it and how often. */
export interface Postings {
  /** Terms, sorted; a term's id is its position here. */
  vocab: string[];
  /** Term t's postings are at [termStarts[t], termStarts[t + 1]). */
  termStarts: Uint32Array;
  /** Rows holding the term, ascending within a term. */
  rows: Uint32Array;
  /** Occurrences of the term in that row's text, capped at 65,535 (BM25 saturates long before). */
  termFreqs: Uint16Array;
  /** Terms in each row's text: its BM25 document length. */
  docLengths: Uint32Array;
}

const MAX_TERM_FREQ = 0xffff;
/** "BM25" read as a little-endian u32: the first word of every bm25.bin. */
const MAGIC = 0x35324d42;
const FORMAT_VERSION = 1;
/** magic, format, analyzer, docs, terms, postings, vocabulary bytes, reserved. */
const HEADER_WORDS = 8;

/**
 * Indexes each text's analyze() terms (src/text), row i being texts[i].
 * @example buildPostings(['graph networks', 'network']).vocab // => ['graph', 'network']
 */
export function buildPostings(texts: readonly string[]): Postings {
  // Words only (no phrase pairs), each kept however rare: BM25 indexes every term it can match.
  const { vocab, df, counts } = countCorpus(texts, { bigrams: false, minDf: 1, pairMinDf: 1 });
  const termStarts = new Uint32Array(vocab.length + 1);
  for (let t = 0; t < vocab.length; t++) termStarts[t + 1] = termStarts[t] + df[t];
  const rows = new Uint32Array(counts.colIdx.length);
  const termFreqs = new Uint16Array(counts.colIdx.length);
  const docLengths = new Uint32Array(counts.rows);
  // Transpose the row-major count matrix: walking rows in order keeps each term's rows ascending.
  const nextSlot = termStarts.slice(0, vocab.length);
  for (let r = 0; r < counts.rows; r++) {
    for (let p = counts.rowPtr[r]; p < counts.rowPtr[r + 1]; p++) {
      const slot = nextSlot[counts.colIdx[p]]++;
      rows[slot] = r;
      termFreqs[slot] = Math.min(counts.values[p], MAX_TERM_FREQ);
      docLengths[r] += counts.values[p];
    }
  }
  return { vocab, termStarts, rows, termFreqs, docLengths };
}

/** The binary form: a header, then docLengths, termStarts, rows, termFreqs (little-endian) and the vocabulary as UTF-8 lines. */
export function encodePostings(p: Postings): Uint8Array {
  // Terms are runs of letters and digits (src/text), so a newline never occurs inside one.
  const vocabBytes = new TextEncoder().encode(p.vocab.join('\n'));
  const header = Uint32Array.of(MAGIC, FORMAT_VERSION, ANALYZER_VERSION, p.docLengths.length, p.vocab.length, p.rows.length, vocabBytes.length, 0);
  return joinSections([header, p.docLengths, p.termStarts, p.rows, p.termFreqs, vocabBytes]);
}

/**
 * Reads encodePostings output. The arrays are views on `bytes` (copied once if they do not
 * start on a 4-byte boundary). Throws when the bytes are not a well-formed bm25.bin of this
 * format and text analyzer.
 */
export function decodePostings(bytes: Uint8Array): Postings {
  const fail = (problem: string): never => {
    throw new Error(`bm25: ${problem}`);
  };
  if (bytes.byteLength < HEADER_WORDS * 4) fail(`${bytes.byteLength} bytes is too short for a BM25 index`);
  const { header, next } = sectionReader(bytes, HEADER_WORDS);
  const [magic, format, analyzer, docs, terms, postings, vocabBytes] = header;
  if (magic !== MAGIC || format !== FORMAT_VERSION) fail(`not a paperscope BM25 index of format ${FORMAT_VERSION}`);
  if (analyzer !== ANALYZER_VERSION) fail(`built by text analyzer v${analyzer}, this paperscope has v${ANALYZER_VERSION}`);
  const expected = HEADER_WORDS * 4 + padded(docs * 4) + padded((terms + 1) * 4) + padded(postings * 4) + padded(postings * 2) + padded(vocabBytes);
  if (bytes.byteLength !== expected) fail(`is ${bytes.byteLength} bytes, its header says ${expected}`);
  const docLengths = next(Uint32Array, docs, 4);
  const termStarts = next(Uint32Array, terms + 1, 4);
  const rows = next(Uint32Array, postings, 4);
  const termFreqs = next(Uint16Array, postings, 2);
  const vocabText = new TextDecoder().decode(next(Uint8Array, vocabBytes, 1));
  const vocab = terms === 0 ? [] : vocabText.split('\n');
  if (vocab.length !== terms) fail(`holds ${vocab.length} terms, its header says ${terms}`);
  checkRanges(termStarts, postings, fail);
  return { vocab, termStarts, rows, termFreqs, docLengths };
}

/**
 * The postings ranges must tile the postings. (Each posting's row is not checked: that is a
 * pass over millions of entries at every start, for damage the manifest's checksum catches.)
 */
function checkRanges(termStarts: Uint32Array, postings: number, fail: (problem: string) => never): void {
  if (termStarts[0] !== 0 || termStarts[termStarts.length - 1] !== postings) fail('its postings ranges do not cover its postings');
  for (let t = 1; t < termStarts.length; t++) if (termStarts[t] < termStarts[t - 1]) fail(`the postings of term ${t - 1} end before they start`);
}
