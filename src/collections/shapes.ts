/**
 * @file A collection and its papers as zod schemas, with their types inferred: the one
 * definition the store returns, the server's views extend, the web app reads (type-only) and
 * the tests check. Imports nothing from Node, so the web app's compiler can read it too.
 */
import { z } from 'zod';

export const PAPER_LABELS = Object.freeze(['pos', 'neg'] as const);
export type PaperLabel = (typeof PAPER_LABELS)[number];

const timestamp = z.iso.datetime();

/** One entry of GET /api/collections. */
export const CollectionSummary = z.strictObject({ id: z.string().min(1), name: z.string().min(1), size: z.number().int().nonnegative(), updatedAt: timestamp });
export type CollectionSummary = z.infer<typeof CollectionSummary>;

/** A paper as a collection keeps it: its id, whether it is wanted, and when it was added. */
export const CollectionPaper = z.strictObject({ id: z.string().min(1), label: z.enum(PAPER_LABELS), addedAt: timestamp });
export type CollectionPaper = z.infer<typeof CollectionPaper>;

/** A collection as stored. */
export const Collection = z.strictObject({ id: z.string().min(1), name: z.string().min(1), papers: z.array(CollectionPaper), createdAt: timestamp, updatedAt: timestamp });
export type Collection = z.infer<typeof Collection>;
