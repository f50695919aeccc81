/**
 * @file The body of a search (GET or POST /api/search) and of similar, each result with its
 * `why`. One place, so the GET and POST routes answer in the same shape.
 */
import { paperText } from '../corpus/text.js';
import type { RankedRow } from '../ranking/rankedRow.js';
import { searchPapers, type SearchEngine, type SearchRequest } from '../search/engine.js';
import { similarRows } from '../search/filteredNearest.js';
import { filterEcho, type FilterSpec } from '../search/filterSpec.js';
import { analyzeQuery } from '../search/snippet.js';
import { explainer, type SignalLists, type Why } from '../search/why.js';
import type { SearchBody, SearchResult, SimilarBody, SimilarResult } from './apiShapes.js';
import { rowsFor } from './filterSchema.js';
import { pointView, resultView } from './views.js';
import { mapInSlices } from '../util/slices.js';

const round = (value: number) => Math.round(value * 1e6) / 1e6;

/** `why` as sent: signal scores rounded like result scores. */
export function whyView(why: Why): Why {
  const signals: Why['signals'] = {};
  for (const [name, signal] of Object.entries(why.signals) as [keyof Why['signals'], { rank: number; score: number }][]) {
    signals[name] = { rank: signal.rank, score: round(signal.score) };
  }
  return { ...why, signals };
}

/**
 * Results with `why`, explained against `source` (the query, or the source paper's title and
 * abstract, its sentences from `sentencesFrom` on); with `queryTerms`, also their snippets.
 */
export function explainedResults(engine: SearchEngine, rows: readonly RankedRow[], lists: SignalLists, source: string, sentencesFrom?: number): Promise<SimilarResult[]>;
export function explainedResults(engine: SearchEngine, rows: readonly RankedRow[], lists: SignalLists, source: string, sentencesFrom: number, queryTerms: ReadonlySet<string>): Promise<SearchResult[]>;
export function explainedResults(engine: SearchEngine, rows: readonly RankedRow[], lists: SignalLists, source: string, sentencesFrom = 0, queryTerms?: ReadonlySet<string>): Promise<(SimilarResult | SearchResult)[]> {
  const explain = explainer(source, lists, (term) => engine.index.bm25.idf(term), sentencesFrom);
  return mapInSlices(rows, (r) => ({
    ...(queryTerms ? resultView(engine.index, r, queryTerms) : resultView(engine.index, r)),
    why: whyView(explain(engine.index.papers[r.row], r.row)),
  }));
}

/** Which part of the query the embedder read: all of it unless the model's token limit cut it. */
function embeddedView(engine: SearchEngine, { q, mode }: SearchRequest): SearchBody['embedded'] {
  if (mode === 'lexical') return undefined;
  const query = q.trim();
  const chars = engine.index.queryEmbedder.readChars?.(query) ?? query.length;
  return { chars, of: query.length, truncated: chars < query.length };
}

/** The JSON body of a search among the papers `spec` keeps, as API.md gives it, each result with its `why`. */
export async function searchBody(engine: SearchEngine, request: Omit<SearchRequest, 'filter'>, spec: FilterSpec = {}): Promise<SearchBody> {
  const start = performance.now();
  const { q, k, mode } = request;
  const outcome = await searchPapers(engine, { ...request, filter: rowsFor(engine.index, spec) });
  const results = await explainedResults(engine, outcome.results, outcome.lists, q, 0, analyzeQuery(q));
  const embedded = embeddedView(engine, request);
  return {
    query: q,
    mode,
    k,
    filters: filterEcho(spec),
    matching: outcome.matching,
    tookMs: Math.round((performance.now() - start) * 100) / 100,
    point: pointView(outcome.point),
    ...(embedded && { embedded }),
    results,
  };
}

/** The JSON body of similar: the `k` papers like the one at `row` among those `spec` keeps, each with `why` against it. */
export async function similarBody(engine: SearchEngine, row: number, k: number, spec: FilterSpec = {}): Promise<SimilarBody> {
  const filter = rowsFor(engine.index, spec);
  const rows = similarRows(engine.index, row, k, filter);
  const source = engine.index.papers[row];
  const text = paperText(source);
  const results = await explainedResults(engine, rows, { semantic: rows }, text, text.length - source.abstract.length);
  return { id: source.id, filters: filterEcho(spec), matching: filter.matching, results };
}
