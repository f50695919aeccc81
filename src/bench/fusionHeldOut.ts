/**
 * @file Hybrid fusion on data it was not tuned on. Tuning sets (the fusion was chosen on them):
 * five folds of SciFact train (queries by position mod 5), the two halves of the demo queries,
 * and paraphrases of the demo queries written without reading the papers
 * (data/queries/demo-paraphrases.json). Held-out set, scored only after the choice was
 * committed: plain-English questions on the demo topics (data/queries/demo-questions.json).
 * For each set and embedder (the LSA fallback and the generated tiny model), nDCG@10 of each
 * part, of hybrid's fusion, of the fusion it replaced and of plain RRF, from the same two
 * top-100 lists per query, and hybrid's difference from the better part on that set with its
 * 95% paired bootstrap interval: hybrid ties its better part where the interval reaches 0
 * (src/eval/pairedInterval.ts). Then the other candidate fusions (fusionCandidates.ts) on the
 * tuning sets, and per fusion how many tuning sets it is below its better part on.
 * Run: `npm run build:ts && node dist/bench/fusionHeldOut.js [scifact folder]` (default SHARED_DATA_DIR/scifact).
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildIndex, type BuildOptions } from '../pipeline/buildIndex.js';
import { DEFAULT_CORPUS, FUSION_DEPTH, PROJECT_ROOT, SHARED_DATA_DIR } from '../config.js';
import { generateNamedTestModel } from '../testmodel/generate.js';
import { copyBeirCorpus, locateBeirFiles, readBeirQueries, readQrels } from '../eval/beir.js';
import { createSearchEngine, type SearchEngine } from '../search/engine.js';
import { ndcgAtK, type Qrels } from '../eval/judgements.js';
import { pairedInterval } from '../eval/pairedInterval.js';
import { fuseRankings, fuseScores } from '../search/hybrid.js';
import { loadIndex } from '../search/loadIndex.js';
import { CANDIDATES, previousHybrid, type Fusion } from './fusionCandidates.js';
import { nearestRows } from '../search/semantic.js';
import { describeMachine } from '../report/machine.js';

interface Judged {
  text: string;
  qrels: Qrels;
  /** Dropped from its own ranking (BEIR leaves a query's own document out). */
  selfId?: string;
}

/** Each fusion the bench scores; the parts are the two lists themselves. */
const FUSIONS: Record<string, Fusion> = {
  semantic: ({ semantic }) => [...semantic],
  lexical: ({ lexical }) => [...lexical],
  hybrid: (lists, k) => fuseScores(lists, k),
  previous: previousHybrid,
  rrf: (lists, k) => fuseRankings([{ rows: lists.semantic }, { rows: lists.lexical }], k),
  ...CANDIDATES,
};
type Method = string;
/** The methods of the main table, which alone are scored on the held-out set. */
const METHODS: Method[] = ['semantic', 'lexical', 'hybrid', 'previous', 'rrf'];
/** The main table's column names. */
const LABELS: Record<Method, string> = { semantic: 'semantic', lexical: 'BM25', hybrid: 'hybrid', previous: 'previous hybrid (0.25 × √agreement)', rrf: 'RRF' };
const CANDIDATE_NAMES = Object.keys(CANDIDATES);
/** The fusions whose differences from the better part the summary sums up. */
const SUMMARIZED: Method[] = ['hybrid', 'previous', 'rrf', ...CANDIDATE_NAMES];
const K = 10;
const SCIFACT = process.argv[2] ?? path.join(SHARED_DATA_DIR, 'scifact');

