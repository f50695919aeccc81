/**
 * @file Extends a saved BM25 inverted index (src/search/postings.ts) with new and changed rows,
 * for `paperscope add`: only the changed texts are analyzed; every other paper's postings are
 * copied as they are, so the result equals a fresh build over the updated papers.
 */
import { buildPostings, type Postings } from './postings.js';

/** A row whose text is new (row ≥ the old row count) or replaces the old row's text. */
export interface ChangedText {
  row: number;
  text: string;
}

/** Terms of both sorted vocabularies, sorted, and each one's id in `a` and `b` (-1: absent). */
function mergeVocab(a: readonly string[], b: readonly string[]): { vocab: string[]; fromA: Int32Array; fromB: Int32Array } {
  const vocab: string[] = [];
  const fromA: number[] = [];
  const fromB: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const takeA = j >= b.length || (i < a.length && a[i] <= b[j]);
    const takeB = i >= a.length || (j < b.length && b[j] <= a[i]);
    vocab.push(takeA ? a[i] : b[j]);
    fromA.push(takeA ? i++ : -1);
    fromB.push(takeB ? j++ : -1);
  }
  return { vocab, fromA: Int32Array.from(fromA), fromB: Int32Array.from(fromB) };
}

/**
 * The postings of `old` with `changes` applied: a changed row loses its old postings and gets
 * its new text's; rows past the old count are appended (they must follow on without gaps).
 * @example extendPostings(buildPostings(['graph']), [{ row: 1, text: 'graph network' }]).vocab // => ['graph', 'network']
 */
export function extendPostings(old: Postings, unsorted: readonly ChangedText[]): Postings {
  const changes = [...unsorted].sort((a, b) => a.row - b.row);
  const rowCount = changes.reduce((most, c) => Math.max(most, c.row + 1), old.docLengths.length);
  const fresh = buildPostings(changes.map((c) => c.text));
  const targetRow = Uint32Array.from(changes, (c) => c.row);
  const replaced = new Uint8Array(rowCount);
  for (const { row } of changes) replaced[row] = 1;
  const { vocab, fromA, fromB } = mergeVocab(old.vocab, fresh.vocab);
  const termStarts = new Uint32Array(vocab.length + 1);
  const rows = new Uint32Array(old.rows.length + fresh.rows.length);
  const termFreqs = new Uint16Array(rows.length);
  let out = 0;
  for (let t = 0; t < vocab.length; t++) {
    termStarts[t] = out;
    let p = fromA[t] < 0 ? 0 : old.termStarts[fromA[t]];
    const pEnd = fromA[t] < 0 ? 0 : old.termStarts[fromA[t] + 1];
    // buildPostings lists a term's rows in text order, and the changes are sorted by row: both ascend.
    let q = fromB[t] < 0 ? 0 : fresh.termStarts[fromB[t]];
    const qEnd = fromB[t] < 0 ? 0 : fresh.termStarts[fromB[t] + 1];
    while (p < pEnd || q < qEnd) {
      if (p < pEnd && replaced[old.rows[p]]) {
        p++;
        continue;
      }
      const takeOld = q >= qEnd || (p < pEnd && old.rows[p] < targetRow[fresh.rows[q]]);
      rows[out] = takeOld ? old.rows[p] : targetRow[fresh.rows[q]];
      termFreqs[out++] = takeOld ? old.termFreqs[p++] : fresh.termFreqs[q++];
    }
  }
  termStarts[vocab.length] = out;
  const docLengths = new Uint32Array(rowCount);
  docLengths.set(old.docLengths);
  changes.forEach((c, i) => (docLengths[c.row] = fresh.docLengths[i]));
  return dropUnusedTerms({ vocab, termStarts, rows: rows.slice(0, out), termFreqs: termFreqs.slice(0, out), docLengths });
}

/** Terms left with no postings (their only papers changed) leave the vocabulary, as a fresh build would have them. */
function dropUnusedTerms(p: Postings): Postings {
  const keep = p.vocab.map((_, t) => p.termStarts[t + 1] > p.termStarts[t]);
  if (keep.every(Boolean)) return p;
  const vocab = p.vocab.filter((_, t) => keep[t]);
  const termStarts = new Uint32Array(vocab.length + 1);
  let k = 0;
  p.vocab.forEach((_, t) => {
    if (keep[t]) termStarts[++k] = p.termStarts[t + 1];
  });
  return { ...p, vocab, termStarts };
}
