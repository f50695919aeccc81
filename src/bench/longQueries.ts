/**
 * @file Long queries at scale, in-process on a built index: (1) self-retrieval: for 200 random
 * papers, the whole abstract as the query (what POST /api/search receives) must find the paper
 * itself first; (2) latency of a search body without `why` (results and snippets, the body
 * before `why`) and with it, on the same queries; (3) BM25 on 2,000-word drafts.
 * Run: `npm run build:ts && node dist/bench/longQueries.js <index folder>`.
 */
import { createSearchEngine, searchPapers, type SearchEngine, type SearchMode } from '../search/engine.js';
import { loadIndex } from '../search/loadIndex.js';
import { analyzeQuery } from '../search/snippet.js';
import { searchBody } from '../server/searchResponse.js';
import { resultView } from '../server/views.js';
import { createSeededRandom } from '../util/random.js';
import { describeMachine } from '../report/machine.js';

const SAMPLE = 200;
const DRAFTS = 50;
const DRAFT_WORDS = 2000;
const K = 10;

/** `count` distinct rows of `total`, drawn with a fixed seed. */
function sampleRows(total: number, count: number, seed: number): number[] {
  const random = createSeededRandom(seed);
  const rows = new Set<number>();
  while (rows.size < Math.min(count, total)) rows.add(Math.floor(random.uniform() * total));
  return [...rows];
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function describe(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  return `p50 ${quantile(sorted, 0.5).toFixed(2)} ms, p90 ${quantile(sorted, 0.9).toFixed(2)} ms, p99 ${quantile(sorted, 0.99).toFixed(2)} ms`;
}

/** The body as it was before `why`: the search and each result's view with its snippet. */
async function bodyWithoutWhy(engine: SearchEngine, q: string, mode: SearchMode): Promise<number> {
  const start = performance.now();
  const outcome = await searchPapers(engine, { q, k: K, mode });
  const terms = analyzeQuery(q);
  JSON.stringify(outcome.results.map((r) => resultView(engine.index, r, terms)));
  return performance.now() - start;
}

async function bodyWithWhy(engine: SearchEngine, q: string, mode: SearchMode): Promise<{ ms: number; top: string | undefined }> {
  const start = performance.now();
  const body = await searchBody(engine, { q, k: K, mode });
  JSON.stringify(body);
  return { ms: performance.now() - start, top: body.results[0]?.id };
}

/** Self-retrieval and latency with and without `why`, for queries made by `queryOf`, alternating the order. */
async function runSet(engine: SearchEngine, name: string, rows: number[], queryOf: (row: number) => string): Promise<void> {
  for (const mode of ['lexical', 'hybrid', 'semantic'] as SearchMode[]) {
    const without: number[] = [];
    const withWhy: number[] = [];
    let first = 0;
    for (const [i, row] of rows.entries()) {
      const q = queryOf(row);
      // Alternate which body goes first, so neither always meets a warm cache of the other.
      if (i % 2 === 0) without.push(await bodyWithoutWhy(engine, q, mode));
      const { ms, top } = await bodyWithWhy(engine, q, mode);
      withWhy.push(ms);
      if (i % 2 === 1) without.push(await bodyWithoutWhy(engine, q, mode));
      if (top === engine.index.papers[row].id) first++;
    }
    const p50 = (t: number[]) => quantile([...t].sort((a, b) => a - b), 0.5);
    process.stdout.write(`${name} · ${mode}: paper itself first ${first}/${rows.length} (${((100 * first) / rows.length).toFixed(1)}%)\n`);
    process.stdout.write(`  without why: ${describe(without)}\n  with why:    ${describe(withWhy)}  (p50 ${(100 * (p50(withWhy) / p50(without) - 1)).toFixed(0)}%)\n`);
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
    const t = performance.now();
    engine.index.bm25.search(draft, 100);
    times.push(performance.now() - t);
  }
  process.stdout.write(`BM25 on ${DRAFTS} drafts of ${DRAFT_WORDS} words (top 100): ${describe(times)}\n`);
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
