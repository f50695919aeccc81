/**
 * @file Public surface of corpus ingest: read a corpus file (trending page, JSON Lines,
 * JSON array, CSV, arXiv snapshot; optionally gzipped) into Papers. Nothing else is exported.
 */
export type { Paper, PaperId } from './paper.js';
export { CorpusError, formatIssue, type CorpusIssue, type CorpusWarning } from './errors.js';
export { CORPUS_FORMATS, type CorpusFormat } from './detect.js';
export { parseCorpus, readCorpus, type CorpusOptions, type CorpusResult } from './parse.js';
export { paperIdFromTitle, paperText } from './text.js';
