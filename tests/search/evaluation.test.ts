/**
 * Retrieval quality on the labelled demo queries (data/queries/demo-queries.json):
 * recall@10 and nDCG@10 per mode and embedder, printed as a table. Hybrid must at
 * least tie the better single mode with both embedders, also with the tiny generated
 * model whose random weights make its semantic ranking weak, and beat plain reciprocal
 * rank fusion there.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { FUSION_DEPTH } from '../../src/config.js';
import { SEARCH_MODES, searchPapers, type SearchEngine } from '../../src/search/engine.js';
import { evaluateRuns, type EvalSummary, type Qrels } from '../../src/eval/judgements.js';
import { fuseRankings } from '../../src/search/hybrid.js';
import { nearestRows } from '../../src/search/semantic.js';
import type { DemoEmbedder } from '../helpers/demoIndex.js';
import { DEMO_EMBEDDERS, demoEngine } from '../server/fixtures.js';

interface LabelledQuery {
  id: string;
  query: string;
  relevant: Record<string, number>;
}

const QUERY_FILE = path.join(PROJECT_ROOT, 'data', 'queries', 'demo-queries.json');
const queries: LabelledQuery[] = JSON.parse(fs.readFileSync(QUERY_FILE, 'utf8')).queries;
const K = 10;

type Method = (typeof SEARCH_MODES)[number] | 'rrf';
const METHODS: Method[] = ['semantic', 'lexical', 'hybrid', 'rrf'];

async function rankingOf(engine: SearchEngine, q: string, method: Method): Promise<number[]> {
  if (method !== 'rrf') return (await searchPapers(engine, { q, k: K, mode: method })).results.map((r) => r.row);
  const semantic = nearestRows(engine.index, await engine.queries.embed(q), FUSION_DEPTH);
  return fuseRankings([{ rows: semantic }, { rows: engine.index.bm25.search(q, FUSION_DEPTH) }], K).map((r) => r.row);
}

async function evaluate(engine: SearchEngine, method: Method): Promise<EvalSummary> {
  const runs = [];
  for (const q of queries) {
    const rows = await rankingOf(engine, q.query, method);
    const qrels: Qrels = new Map(Object.entries(q.relevant));
    runs.push({ qrels, ranking: rows.map((row) => engine.index.papers[row].id) });
  }
  return evaluateRuns(runs, K);
}

const table = new Map<DemoEmbedder, Map<Method, EvalSummary>>();

beforeAll(async () => {
  for (const embedder of DEMO_EMBEDDERS) {
    const engine = await demoEngine(embedder);
    const rows = new Map<Method, EvalSummary>();
    for (const method of METHODS) rows.set(method, await evaluate(engine, method));
    table.set(embedder, rows);
  }
  const lines = [`demo queries: ${queries.length}, recall@${K} / nDCG@${K}`, `${'embedder'.padEnd(12)}${METHODS.map((m) => m.padEnd(16)).join('')}`];
  for (const [embedder, rows] of table) {
    lines.push(`${embedder.padEnd(12)}${METHODS.map((m) => `${rows.get(m)!.recall.toFixed(3)} / ${rows.get(m)!.ndcg.toFixed(3)}`.padEnd(16)).join('')}`);
  }
  console.log(lines.join('\n'));
});

describe('the labelled demo queries', () => {
  it('hold at least 15 queries whose relevant ids are all demo papers', async () => {
    expect(queries.length).toBeGreaterThanOrEqual(15);
    const engine = await demoEngine('lexical');
    for (const q of queries) {
      expect(Object.keys(q.relevant).length).toBeGreaterThan(0);
      for (const [id, grade] of Object.entries(q.relevant)) {
        expect(engine.index.rowById.has(id), `${q.id}: ${id}`).toBe(true);
        expect([1, 2]).toContain(grade);
      }
    }
  });
});

describe('hybrid search quality', () => {
  it.each(DEMO_EMBEDDERS)('with the %s embedder, ties or beats the better single mode', (embedder) => {
    const rows = table.get(embedder)!;
    const best = (metric: 'recall' | 'ndcg') => Math.max(rows.get('semantic')![metric], rows.get('lexical')![metric]);
    expect(rows.get('hybrid')!.ndcg).toBeGreaterThanOrEqual(best('ndcg') - 0.005);
    expect(rows.get('hybrid')!.recall).toBeGreaterThanOrEqual(best('recall') - 0.02);
  });

  it('with the random-weights test model, beats plain RRF and semantic alone', () => {
    const rows = table.get('transformer')!;
    expect(rows.get('hybrid')!.ndcg).toBeGreaterThan(rows.get('rrf')!.ndcg);
    expect(rows.get('hybrid')!.ndcg).toBeGreaterThan(rows.get('semantic')!.ndcg);
  });

  it('finds most relevant papers with BM25 alone (the labels are not accidental)', () => {
    expect(table.get('lexical')!.get('lexical')!.ndcg).toBeGreaterThan(0.7);
  });
});
