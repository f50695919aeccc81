/**
 * @file `why` on a result (API.md, "Version 2 additions"): the fusion signals that ranked it,
 * the words and phrases it shares with the query or source paper, and its best-matching
 * sentence beside the query's or source's sentence it matches. Shared words weigh their BM25
 * idf, so "sinkhorn" outranks "method". The query side is analyzed once per request
 * (`explainer`); a result's abstract is read once for its snippet and its `why`
 * (analyzedTexts.ts), so `why` itself only compares.
 */
import { WHY_TERMS } from '../config.js';
import type { Paper } from '../corpus/paper.js';
import type { RankedRow } from '../ranking/rankedRow.js';
import { analyzedAbstract, analyzedTitle } from './analyzedTexts.js';
import type { WhyText } from './whyText.js';
import { whySource, type SharedWords, type WhySource } from './whySource.js';

/** The fusion's parts: the embedding, BM25, and (for /api/missing) closeness to the given references. */
export type SignalName = 'semantic' | 'lexical' | 'references';

/** One fusion part's view of a result: its 1-based rank in that part's list and its raw score. */
export interface Signal {
  rank: number;
  score: number;
}

export interface Why {
  /** The parts of the mode that returned this result (a part that did not rank it is absent). */
  signals: Partial<Record<SignalName, Signal>>;
  terms: string[];
  sentence?: { text: string; match: string };
}

/** The ranked lists a result came from, by part. */
export type SignalLists = Partial<Record<SignalName, readonly RankedRow[]>>;

/** Longest phrase `why.terms` lists, in words. */
const MAX_PHRASE_WORDS = 4;

/** A word or phrase of a paper's title or abstract (`part`): its words `start` to `end` (exclusive) and its idf weight. */
interface Candidate {
  part: WhyText;
  start: number;
  end: number;
  weight: number;
}

const stemsOf = ({ part, start, end }: Candidate) => part.words.slice(start, end).map((w) => w.stem);

/** True when `source` holds the words of `stems` one right after the other, as a phrase. */
function holdsPhrase(source: WhyText, stems: readonly string[]): boolean {
  return source.words.some((_, i) => stems.every((stem, j) => source.words[i + j]?.stem === stem && (j === 0 || source.words[i + j].joinsPrevious)));
}

/** A phrase of a result whose every word pair the source holds as a phrase: its words `start` to `end` (exclusive), which are its shared words `firstHit` on. */
interface Run {
  start: number;
  end: number;
  firstHit: number;
  weight: number;
}

interface SharedText {
  /** The words of the result that the source holds. */
  hits: SharedWords;
  runs: Run[];
}

/**
 * The words of `paper` that `source` holds, in order, and the longest phrases (up to
 * MAX_PHRASE_WORDS words) whose every word pair `source` also holds as a phrase. A phrase is
 * a run of hits one word apart, each following the one before it in a phrase of the source.
 */
function sharedWords(paper: WhyText, source: WhySource): SharedText {
  const hits = source.sharedWordsOf(paper);
  const { words, entries } = hits;
  const runs: Run[] = [];
  let run: Run | undefined;
  const close = () => run && run.end - run.start > 1 && runs.push(run);
  for (let h = 0; h < words.length; h++) {
    const word = words[h];
    const entry = entries[h];
    const weight = source.weightOf(entry);
    if (run && words[h - 1] === word - 1 && source.follows(entries[h - 1], entry) && paper.words[word].joinsPrevious && word - run.start < MAX_PHRASE_WORDS) {
      run.end = word + 1;
      run.weight += weight;
      continue;
    }
    close();
    run = { start: word, end: word + 1, firstHit: h, weight };
  }
  close();
  return { hits, runs };
}

/** The words and phrases of the paper's `parts` (title, abstract) that `source` holds too, best (highest idf) first, one per stem. */
function sharedTerms(parts: readonly WhyText[], shared: readonly SharedText[], source: WhySource): string[] {
  const phrases = new Map<string, Candidate>();
  parts.forEach((part, p) => {
    for (const { start, end, firstHit, weight } of shared[p].runs) {
      const stems = shared[p].hits.entries.slice(firstHit, firstHit + end - start).map((entry) => entry.stem);
      const key = stems.join(' ');
      // Each pair of a longer phrase is in the source; the whole run must be too.
      if (phrases.has(key) || new Set(stems).size < stems.length || (stems.length > 2 && !holdsPhrase(source.view, stems))) continue;
      if (weight > 0) phrases.set(key, { part, start, end, weight });
    }
  });
  // One candidate per shared stem, at its first word: the entry remembers it was offered.
  const visit = source.visit();
  const words: Candidate[] = [];
  parts.forEach((part, p) => {
    const { words: hitWords, entries } = shared[p].hits;
    entries.forEach((entry, h) => {
      if (entry.seenIn === visit) return;
      entry.seenIn = visit;
      const weight = source.weightOf(entry);
      if (weight > 0) words.push({ part, start: hitWords[h], end: hitWords[h] + 1, weight });
    });
  });
  return bestTerms([...phrases.values(), ...words]);
}