/** nDCG@10 of each of `methods` on each of `queries`, in order. */
async function score(engine: SearchEngine, queries: readonly Judged[], methods: readonly Method[]): Promise<Record<Method, number[]>> {
  const perQuery = Object.fromEntries(methods.map((m) => [m, [] as number[]]));
  for (const q of queries) {
    const semantic = nearestRows(engine.index, await engine.queries.embed(q.text), FUSION_DEPTH, { candidates: FUSION_DEPTH });
    const lexical = engine.index.bm25.search(q.text, FUSION_DEPTH);
    for (const method of methods) {
      const ranking = FUSIONS[method]({ semantic, lexical }, FUSION_DEPTH).map(({ row }) => engine.index.papers[row].id).filter((id) => id !== q.selfId);
      perQuery[method].push(ndcgAtK(ranking, q.qrels, K));
    }
  }
  return perQuery;
}

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;

const signed = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(3)}`;

/** The per-query scores of the set's better part (by mean). */
const betterPart = (perQuery: Record<Method, number[]>) => (mean(perQuery.semantic) > mean(perQuery.lexical) ? perQuery.semantic : perQuery.lexical);

/** A fusion's mean difference from the set's better part. */
const meanGap = (perQuery: Record<Method, number[]>, method: Method) => mean(perQuery[method]) - mean(betterPart(perQuery));

/** A fusion's mean difference from the set's better part, with its 95% interval and verdict. */
function againstBetterPart(perQuery: Record<Method, number[]>, method: Method): { gap: string; verdict: string } {
  const better = betterPart(perQuery);
  const { mean: gap, low, high } = pairedInterval(perQuery[method].map((h, i) => h - better[i]));
  return { gap: `${signed(gap)} [${signed(low)}, ${signed(high)}]`, verdict: gap >= 0 ? 'at least the better part' : high >= 0 ? 'tie' : 'below' };
}

/** One table row's figures: each method's nDCG@10, then hybrid minus the better part, its interval and verdict. */
function tableCells(perQuery: Record<Method, number[]>): string[] {
  const { gap, verdict } = againstBetterPart(perQuery, 'hybrid');
  return [...METHODS.map((m) => mean(perQuery[m]).toFixed(3)), gap, verdict];
}

/** A tuning set's row of the candidates' table: each candidate's nDCG@10 and its difference from the better part. */
const candidateCells = (perQuery: Record<Method, number[]>) => CANDIDATE_NAMES.map((c) => `${mean(perQuery[c]).toFixed(3)} (${signed(meanGap(perQuery, c))})`);

/** Per fusion over the tuning sets: on how many its mean falls below the better part's, the worst and the mean difference. */
function summary(gaps: Map<Method, number[]>): string {
  const rows = [...gaps].map(([m, g]) => `| ${LABELS[m] ?? m} | ${g.filter((x) => x < 0).length} of ${g.length} | ${signed(Math.min(...g))} | ${signed(mean(g))} |`);
  return `| fusion | tuning sets below the better part | worst difference | mean difference |\n| --- | --- | --- | --- |\n${rows.join('\n')}\n`;
}

interface JudgedSet {
  corpus: string;
  name: string;
  queries: Judged[];
  /** Scored only for the main table, after the fusion was chosen on the other sets. */
  heldOut?: boolean;
}

async function demoSets(): Promise<JudgedSet[]> {
  const read = async (file: string) => {
    const { queries } = JSON.parse(await fs.readFile(path.join(PROJECT_ROOT, 'data', 'queries', file), 'utf8')) as { queries: { query: string; relevant: Record<string, number> }[] };
    return queries.map((q) => ({ text: q.query, qrels: new Map(Object.entries(q.relevant)) }));
  };
  const demo = await read('demo-queries.json');
  return [
    { corpus: DEFAULT_CORPUS, name: 'demo queries, even', queries: demo.filter((_, i) => i % 2 === 0) },
    { corpus: DEFAULT_CORPUS, name: 'demo queries, odd', queries: demo.filter((_, i) => i % 2 === 1) },
    { corpus: DEFAULT_CORPUS, name: 'demo paraphrases', queries: await read('demo-paraphrases.json') },
    { corpus: DEFAULT_CORPUS, name: '**held out: demo questions**', queries: await read('demo-questions.json'), heldOut: true },
  ];
}

async function scifactSets(corpus: string): Promise<JudgedSet[]> {
  const files = await locateBeirFiles(SCIFACT, { queries: 'queries-train.jsonl' });
  const [queries, qrels] = await Promise.all([readBeirQueries(files.queries), readQrels(files.qrels)]);
  const judged = [...queries].filter(([id]) => [...(qrels.get(id)?.values() ?? [])].some((g) => g > 0)).map(([id, text]) => ({ text, qrels: qrels.get(id)!, selfId: id }));
  return [0, 1, 2, 3, 4].map((fold) => ({ corpus, name: `SciFact train, fold ${fold + 1}/5`, queries: judged.filter((_, i) => i % 5 === fold) }));
}

async function engineFor(options: Omit<BuildOptions, 'out'>, work: string, modelsDir?: string): Promise<SearchEngine> {
  const out = await fs.mkdtemp(path.join(work, 'index-'));
  await buildIndex({ ...options, out });
  return createSearchEngine(await loadIndex(out, { modelsDir }), { cacheSize: 0 });
}

const markdownHeader = (columns: readonly string[]) => `| ${columns.join(' | ')} |\n| ${columns.map(() => '---').join(' | ')} |\n`;

/** Prints the main table row by row, then the candidates on the tuning sets and the summary. */
async function report(embedders: Record<string, Omit<BuildOptions, 'out' | 'corpus'>>, sets: readonly JudgedSet[], work: string, modelsDir: string): Promise<void> {
  process.stdout.write(markdownHeader(['embedder', 'set', 'queries', ...METHODS.map((m) => LABELS[m]), 'hybrid − better part [95% interval]', 'hybrid']));
  const candidateRows: string[] = [];
  const gaps = new Map<Method, number[]>(SUMMARIZED.map((m) => [m, []]));
  for (const [label, options] of Object.entries(embedders)) {
    const engines = new Map<string, SearchEngine>();
    for (const { corpus, name, queries, heldOut } of sets) {
      if (!engines.has(corpus)) engines.set(corpus, await engineFor({ ...options, corpus, format: corpus.endsWith('.jsonl') ? 'jsonl' : undefined }, work, modelsDir));
      const perQuery = await score(engines.get(corpus)!, queries, heldOut ? METHODS : Object.keys(FUSIONS));
      process.stdout.write(`| ${label} | ${name} | ${queries.length} | ${tableCells(perQuery).join(' | ')} |\n`);
      if (heldOut) continue;
      candidateRows.push(`| ${label} | ${name} | ${candidateCells(perQuery).join(' | ')} |\n`);
      for (const [m, g] of gaps) g.push(meanGap(perQuery, m));
    }
  }
  process.stdout.write(`\nOther fusions on the tuning sets, nDCG@10 (minus the better part):\n${markdownHeader(['embedder', 'set', ...CANDIDATE_NAMES])}${candidateRows.join('')}`);
  process.stdout.write(`\n${summary(gaps)}`);
}

async function main(): Promise<void> {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'paperscope-fusion-'));
  try {
    const modelsDir = path.join(work, 'models');
    const { name: model } = await generateNamedTestModel({ modelsDir, preset: 'tiny' });
    const scifactCorpus = path.join(work, 'scifact.jsonl');
    await copyBeirCorpus((await locateBeirFiles(SCIFACT, { queries: 'queries-train.jsonl' })).corpus, scifactCorpus);
    const embedders = { lexical: { embedder: 'lexical' as const }, 'tiny model': { embedder: 'transformer' as const, model, modelsDir, offline: true } };
    await report(embedders, [...(await demoSets()), ...(await scifactSets(scifactCorpus))], work, modelsDir);
    process.stdout.write(`\n${JSON.stringify(describeMachine())}\n`);
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}

await main();
