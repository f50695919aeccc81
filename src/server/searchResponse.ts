/**
 * @file The body of a search (GET or POST /api/search) and of similar, each result with its
 * `why`. One place, so the GET and POST routes answer in the same shape.
 */
import { paperText } from '../corpus/text.js';
import { searchPapers, type SearchEngine, type SearchRequest } from '../search/engine.js';
import type { RankedRow } from '../ranking/rankedRow.js';
import { analyzeQuery } from '../search/snippet.js';
import { explainer, type SignalLists, type Why } from '../search/why.js';
import { pointView, resultView, type ResultView } from './views.js';

const round = (value: number) => Math.round(value * 1e6) / 1e6;

/** `why` as sent: signal scores rounded like result scores. */
function whyView(why: Why): Why {
  const signals: Why['signals'] = {};
  for (const [name, signal] of Object.entries(why.signals) as [keyof Why['signals'], { rank: number; score: number }][]) {
    signals[name] = { rank: signal.rank, score: round(signal.score) };
  }
  return { ...why, signals };
}

/** Results with `why`, explained against `source` (the query, or the source paper's title and abstract). */
export function explainedResults(engine: SearchEngine, rows: readonly RankedRow[], lists: SignalLists, source: string, sentencesFrom = 0, queryTerms?: ReadonlySet<string>): (ResultView & { why: Why })[] {
  const explain = explainer(source, lists, (term) => engine.index.bm25.idf(term), sentencesFrom);
  return rows.map((r) => ({ ...resultView(engine.index, r, queryTerms), why: whyView(explain(engine.index.papers[r.row], r.row)) }));
}

/** Which part of the query the embedder read: all of it unless the model's token limit cut it. */
function embeddedView(engine: SearchEngine, { q, mode }: SearchRequest) {
  if (mode === 'lexical') return undefined;
  const query = q.trim();
  const chars = engine.index.queryEmbedder.readChars?.(query) ?? query.length;
  return { chars, of: query.length, truncated: chars < query.length };
}

/** The JSON body of a search, as API.md gives it, plus `embedded` and each result's `why`. */
export async function searchBody(engine: SearchEngine, request: SearchRequest) {
  const start = performance.now();
  const { q, k, mode } = request;
  const outcome = await searchPapers(engine, request);
  const results = explainedResults(engine, outcome.results, outcome.lists, q, 0, analyzeQuery(q));
  const embedded = embeddedView(engine, request);
  return {
    query: q,
    mode,
    k,
    tookMs: Math.round((performance.now() - start) * 100) / 100,
    point: pointView(outcome.point),
    ...(embedded && { embedded }),
    results,
  };
}

/** Similar papers of the paper at `row`, each with `why` against it. */
export function similarResults(engine: SearchEngine, row: number, rows: readonly RankedRow[]) {
  const source = paperText(engine.index.papers[row]);
  return explainedResults(engine, rows, { semantic: rows }, source, source.length - engine.index.papers[row].abstract.length);
}
