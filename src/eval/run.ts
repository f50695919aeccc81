/**
 * @file `paperscope eval`: builds an index of a BEIR-layout benchmark's corpus in a temporary
 * folder (removed afterwards), runs every judged query through searchPapers, the server's own
 * search code, in each mode, and reports the mean retrieval figures and the timings.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describeMachine, type Machine } from '../report/machine.js';
import { buildIndex } from '../pipeline/buildIndex.js';
import { silentReporter, type Reporter } from '../report/reporter.js';
import type { EmbedderChoice } from '../embed/embedder.js';
import type { EmbedderInfo } from '../embed/types.js';
import { createSearchEngine, SEARCH_MODES, searchPapers, type SearchEngine, type SearchMode } from '../search/engine.js';
import { loadIndex } from '../search/loadIndex.js';
import { copyBeirCorpus, locateBeirFiles, readBeirQueries, readQrels, type BeirFileNames, type BeirFiles, type QrelsByQuery } from './beir.js';
import { EVAL_DEPTH, meanMetrics, scoreRanking, type RetrievalMetrics } from './metrics.js';

export interface EvalOptions {
  /** The BEIR-layout folder. */
  dir: string;
  files?: BeirFileNames;
  embedder?: EmbedderChoice;
  model?: string;
  modelsDir?: string;
  offline?: boolean;
  quantized?: boolean;
  /** Modes to run, in this order (default: lexical, semantic, hybrid). */
  modes?: readonly SearchMode[];
  /** Drop a result whose id is the query's own id, as BEIR's evaluation does by default. */
  ignoreIdenticalIds?: boolean;
  reporter?: Reporter;
}

/** One judged query: its text and its relevance judgements. */
interface JudgedQuery {
  id: string;
  text: string;
  qrels: Map<string, number>;
}

export interface ModeResult extends RetrievalMetrics {
  mode: SearchMode;
  queries: number;
  seconds: number;
  queriesPerSecond: number;
}

export interface EvalReport {
  dir: string;
  files: BeirFiles;
  documents: number;
  /** Papers in the index: the documents less any duplicate ids merged by the corpus reader. */
  indexed: number;
  /** Documents without a title or a text (indexed with a placeholder). */
  untitled: number;
  textless: number;
  /** Queries run: in the queries file and judged relevant to at least one document. */
  queries: number;
  /** Judged queries missing from the queries file, and queries with no relevant judgement. */
  skippedQueries: { notInQueriesFile: number; noRelevantDocument: number };
  /** Relevant judgements naming a document the corpus does not have (they count against recall). */
  missingDocuments: number;
  embedder: EmbedderInfo;
  build: { seconds: number; stages: Record<string, number> };
  loadSeconds: number;
  modes: ModeResult[];
  machine: Machine;
}

/** Modes in the order they are run and printed when none are chosen. */
export const DEFAULT_EVAL_MODES: readonly SearchMode[] = Object.freeze(['lexical', 'semantic', 'hybrid']);

/** Corpus warnings shown in full; the rest are counted. */
const SHOWN_CORPUS_WARNINGS = 5;

/** Queries in the queries file that have at least one relevant judgement, in file order. */
function judgedQueries(queries: Map<string, string>, qrels: QrelsByQuery): { judged: JudgedQuery[]; skipped: EvalReport['skippedQueries'] } {
  const judged: JudgedQuery[] = [];
  let noRelevantDocument = 0;
  for (const [id, text] of queries) {
    const grades = qrels.get(id);
    if (!grades) continue;
    if ([...grades.values()].some((g) => g > 0)) judged.push({ id, text, qrels: grades });
    else noRelevantDocument++;
  }
  const notInQueriesFile = [...qrels.keys()].filter((id) => !queries.has(id)).length;
  return { judged, skipped: { notInQueriesFile, noRelevantDocument } };
}

/**
 * Passes a build's messages on, but shows only the first few corpus warnings (a benchmark
 * corpus can have thousands of same-titled documents) and names the benchmark's own file.
 */
function corpusWarningsShortened(reporter: Reporter, copy: string, original: string): Reporter & { finish(): void } {
  let corpusWarnings = 0;
  return {
    info: (message) => reporter.info(message.replaceAll(copy, original)),
    progress: (stage, done, total) => reporter.progress(stage, done, total),
    warn(message) {
      if (!message.startsWith(copy)) return reporter.warn(message);
      if (++corpusWarnings <= SHOWN_CORPUS_WARNINGS) reporter.warn(original + message.slice(copy.length));
    },
    finish() {
      const more = corpusWarnings - SHOWN_CORPUS_WARNINGS;
      if (more > 0) reporter.warn(`${original}: ${more} more corpus warnings like these`);
    },
  };
}

