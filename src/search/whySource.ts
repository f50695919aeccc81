/**
 * @file The query's or source paper's side of `why`, prepared once per request so that each
 * word of a result costs a typed-array read, and a hash lookup for the few that pass: every stem of the source with the source sentences
 * holding it and its weight (BM25 idf, looked up the first time a result shares the stem, since
 * a pasted abstract has ~100 stems and a lookup walks BM25's sorted vocabulary) and the stems
 * that follow it in the source's two-word phrases.
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
  /** The source's stems that follow it directly in a two-word phrase ("optimal" → "transport"). */
  followedBy: Set<SourceStem>;
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

/** A word of a text (its index in the text's words) whose stem the source has, with the source's entry for it. */
export interface SharedWord {
  word: number;
  entry: SourceStem;
}

export interface WhySource {
  view: WhyText;
  /**
   * The words of `text` whose stems the source has, in order, found by their hashes
   * (WhyText.keys). Most words of a result are not in the source: one slot of a filter by key
   * rules each of them out.
   */
  sharedWordsOf(text: WhyText): SharedWord[];
  weightOf(entry: SourceStem): number;
  /** A new number for each visit of a result's sentence, or of its words for terms. */
  visit(): number;
}

/**
 * The source side of `why` for `text`, its sentences from `sentencesFrom` on.
 * @example whySource('Optimal transport. Sinkhorn.', 0, idf).sharedWordsOf(whyText('Sinkhorn')) // => [{ word: 0, entry: { stem: 'sinkhorn', sentences: [1], … } }]
 * @param idf  an analyzed term's weight (BM25's idf)
 */
export function whySource(text: string, sentencesFrom: number, idf: (stem: string) => number): WhySource {
  const view = analyzedQuery(text, sentencesFrom);
  const stems = new Map<string, SourceStem>([...view.stems].map((stem) => [stem, { stem, ...stemHashes(stem), sentences: [], followedBy: new Set() }]));
  view.sentences.forEach((sentence, j) => {
    for (const stem of sentence.stems) stems.get(stem)!.sentences.push(j);
  });
  view.words.forEach((word, i) => word.joinsPrevious && stems.get(view.words[i - 1].stem)!.followedBy.add(stems.get(word.stem)!));
  const filter = new Uint8Array(FILTER_SLOTS);
  const byKey = new Map<number, SourceStem>();
  for (const entry of stems.values()) {
    filter[entry.key & (FILTER_SLOTS - 1)] = 1;
    entry.sameKey = byKey.get(entry.key);
    byKey.set(entry.key, entry);
  }
  const sharedWordsOf = ({ keys, checks }: WhyText) => {
    const shared: SharedWord[] = [];
    for (let word = 0; word < keys.length; word++) {
      if (filter[keys[word] & (FILTER_SLOTS - 1)] === 0) continue;
      let entry = byKey.get(keys[word]);
      while (entry && entry.check !== checks[word]) entry = entry.sameKey;
      if (entry) shared.push({ word, entry });
    }
    return shared;
  };
  const weightOf = (entry: SourceStem) => (entry.weight ??= idf(entry.stem));
  let visits = 0;
  return { view, sharedWordsOf, weightOf, visit: () => ++visits };
}
