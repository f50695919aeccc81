/**
 * @file Chooses the terms a long query is ranked by. A pasted abstract holds a hundred or more
 * distinct terms, most of them common words ("method", "result") whose postings cover a large
 * share of the corpus: walking them all costs time and adds little but noise to the ranking.
 * The terms with the highest tf × idf weight carry the query's topic.
 */

/**
 * The positions of the `max` largest weights, in their original order (all positions when
 * there are at most `max`); ties go to the earlier position.
 * @example mostDistinctive([0.5, 3, 1, 2], 2) // => [1, 3]
 * @param weights  each query term's tf × idf
 */
export function mostDistinctive(weights: readonly number[], max: number): number[] {
  const positions = weights.map((_, i) => i);
  if (weights.length <= max) return positions;
  return positions
    .sort((a, b) => weights[b] - weights[a] || a - b)
    .slice(0, max)
    .sort((a, b) => a - b);
}
