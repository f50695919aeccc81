/**
 * @file Picks the sentence of an abstract that best matches a query, shown under each
 * search result: the sentence holding the most distinct query terms (analyzed as BM25
 * analyzes them), the earlier one on ties, the first when none matches. Only the start of
 * an abstract is searched (SNIPPET_SCAN_CHARS), so one result costs a few ms at most.
 */
import { SNIPPET_SCAN_CHARS } from '../config.js';
import { analyze } from '../text/tokenize.js';
import { LruCache } from './queryCache.js';

/** Longest snippet; a longer sentence is cut at a word boundary and ends with "…". */
export const SNIPPET_MAX_CHARS = 300;
/** Abstracts whose analyzed sentences are kept: splitting and stemming cost ~0.3 ms per abstract. */
const ANALYZED_CACHE_SIZE = 4096;

interface AnalyzedSentence {
  text: string;
  terms: ReadonlySet<string>;
}

const analyzedCache = new LruCache<string, AnalyzedSentence[]>(ANALYZED_CACHE_SIZE);

const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** The sentences of `text`, trimmed, empty ones dropped (ICU sentence rules, so "e.g. x" stays whole). */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  for (const { segment } of sentenceSegmenter.segment(text)) {
    const sentence = segment.trim();
    if (sentence) out.push(sentence);
  }
  return out;
}

function shorten(sentence: string, max: number): string {
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * The best-matching sentence of `abstract` for a query.
 * @example bestSnippet('We study bandits. Our regret bound is tight.', analyzeQuery('tight regret'))
 * // => 'Our regret bound is tight.'
 * @param queryTerms  the query's analyzed terms (see analyzeQuery)
 */
export function bestSnippet(abstract: string, queryTerms: ReadonlySet<string>, max = SNIPPET_MAX_CHARS): string {
  const sentences = analyzedSentences(abstract);
  if (sentences.length === 0) return '';
  let best = sentences[0];
  let bestHits = 0;
  if (queryTerms.size > 0) {
    for (const sentence of sentences) {
      let hits = 0;
      for (const term of queryTerms) if (sentence.terms.has(term)) hits++;
      if (hits > bestHits) {
        best = sentence;
        bestHits = hits;
      }
    }
  }
  return shorten(best.text, max);
}

/**
 * The sentences of `abstract`'s first SNIPPET_SCAN_CHARS characters with their analyzed terms
 * (cached: the same papers come up again and again). Sentence splitting grows with the square
 * of the text's length and runs on the event loop, so a huge abstract must not reach it whole.
 */
function analyzedSentences(abstract: string): AnalyzedSentence[] {
  const scanned = abstract.length > SNIPPET_SCAN_CHARS ? abstract.slice(0, SNIPPET_SCAN_CHARS) : abstract;
  let sentences = analyzedCache.get(scanned);
  if (!sentences) {
    sentences = splitSentences(scanned).map((text) => ({ text, terms: new Set(analyze(text)) }));
    analyzedCache.set(scanned, sentences);
  }
  return sentences;
}

/** The distinct analyzed terms of a query, for bestSnippet. */
export function analyzeQuery(query: string): Set<string> {
  return new Set(analyze(query));
}
