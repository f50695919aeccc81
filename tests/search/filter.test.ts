/**
 * Filters (src/search/filterSpec.ts, rowFilter.ts) and filtered search (filteredNearest.ts,
 * engine.ts) on a small dated, categorised index: the rows a filter keeps are those its
 * definition says, and each mode ranks exactly the best of them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Paper } from '../../src/corpus/paper.js';
import { createSearchEngine, SEARCH_MODES, searchPapers, type SearchEngine } from '../../src/search/engine.js';
import { exactNearest, nearestFiltered, similarRows } from '../../src/search/filteredNearest.js';
import { FilterError, parseFilterParams, type FilterParams, type FilterSpec } from '../../src/search/filterSpec.js';
import { loadIndex, type LoadedIndex } from '../../src/search/loadIndex.js';
import { resolveFilter } from '../../src/search/rowFilter.js';
import { cosineToRow, cosineToRows } from '../../src/search/semantic.js';
import { datedIndexDir } from '../helpers/datedIndex.js';

let index: LoadedIndex;
let engine: SearchEngine;
beforeAll(async () => {
  index = await loadIndex(await datedIndexDir());
  engine = createSearchEngine(index);
}, 120_000);

/** The month range of a paper straight from its fields: [first, last] "YYYY-MM", or undefined. */
function monthsOf(paper: Paper): [string, string] | undefined {
  if (paper.date) return [paper.date, paper.date];
  return paper.year === undefined ? undefined : [`${paper.year}-01`, `${paper.year}-12`];
}

/** Whether `paper` (at `row`) passes `params`, decided from its fields and topics.json alone. */
function passes(paper: Paper, row: number, params: FilterParams): boolean {
  const months = monthsOf(paper);
  const from = params.from && (params.from.length === 4 ? `${params.from}-01` : params.from);
  const to = params.to && (params.to.length === 4 ? `${params.to}-12` : params.to);
  if ((from || to) && (!months || (from && months[1] < from) || (to && months[0] > to))) return false;
  if (params.cat && !params.cat.split(',').some((c) => paper.categories?.includes(c))) return false;
  const topic = Number(params.topic);
  if (params.topic && index.topics.assignments[row] !== topic && index.topics.coarseAssignments[row] !== topic) return false;
  return true;
}

const passingRows = (params: FilterParams) => index.papers.flatMap((p, row) => (passes(p, row, params) ? [row] : []));

/** Filters that keep many, some, few and no papers of the dated index. */
function sampleFilters(): FilterParams[] {
  const fine = index.topics.clusters.find((c) => c.level === 1)!;
  const coarse = index.topics.clusters.find((c) => c.level === 0)!;
  return [
    { from: '2025-06' },
    { to: '2025-05' },
    { from: '2025', to: '2025' },
    { from: '2024-06', to: '2024-07' },
    { cat: 'cs.CL' },
    { cat: 'cs.CL,astro-ph.GA' },
    { cat: 'no.such' },
    { topic: String(fine.id) },
    { topic: String(coarse.id) },
    { from: '2026-01', cat: 'cs.CV', topic: String(coarse.id) },
  ];
}

