/**
 * @file The zod schemas of the version 2 routes (collections, recommend, export): each names
 * the field at fault in its message, as schemas.ts does for search.
 */
import { z } from 'zod';
import { MAX_COLLECTION_NAME_CHARS, MAX_EXAMPLE_IDS, MAX_EXPORT_IDS } from '../config.js';
import { PAPER_LABELS } from '../collections/shapes.js';
import { EXPORT_FORMATS } from '../export/formats.js';
import { RECOMMEND_METHODS } from '../recommend/recommend.js';
import { SEARCH_MODES } from '../search/engine.js';
import { checkFilterRange, filterFields } from './filterSchema.js';
import { SearchQuery, SimilarQuery } from './schemas.js';

/** Longest paper id accepted in a path or list; real ids are far shorter. */
export const MAX_PAPER_ID_CHARS = 300;

const NAME_MESSAGE = `name must be 1 to ${MAX_COLLECTION_NAME_CHARS} characters`;

const nameField = z
  .string({ error: (issue) => (issue.input === undefined ? 'name is required' : 'name must be text') })
  .trim()
  .min(1, { error: NAME_MESSAGE })
  .refine((name) => [...name].length <= MAX_COLLECTION_NAME_CHARS, { error: `${NAME_MESSAGE} (got more)` });

const paperIdField = (field: string) =>
  z.string().min(1, { error: `${field} is required` }).max(MAX_PAPER_ID_CHARS, { error: `${field} must be at most ${MAX_PAPER_ID_CHARS} characters` });

export const CollectionBody = z.object({ name: nameField });
export const LabelBody = z.object({
  label: z.enum(PAPER_LABELS, { error: (issue) => (issue.input === undefined ? 'label is required ("pos" or "neg")' : 'label must be "pos" or "neg"') }),
});
export const CollectionParams = z.object({ id: z.string().min(1, { error: 'collection id is required' }) });
export const CollectionPaperParams = CollectionParams.extend({ paperId: paperIdField('paperId') });

/** A comma-separated id list: trimmed, empty items dropped, duplicates kept once. */
const idList = (field: string, max: number) =>
  z
    .string({ error: `${field} must be a comma-separated list of paper ids` })
    .optional()
    .transform((value, ctx) => {
      const ids = [...new Set((value ?? '').split(',').map((id) => id.trim()).filter(Boolean))];
      const long = ids.find((id) => id.length > MAX_PAPER_ID_CHARS);
      if (long) ctx.addIssue({ code: 'custom', message: `${field}: paper ids must be at most ${MAX_PAPER_ID_CHARS} characters` });
      if (ids.length > max) ctx.addIssue({ code: 'custom', message: `${field} names ${ids.length} papers; at most ${max} are allowed` });
      return ids;
    });

export const RecommendQuery = z
  .object({
    pos: idList('pos', MAX_EXAMPLE_IDS),
    neg: idList('neg', MAX_EXAMPLE_IDS),
    collection: z.string().min(1, { error: 'collection must not be empty' }).optional(),
    k: SimilarQuery.shape.k,
    method: z.enum(RECOMMEND_METHODS, { error: `method must be one of ${RECOMMEND_METHODS.join(', ')}` }).optional(),
    ...filterFields,
  })
  .superRefine(checkFilterRange)
  .check((ctx) => {
    const { pos, neg, collection } = ctx.value;
    const count = pos.length + neg.length;
    if (collection !== undefined && count > 0) ctx.issues.push({ code: 'custom', message: 'give either collection or pos/neg, not both', input: ctx.value });
    else if (collection === undefined && (count < 1 || count > MAX_EXAMPLE_IDS)) {
      ctx.issues.push({ code: 'custom', message: `pos and neg must name 1 to ${MAX_EXAMPLE_IDS} papers in all (got ${count})`, input: ctx.value });
    }
    const both = pos.find((id) => neg.includes(id));
    if (both !== undefined) ctx.issues.push({ code: 'custom', message: `paper ${JSON.stringify(both)} is in both pos and neg`, input: ctx.value });
  });

export const ExportQuery = z
  .object({
    format: z.enum(EXPORT_FORMATS, { error: `format must be one of ${EXPORT_FORMATS.join(', ')}` }).default('csv'),
    collection: z.string().min(1, { error: 'collection must not be empty' }).optional(),
    ids: idList('ids', MAX_EXPORT_IDS),
    q: SearchQuery.shape.q.optional(),
    mode: z.enum(SEARCH_MODES, { error: `mode must be one of ${SEARCH_MODES.join(', ')}` }).default('hybrid'),
    k: SimilarQuery.shape.k,
    ...filterFields,
  })
  .superRefine(checkFilterRange)
  .check((ctx) => {
    const { collection, ids, q, from, to, cat, topic } = ctx.value;
    const sources = [collection !== undefined, ids.length > 0, q !== undefined].filter(Boolean).length;
    const filtered = [from, to, cat, topic].some((value) => value !== undefined);
    if (sources > 1) ctx.issues.push({ code: 'custom', message: 'give at most one of collection, ids or q', input: ctx.value });
    else if (sources === 0 && !filtered) ctx.issues.push({ code: 'custom', message: 'give one of collection, ids or q, or a filter (topic, cat, from, to) to export its papers', input: ctx.value });
  });

export type CollectionBody = z.infer<typeof CollectionBody>;
export type LabelBody = z.infer<typeof LabelBody>;
export type CollectionParams = z.infer<typeof CollectionParams>;
export type CollectionPaperParams = z.infer<typeof CollectionPaperParams>;
export type RecommendQuery = z.infer<typeof RecommendQuery>;
export type ExportQuery = z.infer<typeof ExportQuery>;
