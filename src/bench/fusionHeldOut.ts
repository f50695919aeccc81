/**
 * @file Hybrid fusion on data it was not tuned on: five folds of SciFact train (queries by
 * position mod 5), the two halves of the demo queries, and paraphrases of the demo queries
 * written without reading the papers (data/queries/demo-paraphrases.json). For each set and
 * embedder (the LSA fallback and the generated tiny model), nDCG@10 of each part, of the
 * hybrid fusion and of plain RRF, from the same two top-100 lists per query, and hybrid's
 * difference from the better part on that set with its 95% paired bootstrap interval: hybrid
 * ties its better part where the interval reaches 0 (src/eval/pairedInterval.ts).
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
import type { RankedRow } from '../ranking/rankedRow.js';
import { nearestRows } from '../search/semantic.js';
import { describeMachine } from '../report/machine.js';

interface Judged {
  text: string;
  qrels: Qrels;
  /** Dropped from its own ranking (BEIR leaves a query's own document out). */
  selfId?: string;
}

/**
 * Other weights of the semantic list for an agreement, printed after the table: more weight
 * where the two lists agree (1 at full agreement for the first two).
 */
const WEIGHT_VARIANTS = { 'agreement²': (a: number) => a ** 2, 'agreement³': (a: number) => a ** 3, 'agreement⁴': (a: number) => a ** 4, '0.5 × agreement²': (a: number) => 0.5 * a ** 2 };
type Variant = keyof typeof WEIGHT_VARIANTS;
type Method = 'semantic' | 'lexical' | 'hybrid' | 'rrf' | Variant;
const METHODS: Method[] = ['semantic', 'lexical', 'hybrid', 'rrf'];
const ALL_METHODS: Method[] = [...METHODS, ...(Object.keys(WEIGHT_VARIANTS) as Variant[])];
const K = 10;
const SCIFACT = process.argv[2] ?? path.join(SHARED_DATA_DIR, 'scifact');

function fused(method: Method, semantic: RankedRow[], lexical: RankedRow[]): RankedRow[] {
  if (method === 'semantic') return semantic;
  if (method === 'lexical') return lexical;
  if (method === 'hybrid') return fuseScores({ semantic, lexical }, FUSION_DEPTH);
  if (method === 'rrf') return fuseRankings([{ rows: semantic }, { rows: lexical }], FUSION_DEPTH);
  return fuseScores({ semantic, lexical }, FUSION_DEPTH, WEIGHT_VARIANTS[method]);
}

/** nDCG@10 of each method on each of `queries`, in order. */
async function score(engine: SearchEngine, queries: readonly Judged[]): Promise<Record<Method, number[]>> {
  const perQuery = Object.fromEntries(ALL_METHODS.map((m) => [m, [] as number[]])) as Record<Method, number[]>;
  for (const q of queries) {
    const semantic = nearestRows(engine.index, await engine.queries.embed(q.text), FUSION_DEPTH, { candidates: FUSION_DEPTH });
    const lexical = engine.index.bm25.search(q.text, FUSION_DEPTH);
    for (const method of ALL_METHODS) {
      const ranking = fused(method, semantic, lexical).map(({ row }) => engine.index.papers[row].id).filter((id) => id !== q.selfId);
      perQuery[method].push(ndcgAtK(ranking, q.qrels, K));
    }
  }
  return perQuery;
}

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;