/**
 * The surface forms of the heaviest `candidates`, up to WHY_TERMS, skipping one whose stems a
 * heavier one holds; the earlier candidate on equal weights. Picked one by one: only a few of
 * the ~50 candidates of an abstract are ever looked at, so sorting them all is wasted.
 */
function bestTerms(candidates: readonly Candidate[]): string[] {
  const taken = new Uint8Array(candidates.length);
  const covered = new Set<string>();
  const terms: string[] = [];
  while (terms.length < WHY_TERMS) {
    let best = -1;
    for (let c = 0; c < candidates.length; c++) if (!taken[c] && (best < 0 || candidates[c].weight > candidates[best].weight)) best = c;
    if (best < 0) break;
    taken[best] = 1;
    const candidate = candidates[best];
    const stems = stemsOf(candidate);
    if (stems.some((s) => covered.has(s))) continue;
    stems.forEach((s) => covered.add(s));
    const { part, start, end } = candidate;
    terms.push(part.text.slice(part.words[start].start, part.words[end - 1].end));
  }
  return terms;
}

/**
 * The (paper sentence, source sentence) pair sharing the most idf weight, the first such pair
 * in reading order; undefined when none shares a word. Each paper sentence adds the weights of
 * its distinct shared stems (`hits`, from sharedWords) to the source sentences holding them.
 */
function bestSentencePair(paper: WhyText, { words, entries }: SharedWords, source: WhySource): Why['sentence'] {
  const sums = new Float64Array(source.view.sentences.length);
  let best: Why['sentence'];
  let bestWeight = 0;
  let h = 0;
  for (const mine of paper.sentences) {
    while (h < words.length && words[h] < mine.firstWord) h++;
    if (h === words.length) break;
    sums.fill(0);
    const visit = source.visit();
    for (; h < words.length && words[h] < mine.endWord; h++) {
      const entry = entries[h];
      if (entry.seenIn === visit || entry.sentences.length === 0) continue;
      entry.seenIn = visit;
      const weight = source.weightOf(entry);
      for (const j of entry.sentences) sums[j] += weight;
    }
    for (let j = 0; j < sums.length; j++) {
      if (sums[j] <= bestWeight) continue;
      bestWeight = sums[j];
      best = { text: mine.text, match: source.view.sentences[j].text };
    }
  }
  return best;
}

/** 1-based rank and score of `row` in each list that holds it (a scan: a request explains a few rows of lists of ~100). */
function signalsOf(row: number, lists: SignalLists): Why['signals'] {
  const signals: Why['signals'] = {};
  for (const [name, rows] of Object.entries(lists) as [SignalName, readonly RankedRow[] | undefined][]) {
    const rank = rows ? rows.findIndex((r) => r.row === row) : -1;
    if (rank >= 0) signals[name] = { rank: rank + 1, score: rows![rank].score };
  }
  return signals;
}

/**
 * Prepares `why` for the results of one request: `source` is the query, or the source paper's
 * title and abstract (its sentences from `sentencesFrom` on: the abstract's), `lists` the parts
 * that ranked them.
 * @example explainer(q, { lexical: bm25Rows }, (t) => bm25.idf(t))(papers[row], row)
 * // => { signals: { lexical: { rank: 1, score: 12.3 } }, terms: ['optimal transport'], sentence: { text: '…', match: '…' } }
 * @param idf  an analyzed term's weight (BM25's idf)
 */
export function explainer(source: string, lists: SignalLists, idf: (stem: string) => number, sentencesFrom = 0): (paper: Paper, row: number) => Why {
  const sourceSide = whySource(source, sentencesFrom, idf);
  return (paper, row) => {
    // The title has no sentences of its own: the sentences compared are the abstract's.
    const parts = [analyzedTitle(paper.title), analyzedAbstract(paper.abstract)];
    const shared = parts.map((part) => sharedWords(part, sourceSide));
    const why: Why = { signals: signalsOf(row, lists), terms: sharedTerms(parts, shared, sourceSide) };
    const sentence = bestSentencePair(parts[1], shared[1].hits, sourceSide);
    if (sentence) why.sentence = sentence;
    return why;
  };
}