/** Runs every query in one mode: the mean figures, and queries per second of wall time. */
async function runMode(engine: SearchEngine, queries: JudgedQuery[], mode: SearchMode, opts: EvalOptions): Promise<ModeResult> {
  const reporter = opts.reporter ?? silentReporter;
  const ignoreIdentical = opts.ignoreIdenticalIds ?? true;
  const perQuery: RetrievalMetrics[] = [];
  reporter.progress(`${mode} queries`, 0, queries.length);
  const start = performance.now();
  for (const query of queries) {
    const { results } = await searchPapers(engine, { q: query.text, k: EVAL_DEPTH, mode });
    const ranking = results.map(({ row }) => engine.index.papers[row].id).filter((id) => !ignoreIdentical || id !== query.id);
    perQuery.push(scoreRanking(ranking, query.qrels));
    if (perQuery.length % 50 === 0 || perQuery.length === queries.length) reporter.progress(`${mode} queries`, perQuery.length, queries.length);
  }
  const seconds = (performance.now() - start) / 1000;
  return { mode, queries: queries.length, ...meanMetrics(perQuery), seconds, queriesPerSecond: queries.length / seconds };
}

function checkModes(modes: readonly string[]): SearchMode[] {
  const bad = modes.filter((m) => !(SEARCH_MODES as readonly string[]).includes(m));
  if (bad.length > 0 || modes.length === 0) throw new Error(`eval: unknown mode "${bad[0] ?? ''}": must be some of ${SEARCH_MODES.join(', ')}`);
  return [...new Set(modes)] as SearchMode[];
}

/**
 * Evaluates paperscope's search on a BEIR-layout benchmark folder.
 * @example const report = await runEval({ dir: 'data/scifact', files: { queries: 'queries-train.jsonl' }, embedder: 'lexical' })
 * // => report.modes[0] = { mode: 'lexical', ndcg10: 0.689, recall10: 0.81, recall100: 0.924, mrr10: 0.65, … }
 */
export async function runEval(opts: EvalOptions): Promise<EvalReport> {
  const modes = checkModes(opts.modes ?? DEFAULT_EVAL_MODES);
  const reporter = opts.reporter ?? silentReporter;
  const files = await locateBeirFiles(opts.dir, opts.files);
  const [queries, qrels] = await Promise.all([readBeirQueries(files.queries), readQrels(files.qrels)]);
  const { judged, skipped } = judgedQueries(queries, qrels);
  if (judged.length === 0) throw new Error(`eval: no query in ${files.queries} has a relevant judgement in ${files.qrels}`);
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'paperscope-eval-'));
  try {
    const corpus = path.join(work, 'corpus.jsonl');
    const copy = await copyBeirCorpus(files.corpus, corpus);
    const buildReporter = corpusWarningsShortened(reporter, corpus, files.corpus);
    const buildStart = performance.now();
    const built = await buildIndex({
      corpus, out: path.join(work, 'index'), format: 'jsonl', reporter: buildReporter,
      embedder: opts.embedder, model: opts.model, modelsDir: opts.modelsDir, offline: opts.offline, quantized: opts.quantized,
    });
    const buildSeconds = (performance.now() - buildStart) / 1000;
    buildReporter.finish();
    const loadStart = performance.now();
    const index = await loadIndex(path.join(work, 'index'), { modelsDir: opts.modelsDir });
    // No query cache: each mode embeds its own queries, so its queries/s are not flattered by an earlier mode.
    const engine = createSearchEngine(index, { cacheSize: 0 });
    const loadSeconds = (performance.now() - loadStart) / 1000;
    const ids = new Set(index.papers.map((p) => p.id));
    const missingDocuments = judged.reduce((n, q) => n + [...q.qrels].filter(([doc, g]) => g > 0 && !ids.has(doc)).length, 0);
    const results: ModeResult[] = [];
    for (const mode of modes) results.push(await runMode(engine, judged, mode, opts));
    return {
      dir: opts.dir, files, documents: copy.documents, indexed: index.papers.length, untitled: copy.untitled, textless: copy.textless,
      queries: judged.length, skippedQueries: skipped, missingDocuments,
      embedder: built.manifest.embedder, build: { seconds: buildSeconds, stages: built.timings }, loadSeconds,
      modes: results, machine: describeMachine(),
    };
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}