describe('parseFilterParams', () => {
  it('reads years and months as inclusive month bounds, and category lists', () => {
    const spec = parseFilterParams({ from: '2025', to: '2025-06', cat: ' cs.CL, cs.LG,,cs.CL', topic: '4' });
    expect(spec).toMatchObject({ cat: ['cs.CL', 'cs.LG'], topic: 4 });
    expect(spec.to! - spec.from!).toBe(5);
    expect(parseFilterParams({ to: '2025' }).to! - parseFilterParams({ from: '2025' }).from!).toBe(11);
  });

  it.each([
    [{ from: '2025-13' }, 'from', /from must be a year \(YYYY\) or a month \(YYYY-MM.*"2025-13"/],
    [{ to: '25-06' }, 'to', /to must be a year/],
    [{ from: '2026-02', to: '2025-06' }, 'from', /from \(2026-02\) is after to \(2025-06\)/],
    [{ cat: ' , ' }, 'cat', /cat must name at least one category/],
    [{ topic: 'four' }, 'topic', /topic must be a topic id/],
    [{ topic: '-1' }, 'topic', /topic must be a topic id/],
  ] as Array<[FilterParams, string, RegExp]>)('refuses %j, naming %s', (params, param, message) => {
    expect(() => parseFilterParams(params)).toThrow(message);
    try {
      parseFilterParams(params);
    } catch (err) {
      expect((err as FilterError).param).toBe(param);
    }
  });
});

describe('resolveFilter', () => {
  it('keeps exactly the papers the filter describes, papers without a date only without a date filter', () => {
    for (const params of sampleFilters()) {
      const filter = resolveFilter(index, parseFilterParams(params));
      const expected = passingRows(params);
      expect([...filter.rows()], JSON.stringify(params)).toEqual(expected);
      expect(filter.matching).toBe(expected.length);
    }
    const undated = index.papers.flatMap((p, row) => (monthsOf(p) ? [] : [row]));
    expect(undated.length).toBe(8);
    const all = resolveFilter(index, parseFilterParams({ from: '1000', to: '2999' }));
    expect(undated.every((row) => all.mask![row] === 0)).toBe(true);
    expect(all.matching).toBe(index.papers.length - 8);
  });

  it('lets a year-only date pass any range that overlaps its year', () => {
    const yearOnly = index.papers.flatMap((p, row) => (p.year === 2024 && !p.date ? [row] : []));
    expect(yearOnly.length).toBe(4);
    expect([...resolveFilter(index, parseFilterParams({ from: '2024-06', to: '2024-07' })).rows()]).toEqual(yearOnly);
  });

  it('matches nothing for an unknown category, and refuses an unknown topic naming it', () => {
    expect(resolveFilter(index, { cat: ['no.such'] }).matching).toBe(0);
    expect(() => resolveFilter(index, { topic: 99_999 })).toThrow(new FilterError('topic', 'topic 99999 is not a topic of this index (see /api/map clusters)'));
  });
});

/** The true top k among `rows` by cosine to `query`, as a sorted list of rows. */
function bruteForce(query: Float32Array, rows: number[], k: number, exclude?: number): number[] {
  const { vectors, dims } = index;
  const cosine = (row: number) => query.reduce((sum, v, j) => sum + v * vectors[row * dims + j], 0);
  return rows.filter((r) => r !== exclude).map((row) => ({ row, score: cosine(row) })).sort((a, b) => b.score - a.score || a.row - b.row).slice(0, k).map((r) => r.row);
}

describe('nearestFiltered', () => {
  const k = 10;
  it.each([
    ['exact', undefined, undefined],
    ['postfilter', 0, 'postfilter'],
    ['callback', 0, 'callback'],
  ] as const)('gives the true top k among the passing papers planned as %s', async (strategy, exactScanMaxRows, hnswStrategy) => {
    const query = await engine.queries.embed('galaxy formation and dark matter halos');
    for (const params of sampleFilters()) {
      const filter = resolveFilter(index, parseFilterParams(params));
      const { rows, plan } = nearestFiltered(index, query, k, filter, { exactScanMaxRows, hnswStrategy });
      expect(rows.map((r) => r.row), JSON.stringify(params)).toEqual(bruteForce(query, passingRows(params), k));
      if (filter.matching > 0) expect(plan.startsWith(strategy)).toBe(true);
    }
  });

  it('never returns the source paper of a similar search, nor fewer than k while k others pass', () => {
    for (const params of sampleFilters()) {
      const rows = passingRows(params);
      const source = rows[0] ?? 0;
      const found = similarRows(index, source, k, resolveFilter(index, parseFilterParams(params))).map((r) => r.row);
      const vector = index.vectors.subarray(source * index.dims, (source + 1) * index.dims);
      expect(found, JSON.stringify(params)).toEqual(bruteForce(vector, rows, k, source));
      expect(found).toHaveLength(Math.min(k, rows.filter((r) => r !== source).length));
    }
  });

  it('scores by exact cosine, best first', async () => {
    const query = await engine.queries.embed('language models');
    const rows = Uint32Array.from(passingRows({ cat: 'cs.CL' }));
    const found = exactNearest(index, query, 5, rows);
    for (let i = 1; i < found.length; i++) expect(found[i - 1].score).toBeGreaterThanOrEqual(found[i].score);
  });
});

describe('cosineToRows', () => {
  it('scores each row exactly as cosineToRow does, for any count of rows (eight at a time, then the rest)', async () => {
    const query = await engine.queries.embed('neural networks for image segmentation');
    for (const count of [0, 1, 7, 8, 9, 16, 23]) {
      const rows = Uint32Array.from({ length: count }, (_, i) => (i * 7 + 3) % index.papers.length);
      const scores = new Float64Array(count);
      cosineToRows(index, query, rows, scores);
      expect(Array.from(scores), `${count} rows`).toEqual(Array.from(rows, (row) => cosineToRow(index, query, row)));
    }
  });
});

describe('searchPapers with a filter', () => {
  const k = 10;
  it.each(SEARCH_MODES)('ranks only passing papers, never fewer than k while the mode finds k among them (%s)', async (mode) => {
    for (const params of sampleFilters()) {
      const spec: FilterSpec = parseFilterParams(params);
      const filter = resolveFilter(index, spec);
      const passing = new Set(passingRows(params));
      const { results, matching } = await searchPapers(engine, { q: 'language models for reasoning', k, mode, filter });
      expect(matching).toBe(passing.size);
      expect(results.every((r) => passing.has(r.row)), JSON.stringify(params)).toBe(true);
      // Every paper BM25 scores, filtered afterwards: the filtered ranking must be its head.
      const lexicalAll = engine.index.bm25.search('language models for reasoning', index.papers.length).filter((r) => passing.has(r.row));
      if (mode === 'lexical') expect(results).toEqual(lexicalAll.slice(0, k));
      else expect(results).toHaveLength(Math.min(k, passing.size));
    }
  });
});
