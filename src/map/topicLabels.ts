/**
 * @file Topic labels by class-based TF-IDF (BERTopic's c-TF-IDF): each cluster's papers are
 * one document; a term scores √(its share of that document's terms) × log(1 + (A − f + ½) / (f + ½)),
 * f its frequency in the whole corpus and A the average class size (BERTopic's ClassTfidfTransformer
 * with reduce_frequent_words and bm25_weighting, which keep words common everywhere out of labels).
 * Terms are unigrams and 2–3 word phrases from src/text/tokenize's tokenizePhrases, shown in their
 * most common surface form. Pure and deterministic.
 */
import { stem, STOP_WORDS, tokenizePhrases } from '../text/tokenize.js';

/** Most terms in one label. */
export const MAX_LABEL_TERMS = 3;
export const LABEL_SEPARATOR = ' · ';
/** A term must occur in this many of a cluster's papers (fewer in smaller clusters), so one paper's jargon can't name it. */
const MIN_CLUSTER_DOCS = 2;
/** A phrase replaces a chosen term it contains when it is at least this share of that term's score. */
const PHRASE_SHARE = 0.5;
/** Shortest single word shown: two-letter tokens are mostly ambiguous acronyms ("ds", "ot"). */
const MIN_WORD_CHARS = 3;
/** Ranked candidates looked at per cluster before giving up on filling the label. */
const CANDIDATES_PER_CLUSTER = 40;
/** Papers read per cluster: a cluster's words show in a few hundred of its papers, and the count tables stay small at any corpus size. */
export const LABEL_SAMPLE = 400;

/** The corpus as word ids, terms (stems; stop words stay themselves) and breaks (-1). */
interface Vocabulary {
  surface: string[];
  termOf: number[];
  termIsStop: boolean[];
  termCount: number;
  /** Per paper row, its word ids with -1 at phrase breaks; empty for rows left out of the sample. */
  docs: Int32Array[];
}

function buildVocabulary(texts: readonly string[], used: Uint8Array): Vocabulary {
  const wordIds = new Map<string, number>();
  const termIds = new Map<string, number>();
  const vocab: Vocabulary = { surface: [], termOf: [], termIsStop: [], termCount: 0, docs: [] };
  const wordId = (word: string): number => {
    let id = wordIds.get(word);
    if (id !== undefined) return id;
    id = vocab.surface.length;
    wordIds.set(word, id);
    vocab.surface.push(word);
    const isStop = STOP_WORDS.has(word);
    const termKey = isStop ? `=${word}` : stem(word);
    let term = termIds.get(termKey);
    if (term === undefined) {
      term = termIds.size;
      termIds.set(termKey, term);
      vocab.termIsStop.push(isStop);
    }
    vocab.termOf.push(term);
    return id;
  };
  texts.forEach((text, row) => {
    const ids: number[] = [];
    if (!used[row]) {
      vocab.docs.push(new Int32Array(0));
      return;
    }
    for (const phrase of tokenizePhrases(text)) {
      for (const word of phrase) ids.push(wordId(word));
      ids.push(-1);
    }
    vocab.docs.push(Int32Array.from(ids));
  });
  vocab.termCount = termIds.size;
  return vocab;
}

/**
 * Numbers every n-gram: unigram t → t; bigram → V + a·V + b; trigram → V + V² + pair(a,b)·V + c,
 * where pair() interns the first two terms, so keys stay exact integers for any vocabulary.
 */
class NgramKeys {
  private readonly pairIds = new Map<number, number>();
  readonly pairs: number[] = [];
  constructor(private readonly v: number) {}

  unigram(a: number): number {
    return a;
  }
  bigram(a: number, b: number): number {
    return this.v + a * this.v + b;
  }
  trigram(a: number, b: number, c: number): number {
    const pairKey = a * this.v + b;
    let pair = this.pairIds.get(pairKey);
    if (pair === undefined) {
      pair = this.pairs.length;
      this.pairIds.set(pairKey, pair);
      this.pairs.push(pairKey);
    }
    return this.v + this.v * this.v + pair * this.v + c;
  }
  /** The terms of a key, in order. */
  terms(key: number): number[] {
    const v = this.v;
    if (key < v) return [key];
    if (key < v + v * v) return [Math.floor((key - v) / v), (key - v) % v];
    const rest = key - v - v * v;
    const pairKey = this.pairs[Math.floor(rest / v)];
    return [Math.floor(pairKey / v), pairKey % v, rest % v];
  }
}

