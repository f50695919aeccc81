/**
 * @file The query's or source paper's side of `why`, prepared once per request so that each
 * result costs one hash lookup per word: every stem of the source with the source sentences
 * holding it and its weight (BM25 idf, looked up the first time a result shares the stem, since
 * a pasted abstract has ~100 stems and a lookup walks BM25's sorted vocabulary), and the
 * source's two-word phrases.
 */
import { analyzedQuery } from './analyzedTexts.js';
import { phrasePairs, type WhyText } from './whyText.js';

/** A stem of the source. */
export interface SourceStem {
  stem: string;
  /** Indexes into the source's sentences of those holding the stem, ascending. */
  sentences: number[];
  /** Its idf, once looked up. */
  weight?: number;
  /** The visit (WhySource.visit) of the result sentence that last counted it, so each sentence counts it once. */
  seenIn?: number;
}

export interface WhySource {
  view: WhyText;
  /** "stemA stemB" (pairKey) of each two-word phrase of the source. */
  pairs: ReadonlySet<string>;
  stems: ReadonlyMap<string, SourceStem>;
  weightOf(entry: SourceStem): number;
  /** A new number for each visit of a result sentence. */
  visit(): number;
}

/**
 * The source side of `why` for `text`, its sentences from `sentencesFrom` on.
 * @example whySource('Optimal transport. Sinkhorn.', 0, idf).stems.get('sinkhorn') // => { stem: 'sinkhorn', sentences: [1] }
 * @param idf  an analyzed term's weight (BM25's idf)
 */
export function whySource(text: string, sentencesFrom: number, idf: (stem: string) => number): WhySource {
  const view = analyzedQuery(text, sentencesFrom);
  const stems = new Map<string, SourceStem>([...view.stems].map((stem) => [stem, { stem, sentences: [] }]));
  view.sentences.forEach((sentence, j) => {
    for (const stem of sentence.stems) stems.get(stem)!.sentences.push(j);
  });
  const weightOf = (entry: SourceStem) => (entry.weight ??= idf(entry.stem));
  let visits = 0;
  return { view, pairs: phrasePairs(view), stems, weightOf, visit: () => ++visits };
}
