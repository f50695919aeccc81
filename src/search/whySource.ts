/**
 * @file The query's or source paper's side of `why`, prepared once per request so that each
 * result costs one hash lookup per word: every stem of the source with the source sentences
 * holding it and its weight (BM25 idf, looked up the first time a result shares the stem, since
 * a pasted abstract has ~100 stems and a lookup walks BM25's sorted vocabulary) and the stems
 * that follow it in the source's two-word phrases.
 */
import { analyzedQuery } from './analyzedTexts.js';
import type { WhyText } from './whyText.js';

/** A stem of the source. */
export interface SourceStem {
  stem: string;
  /** Indexes into the source's sentences of those holding the stem, ascending. */
  sentences: number[];
  /** The source's stems that follow it directly in a two-word phrase ("optimal" → "transport"). */
  followedBy: Set<SourceStem>;
  /** Its idf, once looked up. */
  weight?: number;
  /** The last visit (WhySource.visit) of a result's sentence or words that counted it, so each counts it once. */
  seenIn?: number;
}

export interface WhySource {
  view: WhyText;
  stems: ReadonlyMap<string, SourceStem>;
  weightOf(entry: SourceStem): number;
  /** A new number for each visit of a result's sentence, or of its words for terms. */
  visit(): number;
}

/**
 * The source side of `why` for `text`, its sentences from `sentencesFrom` on.
 * @example whySource('Optimal transport. Sinkhorn.', 0, idf).stems.get('sinkhorn') // => { stem: 'sinkhorn', sentences: [1] }
 * @param idf  an analyzed term's weight (BM25's idf)
 */
export function whySource(text: string, sentencesFrom: number, idf: (stem: string) => number): WhySource {
  const view = analyzedQuery(text, sentencesFrom);
  const stems = new Map<string, SourceStem>([...view.stems].map((stem) => [stem, { stem, sentences: [], followedBy: new Set() }]));
  view.sentences.forEach((sentence, j) => {
    for (const stem of sentence.stems) stems.get(stem)!.sentences.push(j);
  });
  view.words.forEach((word, i) => word.joinsPrevious && stems.get(view.words[i - 1].stem)!.followedBy.add(stems.get(word.stem)!));
  const weightOf = (entry: SourceStem) => (entry.weight ??= idf(entry.stem));
  let visits = 0;
  return { view, stems, weightOf, visit: () => ++visits };
}
