/**
 * @file The search stage's public surface: load an index, build an engine over it,
 * search it in three modes, find similar papers, and score rankings.
 */
export { loadIndex, type LoadedIndex, type LoadOptions } from './loadIndex.js';
export { createSearchEngine, searchPapers, SEARCH_MODES, type SearchEngine, type SearchMode, type SearchOutcome, type SearchRequest } from './engine.js';
export { similarPapers, type RankedRow } from './semantic.js';
export type { MapPoint } from './point.js';
export { clusterOf } from './clusters.js';
export { binaryQrels, evaluateRuns, ndcgAtK, recallAtK, type EvalSummary, type JudgedRun, type Qrels } from './evaluate.js';
