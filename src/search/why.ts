/**
 * @file `why` on a result (API.md, "Version 2 additions"): the fusion signals that ranked it,
 * the words and phrases it shares with the query or source paper, and its best-matching
 * sentence beside the query's or source's sentence it matches. Shared words weigh their BM25
 * idf, so "sinkhorn" outranks "method". The query side is analyzed once per request
 * (`explainer`), each result paper once per result, reading only the words that can match.
 */
import { WHY_TERMS } from '../config.js';
import type { Paper } from '../corpus/paper.js';
import { paperText } from '../corpus/text.js';
import type { RankedRow } from '../ranking/rankedRow.js';
import { pairKey, sharesPrefixWith, whyText, type WhyText } from './whyText.js';

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

/** A result paper's why-view against `source`: words from its title and abstract, sentences from its abstract. */
function paperWhyText(paper: Paper, source: WhyText): WhyText {
  const text = paperText(paper);
  // paperText is "title. abstract": the sentences are the abstract's.
  return whyText(text, text.length - paper.abstract.length, sharesPrefixWith(source));
}

interface Candidate {
  surface: string;
  stems: string[];
  weight: number;
}

/** True when `source` holds the words of `stems` one right after the other, as a phrase. */
function holdsPhrase(source: WhyText, stems: readonly string[]): boolean {
  return source.words.some((_, i) => stems.every((stem, j) => source.words[i + j]?.stem === stem && (j === 0 || source.words[i + j].joinsPrevious)));
}

/** The longest phrases of `paper` (up to MAX_PHRASE_WORDS words) whose every word pair `source` also holds as a phrase. */
function sharedPhrases(paper: WhyText, source: WhyText): { start: number; end: number }[] {
  const runs: { start: number; end: number }[] = [];
  let start = 0;
  paper.words.forEach((word, i) => {
    const continues = i > 0 && word.joinsPrevious && i - start < MAX_PHRASE_WORDS && source.pairs.has(pairKey(paper.words[i - 1].stem, word.stem));
    if (continues) return;
    if (i - start > 1) runs.push({ start, end: i });
    start = i;
  });
  if (paper.words.length - start > 1) runs.push({ start, end: paper.words.length });
  return runs;
}

/** The words and phrases of `paper` that `source` holds too, best (highest idf) first, one per stem. */
function sharedTerms(paper: WhyText, source: WhyText, weightOf: (stem: string) => number): string[] {
  const candidates = new Map<string, Candidate>();
  const offer = (key: string, candidate: Candidate) => candidate.weight > 0 && !candidates.has(key) && candidates.set(key, candidate);
  for (const { start, end } of sharedPhrases(paper, source)) {
    const stems = paper.words.slice(start, end).map((w) => w.stem);
    // Each pair of a longer phrase is in the source; the whole run must be too.
    if (new Set(stems).size < stems.length || (stems.length > 2 && !holdsPhrase(source, stems))) continue;
    const surface = paper.text.slice(paper.words[start].start, paper.words[end - 1].end);
    offer(stems.join(' '), { surface, stems, weight: stems.reduce((sum, s) => sum + weightOf(s), 0) });
  }
  for (const word of paper.words) {
    if (source.stems.has(word.stem)) offer(word.stem, { surface: word.surface, stems: [word.stem], weight: weightOf(word.stem) });
  }
  const covered = new Set<string>();
  const terms: string[] = [];
  for (const { surface, stems } of [...candidates.values()].sort((a, b) => b.weight - a.weight)) {
    if (terms.length === WHY_TERMS) break;
    if (stems.some((s) => covered.has(s))) continue;
    stems.forEach((s) => covered.add(s));
    terms.push(surface);
  }
  return terms;
}

/** The (paper sentence, source sentence) pair sharing the most idf weight; undefined when none shares a word. */
function bestSentencePair(paper: WhyText, source: WhyText, weightOf: (stem: string) => number): Why['sentence'] {
  let best: Why['sentence'];
  let bestWeight = 0;
  for (const mine of paper.sentences) {
    for (const theirs of source.sentences) {
      let weight = 0;
      const [small, large] = mine.stems.size <= theirs.stems.size ? [mine.stems, theirs.stems] : [theirs.stems, mine.stems];
      for (const s of small) if (large.has(s)) weight += weightOf(s);
      if (weight > bestWeight) {
        bestWeight = weight;
        best = { text: mine.text, match: theirs.text };
      }
    }
  }
  return best;
}

/** 1-based rank and score of `row` in each list that holds it. */
function signalsOf(row: number, ranks: Map<SignalName, Map<number, Signal>>): Why['signals'] {
  const signals: Why['signals'] = {};
  for (const [name, byRow] of ranks) {
    const signal = byRow.get(row);
    if (signal) signals[name] = signal;
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
  const sourceView = whyText(source, sentencesFrom);
  const weights = new Map([...sourceView.stems].map((s) => [s, idf(s)]));
  const weightOf = (s: string) => weights.get(s) ?? 0;
  const ranks = new Map<SignalName, Map<number, Signal>>();
  for (const [name, rows] of Object.entries(lists) as [SignalName, readonly RankedRow[] | undefined][]) {
    if (rows) ranks.set(name, new Map(rows.map(({ row, score }, i) => [row, { rank: i + 1, score }])));
  }
  return (paper, row) => {
    const paperView = paperWhyText(paper, sourceView);
    const why: Why = { signals: signalsOf(row, ranks), terms: sharedTerms(paperView, sourceView, weightOf) };
    const sentence = bestSentencePair(paperView, sourceView, weightOf);
    if (sentence) why.sentence = sentence;
    return why;
  };
}
