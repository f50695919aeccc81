/**
 * @file The filters of API.md ("Filters"): `from`/`to` (YYYY or YYYY-MM), `cat` (a comma
 * list) and `topic` (a cluster id), parsed and checked once, for the server's schemas and
 * the CLI's flags alike. Every problem names its parameter.
 */
import { monthCode, monthText } from '../facets/months.js';

/** Filters as parsed: month codes (src/facets/months.ts), category names, a topic id. */
export interface FilterSpec {
  /** First month kept, inclusive. */
  from?: number;
  /** Last month kept, inclusive. */
  to?: number;
  /** Papers with any of these categories. */
  cat?: string[];
  /** Papers in this cluster, of either level. */
  topic?: number;
}

/** The filter parameters as text, as a query string or the command line gives them. */
export type FilterParams = Partial<Record<'from' | 'to' | 'cat' | 'topic', string>>;

/** A filter value that cannot be used; `param` is the parameter's name. */
export class FilterError extends Error {
  constructor(readonly param: keyof FilterParams, message: string) {
    super(message);
    this.name = 'FilterError';
  }
}

const MONTH_BOUND = /^(\d{4})(?:-(\d{2}))?$/;
/** Longest category list accepted: a filter names a handful; thousands is a malformed request. */
export const MAX_FILTER_CATEGORIES = 100;

/**
 * `from` or `to` as a month code: YYYY means January (from) or December (to) of that year.
 * @example parseMonthBound('to', '2025') // => monthCode(2025, 12)
 */
export function parseMonthBound(param: 'from' | 'to', text: string): number {
  const match = MONTH_BOUND.exec(text.trim());
  const year = match ? Number(match[1]) : NaN;
  const month = match?.[2] === undefined ? (param === 'from' ? 1 : 12) : Number(match[2]);
  if (!match || year < 1000 || month < 1 || month > 12) {
    throw new FilterError(param, `${param} must be a year (YYYY) or a month (YYYY-MM, month 01 to 12), got ${JSON.stringify(text.slice(0, 40))}`);
  }
  return monthCode(year, month);
}

/** `cat`: category names separated by commas; at least one, at most MAX_FILTER_CATEGORIES. */
export function parseCategories(text: string): string[] {
  const names = [...new Set(text.split(',').map((name) => name.trim()).filter((name) => name !== ''))];
  if (names.length === 0) throw new FilterError('cat', 'cat must name at least one category (e.g. cat=cs.CL,cs.LG)');
  if (names.length > MAX_FILTER_CATEGORIES) throw new FilterError('cat', `cat may name at most ${MAX_FILTER_CATEGORIES} categories`);
  return names;
}

/** `topic`: a cluster id, a whole number (whether this index has it is checked later). */
export function parseTopicId(text: string): number {
  const id = /^\d{1,9}$/.test(text.trim()) ? Number(text) : NaN;
  if (Number.isNaN(id)) throw new FilterError('topic', `topic must be a topic id (a whole number), got ${JSON.stringify(text.slice(0, 40))}`);
  return id;
}

/** Throws when `from` is after `to`. */
export function checkMonthRange({ from, to }: FilterSpec): void {
  if (from !== undefined && to !== undefined && from > to) {
    throw new FilterError('from', `from (${monthText(from)}) is after to (${monthText(to)})`);
  }
}

/**
 * Parses every given filter parameter; absent ones filter nothing.
 * @example parseFilterParams({ from: '2025-06', cat: 'cs.CL' }) // => { from: 24306, cat: ['cs.CL'] }
 */
export function parseFilterParams(params: FilterParams): FilterSpec {
  const spec: FilterSpec = {};
  if (params.from !== undefined) spec.from = parseMonthBound('from', params.from);
  if (params.to !== undefined) spec.to = parseMonthBound('to', params.to);
  if (params.cat !== undefined) spec.cat = parseCategories(params.cat);
  if (params.topic !== undefined) spec.topic = parseTopicId(params.topic);
  checkMonthRange(spec);
  return spec;
}

/** The applied filters as responses echo them (`filters`): months as "YYYY-MM". */
export function filterEcho(spec: FilterSpec): { from?: string; to?: string; cat?: string[]; topic?: number } {
  return {
    ...(spec.from !== undefined && { from: monthText(spec.from) }),
    ...(spec.to !== undefined && { to: monthText(spec.to) }),
    ...(spec.cat !== undefined && { cat: spec.cat }),
    ...(spec.topic !== undefined && { topic: spec.topic }),
  };
}

/** True when the spec filters nothing. */
export function isEmptyFilter(spec: FilterSpec): boolean {
  return spec.from === undefined && spec.to === undefined && spec.cat === undefined && spec.topic === undefined;
}
