/**
 * @file The filter parameters of API.md ("Filters") as zod fields any route's schema can
 * take (`z.object({ ...filterFields, … }).superRefine(checkFilterRange)`), and the step that
 * turns them into the rows they keep. Parsing itself is src/search/filterSpec.ts, shared
 * with the CLI; every bad value is a 400 naming its parameter.
 */
import { z } from 'zod';
import { checkMonthRange, FilterError, parseCategories, parseMonthBound, parseTopicId, type FilterSpec } from '../search/filterSpec.js';
import type { LoadedIndex } from '../search/loadIndex.js';
import { resolveFilter, type RowFilter } from '../search/rowFilter.js';
import { badRequest } from './errors.js';

/** A zod field that parses its text with `parse`, reporting a FilterError's message as the issue. */
function filterField<T>(name: string, parse: (text: string) => T) {
  return z
    .string({ error: `${name} must be text` })
    .optional()
    .transform((value, ctx) => {
      if (value === undefined) return undefined;
      try {
        return parse(value);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: err instanceof Error ? err.message : String(err) });
        return z.NEVER;
      }
    });
}

/** from, to, cat and topic, each optional. */
export const filterFields = {
  from: filterField('from', (text) => parseMonthBound('from', text)),
  to: filterField('to', (text) => parseMonthBound('to', text)),
  cat: filterField('cat', parseCategories),
  topic: filterField('topic', parseTopicId),
};

/** The object-level check: `from` must not be after `to`. */
export function checkFilterRange(value: FilterSpec, ctx: z.RefinementCtx): void {
  try {
    checkMonthRange(value);
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: (err as FilterError).message });
  }
}

/** The FilterSpec of a validated query holding filterFields. */
export function filterSpecOf({ from, to, cat, topic }: FilterSpec): FilterSpec {
  return { ...(from !== undefined && { from }), ...(to !== undefined && { to }), ...(cat !== undefined && { cat }), ...(topic !== undefined && { topic }) };
}

/** The rows `spec` keeps in `index`; an unknown topic is a 400 naming `topic`. */
export function rowsFor(index: LoadedIndex, spec: FilterSpec): RowFilter {
  try {
    return resolveFilter(index, spec);
  } catch (err) {
    if (err instanceof FilterError) throw badRequest(err.message);
    throw err;
  }
}
