/**
 * @file Texts read once into words with their stems and sentences with theirs (whyText) for
 * every use in a request: a result's abstract serves its snippet and its `why`, the query serves
 * the snippets' terms and `why`. The abstracts and titles asked for most recently are kept, so
 * a result seen again is not read again. Reading texts is most of what snippets and `why` cost;
 * sharing it leaves `why` only the comparison (docs/BENCHMARKS.md).
 */
import { ANALYZED_ABSTRACTS_CACHED, WHY_MAX_TEXT_CHARS } from '../config.js';
import { LruCache } from './queryCache.js';
import { whyText, type WhyText } from './whyText.js';

/** Queries kept: those of the requests in flight (a request reads its query twice, back to back). */
const QUERIES_CACHED = 16;

const abstracts = new LruCache<string, WhyText>(ANALYZED_ABSTRACTS_CACHED);
const titles = new LruCache<string, WhyText>(ANALYZED_ABSTRACTS_CACHED);
const queries = new LruCache<string, WhyText>(QUERIES_CACHED);

function cached(cache: LruCache<string, WhyText>, key: string, read: () => WhyText): WhyText {
  let view = cache.get(key);
  if (!view) {
    view = read();
    cache.set(key, view);
  }
  return view;
}

/**
 * The why-view of `abstract` (its first WHY_MAX_TEXT_CHARS characters), sentences from its start.
 * @example analyzedAbstract('We study bandits. Regret is tight.').sentences.map((s) => s.text)
 * // => ['We study bandits.', 'Regret is tight.']
 */
export function analyzedAbstract(abstract: string): WhyText {
  const text = abstract.length > WHY_MAX_TEXT_CHARS ? abstract.slice(0, WHY_MAX_TEXT_CHARS) : abstract;
  return cached(abstracts, text, () => whyText(text));
}

/** The why-view of a paper's `title`: its words only (the sentences `why` compares are the abstract's). */
export function analyzedTitle(title: string): WhyText {
  return cached(titles, title, () => whyText(title, title.length));
}

/**
 * The why-view of a query or source paper's text, its sentences from `sentencesFrom` on.
 * @example analyzedQuery('optimal transport').stems // => Set { 'optim', 'transport' }
 */
export function analyzedQuery(text: string, sentencesFrom = 0): WhyText {
  return cached(queries, `${sentencesFrom} ${text}`, () => whyText(text, sentencesFrom));
}

/** Forgets every analyzed text: a benchmark's requests then each read their results afresh. */
export function forgetAnalyzedTexts(): void {
  for (const cache of [abstracts, titles, queries]) cache.clear();
}