const signed = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(3)}`;

/** A fusion's mean difference from the set's better part, with its 95% interval and verdict. */
function againstBetterPart(perQuery: Record<Method, number[]>, method: Method): { gap: string; verdict: string } {
  const better = mean(perQuery.semantic) > mean(perQuery.lexical) ? perQuery.semantic : perQuery.lexical;
  const { mean: gap, low, high } = pairedInterval(perQuery[method].map((h, i) => h - better[i]));
  return { gap: `${signed(gap)} [${signed(low)}, ${signed(high)}]`, verdict: gap >= 0 ? 'at least the better part' : high >= 0 ? 'tie' : 'below' };
}

/** One table row's figures: each method's nDCG@10, then hybrid minus the better part, its interval and verdict. */
function tableCells(perQuery: Record<Method, number[]>): string[] {
  const { gap, verdict } = againstBetterPart(perQuery, 'hybrid');
  return [...METHODS.map((m) => mean(perQuery[m]).toFixed(3)), gap, verdict];
}

/** The weight variants' row: each one's nDCG@10 and its difference from the better part. */
function variantCells(perQuery: Record<Method, number[]>): string[] {
  return (Object.keys(WEIGHT_VARIANTS) as Variant[]).map((v) => `${mean(perQuery[v]).toFixed(3)} (${againstBetterPart(perQuery, v).gap.split(' ')[0]})`);
}

async function demoSets(): Promise<[string, Judged[]][]> {
  const read = async (file: string) => {
    const { queries } = JSON.parse(await fs.readFile(path.join(PROJECT_ROOT, 'data', 'queries', file), 'utf8')) as { queries: { query: string; relevant: Record<string, number> }[] };
    return queries.map((q) => ({ text: q.query, qrels: new Map(Object.entries(q.relevant)) }));
  };
  const demo = await read('demo-queries.json');
  return [
    ['demo queries, even', demo.filter((_, i) => i % 2 === 0)],
    ['demo queries, odd', demo.filter((_, i) => i % 2 === 1)],
    ['demo paraphrases', await read('demo-paraphrases.json')],
  ];
}

async function scifactSets(): Promise<[string, Judged[]][]> {
  const files = await locateBeirFiles(SCIFACT, { queries: 'queries-train.jsonl' });
  const [queries, qrels] = await Promise.all([readBeirQueries(files.queries), readQrels(files.qrels)]);
  const judged = [...queries].filter(([id]) => [...(qrels.get(id)?.values() ?? [])].some((g) => g > 0)).map(([id, text]) => ({ text, qrels: qrels.get(id)!, selfId: id }));
  return [0, 1, 2, 3, 4].map((fold) => [`SciFact train, fold ${fold + 1}/5`, judged.filter((_, i) => i % 5 === fold)]);
}

async function engineFor(options: Omit<BuildOptions, 'out'>, work: string, modelsDir?: string): Promise<SearchEngine> {
  const out = await fs.mkdtemp(path.join(work, 'index-'));
  await buildIndex({ ...options, out });
  return createSearchEngine(await loadIndex(out, { modelsDir }), { cacheSize: 0 });
}

async function main(): Promise<void> {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'paperscope-fusion-'));
  try {
    const modelsDir = path.join(work, 'models');
    const { name: model } = await generateNamedTestModel({ modelsDir, preset: 'tiny' });
    const scifactCorpus = path.join(work, 'scifact.jsonl');
    await copyBeirCorpus((await locateBeirFiles(SCIFACT, { queries: 'queries-train.jsonl' })).corpus, scifactCorpus);
    const embedders = { lexical: { embedder: 'lexical' as const }, 'tiny model': { embedder: 'transformer' as const, model, modelsDir, offline: true } };
    const sets: [string, string, Judged[]][] = [...(await demoSets()).map(([n, q]) => [DEFAULT_CORPUS, n, q] as [string, string, Judged[]]), ...(await scifactSets()).map(([n, q]) => [scifactCorpus, n, q] as [string, string, Judged[]])];
    const columns = [...METHODS, 'hybrid − better part [95% interval]', 'hybrid'];
    process.stdout.write(`| embedder | set | queries | ${columns.join(' | ')} |\n| --- | --- | --- | ${columns.map(() => '---').join(' | ')} |\n`);
    const variantRows: string[] = [];
    for (const [label, options] of Object.entries(embedders)) {
      const engines = new Map<string, SearchEngine>();
      for (const [corpus, name, queries] of sets) {
        if (!engines.has(corpus)) engines.set(corpus, await engineFor({ ...options, corpus, format: corpus === scifactCorpus ? 'jsonl' : undefined }, work, modelsDir));
        const perQuery = await score(engines.get(corpus)!, queries);
        process.stdout.write(`| ${label} | ${name} | ${queries.length} | ${tableCells(perQuery).join(' | ')} |\n`);
        variantRows.push(`| ${label} | ${name} | ${variantCells(perQuery).join(' | ')} |\n`);
      }
    }
    const variants = Object.keys(WEIGHT_VARIANTS);
    process.stdout.write(`\nSemantic weight variants, nDCG@10 (minus the better part):\n| embedder | set | ${variants.join(' | ')} |\n| --- | --- | ${variants.map(() => '---').join(' | ')} |\n${variantRows.join('')}`);
    process.stdout.write(`\n${JSON.stringify(describeMachine())}\n`);
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}

await main();
