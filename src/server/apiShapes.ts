/**
 * @file The response bodies of docs/API.md as zod schemas, with their TypeScript
 * types inferred: the one definition that views.ts returns, the web app reads
 * (type-only, so zod stays out of the page) and the API and fuzz tests check.
 * Imports nothing from Node, so the web app's compiler can read it too.
 */
import { z } from 'zod';
import { SEARCH_MODES } from '../search/modes.js';

const coord = z.number();
/** A cluster id; -1 for a paper in no cluster. */
const clusterId = z.number().int().min(-1);

export const ERROR_CODES = ['bad_request', 'not_found', 'method_not_allowed', 'payload_too_large', 'not_ready', 'internal'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ErrorBody = z.strictObject({
  // Messages may quote a bad value (shortened, JSON-escaped): bounded, but not tightly.
  error: z.strictObject({ code: z.enum(ERROR_CODES), message: z.string().min(1).max(2000) }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** GET /api/health. */
export const HealthBody = z.object({
  status: z.literal('ok'),
  papers: z.number().int().nonnegative(),
  embedder: z.object({
    kind: z.enum(['transformer', 'lexical']),
    model: z.string().min(1),
    dims: z.number().int().positive(),
    quantized: z.boolean().optional(),
  }),
  index: z.object({ builtAt: z.iso.datetime(), corpusSha256: z.string().regex(/^[0-9a-f]{64}$/) }),
});
export type HealthBody = z.infer<typeof HealthBody>;

const Signal = z.strictObject({ rank: z.number().int().min(1), score: z.number() });
/** Why a result is there (API.md "Version 2: long queries, missing references, why"). */
export const Why = z.strictObject({
  /** Each fusion part of the mode that ranked the result: its rank (from 1) and raw score. */
  signals: z.strictObject({ semantic: Signal.optional(), lexical: Signal.optional(), references: Signal.optional() }),
  /** Words or phrases of the result, as written there, that the query or source paper holds too. */
  terms: z.array(z.string().min(1)).max(5),
  sentence: z.strictObject({ text: z.string().min(1), match: z.string().min(1) }).optional(),
});
export type Why = z.infer<typeof Why>;

const resultFields = {
  id: z.string().min(1),
  title: z.string().min(1),
  score: z.number(),
  x: coord,
  y: coord,
  cluster: clusterId,
  /** API.md extension: the paper's coarse-level cluster, -1 for none. */
  coarseCluster: clusterId,
  why: Why,
};
/** One search result: with the abstract sentence that best matches the query. */
export const SearchResult = z.strictObject({ ...resultFields, snippet: z.string() });
export type SearchResult = z.infer<typeof SearchResult>;
/** One similar paper: no query, so no snippet. */
export const SimilarResult = z.strictObject(resultFields);
export type SimilarResult = z.infer<typeof SimilarResult>;
/** A search or a similar result, as a list shows either. */
export type ScoredPaper = SimilarResult & { snippet?: string };
/** A result as views.ts builds it, before its `why` is added (src/server/searchResponse.ts). */
export type ResultWithoutWhy<R> = Omit<R, 'why'>;

/** What a filtered route echoes (API.md "Filters"): the applied filters, months as YYYY-MM, and how many papers they keep. */
export const filterEchoFields = {
  filters: z.strictObject({
    from: z.string().regex(/^\d{4}-\d{2}$/).optional(),
    to: z.string().regex(/^\d{4}-\d{2}$/).optional(),
    cat: z.array(z.string().min(1)).optional(),
    topic: z.number().int().nonnegative().optional(),
  }),
  matching: z.number().int().nonnegative(),
};

/** Best first, each paper once. */
function rankedList(results: Array<{ id: string; score: number }>, ctx: z.RefinementCtx): void {
  if (new Set(results.map((r) => r.id)).size !== results.length) ctx.addIssue({ code: 'custom', message: 'a paper appears twice in results' });
  for (let i = 1; i < results.length; i++) {
    if (results[i - 1].score < results[i].score) ctx.addIssue({ code: 'custom', message: `results not best first at ${i}` });
  }
}

const MapPoint = z.strictObject({ x: coord, y: coord });

/** GET /api/search. */
export const SearchBody = z
  .strictObject({
    query: z.string().min(1),
    mode: z.enum(SEARCH_MODES),
    k: z.number().int().min(1),
    tookMs: z.number().nonnegative(),
    ...filterEchoFields,
    /** Where the query lands on the map; null exactly when nothing matches. */
    point: MapPoint.nullable(),
    /** Semantic and hybrid modes: the embedder read the first `chars` of the query's `of` characters. */
    embedded: z.strictObject({ chars: z.number().int().nonnegative(), of: z.number().int().positive(), truncated: z.boolean() }).optional(),
    results: z.array(SearchResult),
  })
  .superRefine((body, ctx) => {
    if (body.results.length > body.k) ctx.addIssue({ code: 'custom', message: `${body.results.length} results for k = ${body.k}` });
    if ((body.point === null) !== (body.results.length === 0)) ctx.addIssue({ code: 'custom', message: 'point is null exactly when nothing matches' });
    rankedList(body.results, ctx);
  });
export type SearchBody = z.infer<typeof SearchBody>;

/** GET /api/papers/:id: the paper's metadata (fields beyond these pass through), map position and clusters. */
export const PaperBody = z.looseObject({
  id: z.string().min(1),
  title: z.string().min(1),
  abstract: z.string().min(1),
  x: coord,
  y: coord,
  cluster: clusterId,
  coarseCluster: clusterId,
  authors: z.array(z.string()).optional(),
  year: z.number().int().optional(),
  /** Publication month, when the source gives one or the id is a new-style arXiv id. */
  date: z.string().regex(/^\d{4}-\d{2}$/).optional(),
  categories: z.array(z.string()).optional(),
  url: z.string().optional(),
});
export type PaperBody = z.infer<typeof PaperBody>;

/** GET /api/papers/:id/similar. */
export const SimilarBody = z
  .strictObject({ id: z.string().min(1), ...filterEchoFields, results: z.array(SimilarResult) })
  .superRefine((body, ctx) => {
    if (body.results.some((r) => r.id === body.id)) ctx.addIssue({ code: 'custom', message: 'a paper is among its own similar papers' });
    rankedList(body.results, ctx);
  });
export type SimilarBody = z.infer<typeof SimilarBody>;

/** A topic: a labelled cluster of papers; level 0 is coarse, level 1 fine (inside `parent`). */
export const MapCluster = z.strictObject({
  id: z.number().int().nonnegative(),
  label: z.string(),
  size: z.number().int().positive(),
  x: coord,
  y: coord,
  level: z.union([z.literal(0), z.literal(1)]),
  parent: z.number().int().nonnegative().optional(),
});
export type MapCluster = z.infer<typeof MapCluster>;

/** GET /api/map: one column per field, row i is paper i. */
export const MapBody = z
  .strictObject({
    count: z.number().int().nonnegative(),
    ids: z.array(z.string().min(1)),
    titles: z.array(z.string()),
    x: z.array(coord),
    y: z.array(coord),
    cluster: z.array(clusterId),
    coarseCluster: z.array(clusterId),
    clusters: z.array(MapCluster),
    /** Per paper "YYYY-MM", "YYYY" for a year-only date, or null. */
    date: z.array(z.string().regex(/^\d{4}(-\d{2})?$/).nullable()),
    /** Per paper, indexes into categoryNames. */
    categories: z.array(z.array(z.number().int().nonnegative())),
    categoryNames: z.array(z.string().min(1)),
  })
  .superRefine((map, ctx) => {
    for (const column of ['ids', 'titles', 'x', 'y', 'cluster', 'coarseCluster', 'date', 'categories'] as const) {
      if (map[column].length !== map.count) ctx.addIssue({ code: 'custom', message: `${column} has ${map[column].length} entries, count is ${map.count}` });
    }
    if (new Set(map.ids).size !== map.ids.length) ctx.addIssue({ code: 'custom', message: 'duplicate ids' });
    const ofLevel = (level: 0 | 1) => new Set(map.clusters.filter((c) => c.level === level).map((c) => c.id));
    const [coarse, fine] = [ofLevel(0), ofLevel(1)];
    if (map.cluster.some((c) => c !== -1 && !fine.has(c) && !coarse.has(c))) ctx.addIssue({ code: 'custom', message: 'a paper is in an unlisted cluster' });
    if (map.coarseCluster.some((c) => c !== -1 && !coarse.has(c))) ctx.addIssue({ code: 'custom', message: 'a paper is in an unlisted coarse cluster' });
    for (const c of map.clusters) {
      if (c.parent !== undefined && !coarse.has(c.parent)) ctx.addIssue({ code: 'custom', message: `cluster ${c.id} has an unknown parent` });
    }
  });
export type MapBody = z.infer<typeof MapBody>;

/** GET /api/facets: counts for a slice (API.md "Version 2 additions"). */
export const FacetsBody = z.looseObject({
  ...filterEchoFields,
  months: z.array(z.strictObject({ month: z.string().regex(/^\d{4}-\d{2}$/), count: z.number().int().positive() })),
  categories: z.array(z.strictObject({ name: z.string().min(1), count: z.number().int().positive() })),
  topics: z.array(z.strictObject({ id: z.number().int().nonnegative(), count: z.number().int().positive() })),
});
export type FacetsBody = z.infer<typeof FacetsBody>;

/** GET /api/topics/trends: each topic's papers per month, and whether it is rising. */
export const TrendsBody = z.strictObject({
  months: z.array(z.string().regex(/^\d{4}-\d{2}$/)),
  topics: z.array(
    z.strictObject({
      id: z.number().int().nonnegative(),
      label: z.string(),
      level: z.union([z.literal(0), z.literal(1)]),
      counts: z.array(z.number().int().nonnegative()),
      rising: z.boolean(),
      growth: z.number().nonnegative().nullable(),
    }),
  ),
});
export type TrendsBody = z.infer<typeof TrendsBody>;

/** POST /api/missing: how each reference resolved, and the papers the text may have missed. */
export const MissingBody = z.strictObject({
  matched: z.array(
    z.strictObject({
      reference: z.string(),
      id: z.string().nullable(),
      how: z.enum(['arxiv', 'doi', 'title', 'fuzzy-title']).optional(),
      problem: z.string().optional(),
    }),
  ),
  results: z.array(SimilarResult),
});
export type MissingBody = z.infer<typeof MissingBody>;
