/**
 * @file The response bodies of the collection and recommend routes (docs/API.md, version 2)
 * as zod schemas with their types inferred, beside apiShapes.ts: what collectionViews.ts
 * returns, the web app reads (type-only) and the API tests check. No Node imports.
 */
import { z } from 'zod';
import { CollectionPaper, CollectionSummary } from '../collections/shapes.js';
import { filterEchoFields, SimilarResult, Why } from './apiShapes.js';

/** GET /api/collections. */
export const CollectionsBody = z.strictObject({ collections: z.array(CollectionSummary) });
export type CollectionsBody = z.infer<typeof CollectionsBody>;

/** A collection's paper: `missing` when the served index lacks it, else its title and place on the map. */
export const CollectionPaperBody = CollectionPaper.extend({ missing: z.boolean(), ...SimilarResult.omit({ id: true, score: true, why: true }).partial().shape });
export type CollectionPaperBody = z.infer<typeof CollectionPaperBody>;

/** GET/POST/PATCH of a collection. */
export const CollectionBody = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1),
  size: z.number().int().nonnegative(),
  missing: z.number().int().nonnegative(),
  papers: z.array(CollectionPaperBody),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type CollectionBody = z.infer<typeof CollectionBody>;

/**
 * One recommendation: a similar result whose `why` also names the positive example it was
 * explained against (src/server/recommendResults.ts).
 */
export const RecommendResult = SimilarResult.extend({ why: Why.extend({ example: z.string().min(1) }) });
export type RecommendResult = z.infer<typeof RecommendResult>;

/** GET /api/recommend. */
export const RecommendBody = z.strictObject({
  method: z.enum(['svm', 'rocchio']),
  k: z.number().int().positive(),
  tookMs: z.number().nonnegative(),
  ...filterEchoFields,
  results: z.array(RecommendResult),
});
export type RecommendBody = z.infer<typeof RecommendBody>;
