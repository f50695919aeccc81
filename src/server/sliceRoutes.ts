/**
 * @file Handlers of the slicing routes of API.md "Version 2 additions": GET /api/facets
 * (counts of a filtered slice, or of a query's top k within it) and GET /api/topics/trends.
 * routes.ts mounts them; parameters are validated on the route line (schemas.ts).
 */
import type { Request, Response } from 'express';
import { searchPapers, type SearchEngine } from '../search/engine.js';
import { countFacets } from '../search/facetCounts.js';
import { filterEcho } from '../search/filterSpec.js';
import { topicTrends } from '../search/topicTrends.js';
import { filterSpecOf, rowsFor } from './filterSchema.js';
import { validated, type FacetsQuery } from './schemas.js';

/** GET /api/facets: without `q`, over every matching paper; with `q`, over its top `k` among them. */
export async function facets(engine: SearchEngine, _req: Request, res: Response): Promise<void> {
  const query = validated<FacetsQuery>(res).query;
  const spec = filterSpecOf(query);
  const filter = rowsFor(engine.index, spec);
  const echo = { filters: filterEcho(spec) };
  if (query.q === undefined) {
    res.json({ ...echo, ...countFacets(engine.index, filter.rows()) });
    return;
  }
  const { results } = await searchPapers(engine, { q: query.q, k: query.k, mode: query.mode, filter });
  const counts = countFacets(engine.index, results.map((r) => r.row));
  res.json({ ...echo, query: query.q, mode: query.mode, k: query.k, ...counts, matching: filter.matching, counted: counts.matching });
}

/** GET /api/topics/trends. */
export function trends(engine: SearchEngine, _req: Request, res: Response): void {
  res.json(topicTrends(engine.index));
}
