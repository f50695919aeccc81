/**
 * @file Long queries at scale, in-process on a built index: (1) self-retrieval: for 200 random
 * papers, the whole abstract as the query (what POST /api/search receives) must find the paper
 * itself first; (2) the time of each request without `why` (search, results and snippets: the
 * body before `why`, written as JSON) and of its `why` (explaining, and the longer JSON),
 * measured back to back in the same request, so the load
 * of a shared machine weighs on both alike, in CPU time (process.cpuUsage), which other jobs'
 * load barely moves. Each mode runs its requests twice: first with no abstract analyzed yet
 * (each request reads its results' abstracts for their snippets, and `why` reuses them), then
 * again with every abstract analyzed (analyzedTexts.ts); (3) BM25 on 2,000-word drafts.
 * Run: `npm run build:ts && node dist/bench/longQueries.js <index folder>`.
 */
import { createSearchEngine, searchPapers, type SearchEngine, type SearchMode } from '../search/engine.js';
import { loadIndex } from '../search/loadIndex.js';
import { forgetAnalyzedTexts } from '../search/analyzedTexts.js';
import { analyzeQuery } from '../search/snippet.js';
import { explainer } from '../search/why.js';
import { whyView } from '../server/searchResponse.js';
import { resultView } from '../server/views.js';
import { createSeededRandom } from '../util/random.js';
import { describeMachine } from '../report/machine.js';
import { quantile } from './report.js';

const SAMPLE = 200;
const DRAFTS = 50;
const DRAFT_WORDS = 2000;
const K = 10;
const WARM_UP = 50;

/** `count` distinct rows of `total`, drawn with a fixed seed. */
function sampleRows(total: number, count: number, seed: number): number[] {
  const random = createSeededRandom(seed);
  const rows = new Set<number>();
  while (rows.size < Math.min(count, total)) rows.add(Math.floor(random.uniform() * total));
  return [...rows];
}

function describe(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  return `p50 ${quantile(sorted, 0.5).toFixed(2)} ms, p90 ${quantile(sorted, 0.9).toFixed(2)} ms, p95 ${quantile(sorted, 0.95).toFixed(2)} ms, p99 ${quantile(sorted, 0.99).toFixed(2)} ms`;
}

/** CPU time of this process so far, in ms: unlike wall time, it barely moves with other jobs' load. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * One request's parts, timed back to back in CPU time: the search and the results with
 * snippets written as JSON (the body without `why`), then `why` added to each result (as the
 * server rounds it) and the body written again; `why` costs the difference.
 */
async function timedRequest(engine: SearchEngine, q: string, mode: SearchMode): Promise<{ base: number; why: number; top: string | undefined }> {
  const t0 = cpuMs();
  const outcome = await searchPapers(engine, { q, k: K, mode });
  const terms = analyzeQuery(q);
  const views = outcome.results.map((r) => resultView(engine.index, r, terms));
  const t1 = cpuMs();
  JSON.stringify({ results: views });
  const t2 = cpuMs();
  const explain = explainer(q, outcome.lists, (term) => engine.index.bm25.idf(term));
  const results = outcome.results.map((r, i) => ({ ...views[i], why: whyView(explain(engine.index.papers[r.row], r.row)) }));
  JSON.stringify({ results });
  const t3 = cpuMs();
  return { base: t2 - t0, why: t3 - t2 - (t2 - t1), top: views[0]?.id };
}

/** The time of each request without and with `why`, and how many found the query's own paper first. */
async function timeRequests(engine: SearchEngine, mode: SearchMode, rows: number[], queryOf: (row: number) => string): Promise<{ first: number; report: string }> {
  const without: number[] = [];
  const withWhy: number[] = [];
  const shares: number[] = [];
  let first = 0;
  for (const row of rows) {
    const { base, why, top } = await timedRequest(engine, queryOf(row), mode);
    without.push(base);
    withWhy.push(base + why);
    shares.push(why / base);
    if (top === engine.index.papers[row].id) first++;
  }
  const median = (t: number[]) => quantile([...t].sort((a, b) => a - b), 0.5);
  const whyTotal = withWhy.reduce((a, b) => a + b, 0) / without.reduce((a, b) => a + b, 0) - 1;
  const report = `CPU time without why: ${describe(without)}\n    CPU time with why:    ${describe(withWhy)}\n    why / rest of the request: median per request +${(100 * median(shares)).toFixed(0)}%, in total +${(100 * whyTotal).toFixed(0)}%`;
  return { first, report };
}

/** Self-retrieval, and the time of a request without and with `why` (no abstract analyzed yet, then all), for queries made by `queryOf`. */
async function runSet(engine: SearchEngine, name: string, rows: number[], queryOf: (row: number) => string): Promise<void> {
  // Other queries first, so the first mode timed does not pay for compiling the code.
  await timeRequests(engine, 'hybrid', sampleRows(engine.index.papers.length, WARM_UP, 44), queryOf);
  for (const mode of ['lexical', 'hybrid', 'semantic'] as SearchMode[]) {
    forgetAnalyzedTexts();
    const cold = await timeRequests(engine, mode, rows, queryOf);
    const warm = await timeRequests(engine, mode, rows, queryOf);
    process.stdout.write(`${name} · ${mode}: paper itself first ${cold.first}/${rows.length} (${((100 * cold.first) / rows.length).toFixed(1)}%)\n`);
    process.stdout.write(`  abstracts not yet analyzed:\n    ${cold.report}\n  abstracts analyzed:\n    ${warm.report}\n`);
  }
}

/** BM25 alone on drafts of DRAFT_WORDS words: runs of consecutive abstracts. */
function draftLatency(engine: SearchEngine): void {
  const papers = engine.index.papers;
  const times: number[] = [];
  for (const start of sampleRows(papers.length, DRAFTS, 7)) {
    const words: string[] = [];
    for (let row = start; words.length < DRAFT_WORDS; row = (row + 1) % papers.length) words.push(...papers[row].abstract.split(/\s+/));
    const draft = words.slice(0, DRAFT_WORDS).join(' ');
    const t = cpuMs();
    engine.index.bm25.search(draft, 100);
    times.push(cpuMs() - t);
  }
  process.stdout.write(`BM25 on ${DRAFTS} drafts of ${DRAFT_WORDS} words (top 100), CPU time: ${describe(times)}\n`);
}

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: node dist/bench/longQueries.js <index folder>');
  const engine = createSearchEngine(await loadIndex(dir), { cacheSize: 0 });
  const rows = sampleRows(engine.index.papers.length, SAMPLE, 42);
  process.stdout.write(`${engine.index.papers.length} papers, ${engine.index.manifest.embedder.kind} embedder\n`);
  draftLatency(engine);
  await runSet(engine, 'whole abstract', rows, (row) => engine.index.papers[row].abstract);
  await runSet(engine, 'title', sampleRows(engine.index.papers.length, SAMPLE, 43), (row) => engine.index.papers[row].title);
  process.stdout.write(`${JSON.stringify(describeMachine())}\n`);
}

await main();
