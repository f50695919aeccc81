/**
 * @file Picks the sentence of an abstract that best matches a query, shown under each
 * search result: the sentence holding the most distinct query terms (analyzed as BM25
 * analyzes them), the earlier one on ties, the first when none matches. Only sentences that
 * start in an abstract's first SNIPPET_SCAN_CHARS characters are candidates. The abstract is
 * read into sentences once for the snippet and the result's `why` (analyzedTexts.ts).
 */
import { SNIPPET_SCAN_CHARS } from '../config.js';
import { analyzedAbstract, analyzedQuery } from './analyzedTexts.js';

/** Longest snippet; a longer sentence is cut at a word boundary and ends with "…". */
export const SNIPPET_MAX_CHARS = 300;

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
  const { sentences } = analyzedAbstract(abstract);
  if (sentences.length === 0) return '';
  let best = sentences[0];
  let bestHits = 0;
  for (const sentence of sentences) {
    if (sentence.start >= SNIPPET_SCAN_CHARS) break;
    let hits = 0;
    for (const term of queryTerms) if (sentence.stems.has(term)) hits++;
    if (hits > bestHits) {
      best = sentence;
      bestHits = hits;
    }
  }
  return shorten(best.text, max);
}

/** The distinct analyzed terms of a query, for bestSnippet (read once for them and the results' `why`). */
export function analyzeQuery(query: string): ReadonlySet<string> {
  return analyzedQuery(query).stems;
}