/**
 * Calls `emit(key, start, length)` for each candidate n-gram of a document: unigrams that are
 * not stop words, and bigrams/trigrams that neither start nor end with one ("mixture of experts").
 */
function forEachNgram(doc: Int32Array, vocab: Vocabulary, keys: NgramKeys, emit: (key: number, start: number, length: number) => void): void {
  const termAt = (i: number): number => (i < doc.length && doc[i] >= 0 ? vocab.termOf[doc[i]] : -1);
  for (let i = 0; i < doc.length; i++) {
    const a = termAt(i);
    if (a < 0 || vocab.termIsStop[a]) continue;
    emit(keys.unigram(a), i, 1);
    const b = termAt(i + 1);
    if (b < 0) continue;
    if (!vocab.termIsStop[b]) emit(keys.bigram(a, b), i, 2);
    const c = termAt(i + 2);
    if (c >= 0 && !vocab.termIsStop[c]) emit(keys.trigram(a, b, c), i, 3);
  }
}

/** Term counts of one class (a cluster's papers): occurrences, papers containing it, and its size in terms. */
interface ClassCounts {
  count: Map<number, number>;
  docs: Map<number, number>;
  papers: number;
  terms: number;
}

interface CorpusCounts {
  keys: NgramKeys;
  total: Map<number, number>;
  classes: ClassCounts[][];
  /** Unigram occurrences in the whole corpus. */
  terms: number;
  /** Unigram keys whose every surface form is shorter than MIN_WORD_CHARS. */
  shortWord: Set<number>;
}

function countPartitionTerms(vocab: Vocabulary, partitions: readonly ArrayLike<number>[], classCounts: readonly number[]): CorpusCounts {
  const keys = new NgramKeys(vocab.termCount);
  const total = new Map<number, number>();
  const classes = classCounts.map((k) => Array.from({ length: k }, (): ClassCounts => ({ count: new Map(), docs: new Map(), papers: 0, terms: 0 })));
  let terms = 0;
  vocab.docs.forEach((doc, row) => {
    if (doc.length === 0) return;
    const inDoc = new Map<number, number>();
    forEachNgram(doc, vocab, keys, (key) => inDoc.set(key, (inDoc.get(key) ?? 0) + 1));
    let unigrams = 0;
    for (const [key, n] of inDoc) {
      total.set(key, (total.get(key) ?? 0) + n);
      if (key < vocab.termCount) unigrams += n;
    }
    terms += unigrams;
    partitions.forEach((assignment, p) => {
      const cls = assignment[row];
      if (cls < 0) return;
      const counts = classes[p][cls];
      counts.papers++;
      counts.terms += unigrams;
      for (const [key, n] of inDoc) {
        counts.count.set(key, (counts.count.get(key) ?? 0) + n);
        counts.docs.set(key, (counts.docs.get(key) ?? 0) + 1);
      }
    });
  });
  const longTerms = new Set(vocab.termOf.filter((_, w) => vocab.surface[w].length >= MIN_WORD_CHARS));
  const shortWord = new Set(vocab.termOf.filter((t) => !longTerms.has(t)));
  return { keys, total, classes, terms, shortWord };
}

interface ScoredTerm {
  key: number;
  terms: number[];
  score: number;
}

/** c-TF-IDF of every distinctive term of one class found in `minDocs` of its papers, best first (ties by key). */
function rankTerms(counts: ClassCounts, corpus: CorpusCounts, averageTerms: number, minDocs: number): ScoredTerm[] {
  const ranked: ScoredTerm[] = [];
  for (const [key, n] of counts.count) {
    if ((counts.docs.get(key) ?? 0) < minDocs || corpus.shortWord.has(key)) continue;
    const f = corpus.total.get(key)!;
    const tf = Math.sqrt(n / Math.max(1, counts.terms));
    const score = tf * Math.log(1 + (averageTerms - f + 0.5) / (f + 0.5));
    // Terms more frequent than an average class score below zero: common everywhere, they name nothing.
    if (score > 0) ranked.push({ key, terms: [], score });
  }
  ranked.sort((a, b) => b.score - a.score || a.key - b.key);
  return ranked.slice(0, CANDIDATES_PER_CLUSTER).map((t) => ({ ...t, terms: corpus.keys.terms(t.key) }));
}

function contains(outer: number[], inner: number[]): boolean {
  for (let i = 0; i + inner.length <= outer.length; i++) {
    if (inner.every((t, j) => outer[i + j] === t)) return true;
  }
  return false;
}

