/**
 * @file Public surface of the evaluation stage: `paperscope eval` on BEIR-layout benchmarks.
 */
export { EvalError, locateBeirFiles, MISSING_TEXT, type BeirFileNames, type BeirFiles } from './beir.js';
export { EVAL_DEPTH, meanMetrics, METRIC_LABELS, mrrAtK, scoreRanking, type RetrievalMetrics } from './metrics.js';
export { DEFAULT_EVAL_MODES, runEval, type EvalOptions, type EvalReport, type ModeResult } from './run.js';
export { formatEvalReport } from './format.js';
