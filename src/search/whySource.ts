/**
 * @file The query's or source paper's side of `why`, prepared once per request so that each
 * word of a result costs a typed-array read, and a hash lookup for the few that pass: every
 * stem of the source with the source sentences holding it and its weight (BM25 idf, looked up
 * the first time a result shares the stem, since a pasted abstract has ~100 stems and a lookup
 * walks BM25's sorted vocabulary), and the source's two-word phrases as pairs of stems.
 */
import { analyzedQuery } from './analyzedTexts.js';
import { stemHashes, type WhyText } from './whyText.js';

/** Slots of a source's stem filter, a power of two: a title's ~10 stems fill 0.2% of them, a 20,000-character draft's ~1,500 a third. */
const FILTER_SLOTS = 4096;

/** A stem of the source. */
export interface SourceStem {
  stem: string;
  /** Indexes into the source's sentences of those holding the stem, ascending. */
  sentences: number[];
  /** Its place among the source's stems. */
  index: number;
  /** Its hashes (WhyText.keys). */
  key: number;
  check: number;
  /** The source's next stem with the same `key` (another `check`). */
  sameKey?: SourceStem;
  /** Its idf, once looked up. */
  weight?: number;
  /** The last visit (WhySource.visit) of a result's sentence or words that counted it, so each counts it once. */
  seenIn?: number;
}

/** The words of a text whose stems the source has, in order: each one's index in the text's words, and the source's entry for its stem. */
export interface SharedWords {
  words: number[];
  entries: SourceStem[];
}

export interface WhySource {
  view: WhyText;
  /**
   * The words of `text` whose stems the source has, in order, found by their hashes
   * (WhyText.keys). Most words of a result are not in the source: one slot of a filter by key
   * rules each of them out.
   */
  sharedWordsOf(text: WhyText): SharedWords;
  /** True when the source has `first` directly followed by `second`, as a two-word phrase ("optimal" → "transport"). */
  follows(first: SourceStem, second: SourceStem): boolean;
  weightOf(entry: SourceStem): number;
  /** A new number for each visit of a result's sentence, or of its words for terms. */
  visit(): number;
}

/**
 * The source side of `why` for `text`, its sentences from `sentencesFrom` on.
 * @example whySource('Optimal transport. Sinkhorn.', 0, idf).sharedWordsOf(whyText('Sinkhorn')) // => { words: [0], entries: [{ stem: 'sinkhorn', sentences: [1], … }] }
 * @param idf  an analyzed term's weight (BM25's idf)
 */
export function whySource(text: string, sentencesFrom: number, idf: (stem: string) => number): WhySource {
  const view = analyzedQuery(text, sentencesFrom);
  const stems = new Map<string, SourceStem>([...view.stems].map((stem, index) => [stem, { stem, index, ...stemHashes(stem), sentences: [] }]));
  view.sentences.forEach((sentence, j) => {
    for (const stem of sentence.stems) stems.get(stem)!.sentences.push(j);
  });
  const pairKey = (first: SourceStem, second: SourceStem) => first.index * stems.size + second.index;
  const pairs = new Set<number>();
  view.words.forEach((word, i) => word.joinsPrevious && pairs.add(pairKey(stems.get(view.words[i - 1].stem)!, stems.get(word.stem)!)));
  const filter = new Uint8Array(FILTER_SLOTS);
  const byKey = new Map<number, SourceStem>();
  for (const entry of stems.values()) {
    filter[entry.key & (FILTER_SLOTS - 1)] = 1;
    entry.sameKey = byKey.get(entry.key);
    byKey.set(entry.key, entry);
  }
  const sharedWordsOf = ({ keys, checks }: WhyText) => {
    const shared: SharedWords = { words: [], entries: [] };
    for (let word = 0; word < keys.length; word++) {
      if (filter[keys[word] & (FILTER_SLOTS - 1)] === 0) continue;
      let entry = byKey.get(keys[word]);
      while (entry && entry.check !== checks[word]) entry = entry.sameKey;
      if (entry) {
        shared.words.push(word);
        shared.entries.push(entry);
      }
    }
    return shared;
  };
  const weightOf = (entry: SourceStem) => (entry.weight ??= idf(entry.stem));
  let visits = 0;
  const follows = (first: SourceStem, second: SourceStem) => pairs.has(pairKey(first, second));
  return { view, sharedWordsOf, follows, weightOf, visit: () => ++visits };
}