/** Up to MAX_LABEL_TERMS terms, a phrase standing in for the words it contains ("mixture of experts", not "experts"). */
function chooseTerms(ranked: ScoredTerm[], isStop: (term: number) => boolean): ScoredTerm[] {
  const chosen: ScoredTerm[] = [];
  for (const candidate of ranked) {
    if (chosen.some((c) => contains(c.terms, candidate.terms))) continue;
    const inside = chosen.filter((c) => contains(candidate.terms, c.terms));
    // A term sharing a word with a chosen one, without containing it, repeats it ("optimal data" after "optimal scaling").
    if (chosen.some((c) => !inside.includes(c) && c.terms.some((t) => !isStop(t) && candidate.terms.includes(t)))) continue;
    if (inside.length > 0) {
      if (inside.some((c) => candidate.score < PHRASE_SHARE * c.score)) continue;
      const at = chosen.indexOf(inside[0]);
      chosen[at] = candidate;
      for (const c of inside.slice(1)) chosen.splice(chosen.indexOf(c), 1);
      continue;
    }
    // Once full, keep looking only for phrases that stand in for chosen words.
    if (chosen.length < MAX_LABEL_TERMS) chosen.push(candidate);
  }
  return chosen;
}

/** The most common surface form of each wanted key ("mixture of experts" for mixtur·of·expert), ties alphabetical. */
function surfaceForms(vocab: Vocabulary, keys: NgramKeys, wanted: Set<number>): Map<number, string> {
  const seen = new Map<number, Map<string, number>>();
  for (const doc of vocab.docs) {
    forEachNgram(doc, vocab, keys, (key, start, length) => {
      if (!wanted.has(key)) return;
      const text = Array.from(doc.subarray(start, start + length), (w) => vocab.surface[w]).join(' ');
      const forms = seen.get(key) ?? new Map<string, number>();
      forms.set(text, (forms.get(text) ?? 0) + 1);
      seen.set(key, forms);
    });
  }
  const out = new Map<number, string>();
  for (const [key, forms] of seen) {
    const best = [...forms].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))[0];
    out.set(key, best[0]);
  }
  return out;
}

/** Rows whose words are counted: up to LABEL_SAMPLE evenly spaced rows of each class, and of the rows in none. */
function sampleRows(partitions: readonly ArrayLike<number>[], classCounts: readonly number[], count: number): Uint8Array {
  const used = new Uint8Array(count);
  partitions.forEach((assignment, p) => {
    const members: number[][] = Array.from({ length: classCounts[p] + 1 }, () => []);
    for (let row = 0; row < count; row++) members[assignment[row] + 1].push(row);
    for (const rows of members) {
      const step = Math.max(1, rows.length / LABEL_SAMPLE);
      for (let i = 0; i < rows.length; i += step) used[rows[Math.floor(i)]] = 1;
    }
  });
  return used;
}

/**
 * Labels the classes of one or more partitions of the same texts.
 * @example labelPartitions(texts, [fine], [2]) // => [['mixture of experts · routing', 'optimal transport · sinkhorn']]
 * @param texts  One text per paper row
 * @param partitions  Per partition, each row's class (0…k−1) or -1 for none
 * @param classCounts  Per partition, its number of classes k
 * @returns per partition, per class, its label (empty when the class has no terms)
 */
export function labelPartitions(texts: readonly string[], partitions: readonly ArrayLike<number>[], classCounts: readonly number[]): string[][] {
  const vocab = buildVocabulary(texts, sampleRows(partitions, classCounts, texts.length));
  const corpus = countPartitionTerms(vocab, partitions, classCounts);
  const chosen = corpus.classes.map((classes, p) => {
    // A is the average class size in terms, the papers in no class counting as one more class (as BERTopic's -1 topic does).
    const hasNoise = Array.from(partitions[p]).some((c) => c < 0);
    const averageTerms = corpus.terms / Math.max(1, classes.length + (hasNoise ? 1 : 0));
    return classes.map((counts) => {
      // Papers that share no distinctive term still get a label, from terms of single papers.
      const shared = rankTerms(counts, corpus, averageTerms, Math.min(MIN_CLUSTER_DOCS, counts.papers));
      const ranked = shared.length > 0 ? shared : rankTerms(counts, corpus, averageTerms, 1);
      return chooseTerms(ranked, (t) => vocab.termIsStop[t]);
    });
  });
  const wanted = new Set(chosen.flat(2).map((t) => t.key));
  const forms = surfaceForms(vocab, corpus.keys, wanted);
  return chosen.map((classes) => classes.map((terms) => terms.map((t) => forms.get(t.key)!).join(LABEL_SEPARATOR)));
}
