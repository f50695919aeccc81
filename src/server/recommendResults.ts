/**
 * @file The results of GET /api/recommend with their `why` (API.md "Version 2 additions"). A
 * recommendation comes from all the positive examples at once, so each result is explained
 * against the positive example nearest it (highest cosine of the two papers' vectors), named in
 * `why.example`: its terms and sentence tie the result to that paper, and its one signal is
 * its rank and score in the recommendation list, which ranks papers by closeness to a
 * direction in the embedding space (`semantic`).
 */
import { paperText } from '../corpus/text.js';
import type { RankedRow } from '../ranking/rankedRow.js';
import type { SearchEngine } from '../search/engine.js';
import type { LoadedIndex } from '../search/loadIndex.js';
import { cosineToRow } from '../search/semantic.js';
import { explainer, type Why } from '../search/why.js';
import type { RecommendResult } from './collectionShapes.js';
import { whyView } from './searchResponse.js';
import { resultView } from './views.js';

/** The row of `examples` whose vector is closest to `row`'s, the earliest on ties. */
export function nearestExample(index: LoadedIndex, row: number, examples: readonly number[]): number {
  const vector = index.vectors.subarray(row * index.dims, (row + 1) * index.dims);
  let best = examples[0];
  let bestScore = -Infinity;
  for (const example of examples) {
    const score = cosineToRow(index, vector, example);
    if (score > bestScore) [best, bestScore] = [example, score];
  }
  return best;
}

/**
 * The recommended `rows` as API.md gives them, each with `why` against its nearest positive example.
 * @example recommendedResults(engine, [{ row: 42, score: 0.61 }], [3, 17])[0].why.example // => the id of paper 3 or 17
 */
export function recommendedResults(engine: SearchEngine, rows: readonly RankedRow[], positives: readonly number[]): RecommendResult[] {
  const { index } = engine;
  const explainers = new Map<number, (paper: (typeof index.papers)[number], row: number) => Why>();
  const explainerFor = (example: number) => {
    let explain = explainers.get(example);
    if (!explain) {
      const text = paperText(index.papers[example]);
      explain = explainer(text, { semantic: rows }, (term) => index.bm25.idf(term), text.length - index.papers[example].abstract.length);
      explainers.set(example, explain);
    }
    return explain;
  };
  return rows.map((r) => {
    const example = nearestExample(index, r.row, positives);
    return { ...resultView(index, r), why: { ...whyView(explainerFor(example)(index.papers[r.row], r.row)), example: index.papers[example].id } };
  });
}
