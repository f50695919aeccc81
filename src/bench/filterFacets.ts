/**
 * @file The facet-count check of the filter bench: GET /api/facets's counts (countFacets over
 * the index's facets.bin) against counts made straight from the arXiv corpus file, over the
 * whole corpus and over queries' top 100; and the cost of a filter mask at 98,085 papers.
 */
import fs from 'node:fs/promises';
import zlib from 'node:zlib';
import { searchPapers, type SearchEngine } from '../search/engine.js';
import { countFacets, type FacetCounts } from '../search/facetCounts.js';
import { resolveFilter } from '../search/rowFilter.js';
import { ARXIV_DAILY } from './embedding.js';
import type { BenchSection } from './report.js';

interface CorpusRecord {
  id: string;
  categories: string[];
  year: number;
}

/** Month and category counts of `records`, keyed "month:YYYY-MM" and "cat:name". */
function rawCounts(records: Iterable<CorpusRecord>): Map<string, number> {
  const counts = new Map<string, number>();
  const bump = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const r of records) {
    // The corpus's ids are all new-style (YYMM.NNNNN) and its year is the id's (its SOURCE.md).
    bump(`month:20${r.id.slice(0, 2)}-${r.id.slice(2, 4)}`);
    // The corpus reader collapses runs of whitespace (12 records hold free-text "categories" with line breaks).
    for (const c of new Set(r.categories.map((name) => name.replace(/\s+/g, ' ').trim()))) bump(`cat:${c}`);
  }
  return counts;
}

/** The same keys from the API's counts. */
function apiCounts(facets: FacetCounts): Map<string, number> {
  return new Map([...facets.months.map((m) => [`month:${m.month}`, m.count] as const), ...facets.categories.map((c) => [`cat:${c.name}`, c.count] as const)]);
}

/** How many keys differ between two count maps. */
function differences(a: Map<string, number>, b: Map<string, number>): number {
  return [...new Set([...a.keys(), ...b.keys()])].filter((key) => a.get(key) !== b.get(key)).length;
}

/** The facet-count check against `corpus` (the arXiv corpus file the index was built from). */
export async function facetsBench(engine: SearchEngine, queries: string[], corpus = ARXIV_DAILY): Promise<BenchSection> {
  const text = zlib.gunzipSync(await fs.readFile(corpus)).toString('utf8');
  const records = new Map(text.trim().split('\n').map((line) => JSON.parse(line) as CorpusRecord).map((r) => [r.id, r]));
  let start = performance.now();
  const whole = countFacets(engine.index, engine.index.papers.keys());
  const wholeMs = performance.now() - start;
  let topDiffs = 0;
  for (const q of queries) {
    const { results } = await searchPapers(engine, { q, k: 100, mode: 'hybrid' });
    const top = results.map((r) => records.get(engine.index.papers[r.row].id)!);
    topDiffs += differences(apiCounts(countFacets(engine.index, results.map((r) => r.row))), rawCounts(top));
  }
  start = performance.now();
  const mask = resolveFilter(engine.index, { from: 12 * 2026 + 1, cat: ['cs.CL', 'cs.LG'] });
  const maskMs = performance.now() - start;
  return {
    name: 'Facet counts against the corpus file',
    rows: [
      { slice: 'whole corpus', papers: whole.matching, 'corpus records': records.size, 'keys differing': differences(apiCounts(whole), rawCounts(records.values())), ms: Number(wholeMs.toFixed(1)) },
      { slice: `top 100 of ${queries.length} hybrid queries`, papers: queries.length * 100, 'keys differing': topDiffs },
      { slice: 'filter mask from=2026-01&cat=cs.CL,cs.LG (first time)', papers: mask.matching, ms: Number(maskMs.toFixed(2)) },
    ],
    notes: ['corpus counts: month from the arXiv id, categories from the record (whitespace collapsed), read from papers.jsonl.gz without paperscope\'s parser'],
  };
}
