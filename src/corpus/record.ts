/**
 * @file Maps one source record (a JSON object, a CSV row, a title/abstract pair) to a
 * Paper: field synonyms, type checks and normalization shared by every format.
 */
import { MAX_FIELD_CHARS } from '../config.js';
import type { Paper } from './paper.js';
import { arxivIdDate, dateOf, formatMonth, resolveDate, type PaperDate } from './paperDate.js';
import { cleanText, paperIdFromTitle } from './text.js';

/** Field values by (lower-case) field name, as a format parser found them. */
export type RecordFields = Record<string, unknown>;

/** One record as a format parser saw it: its fields, or why it could not be read. */
export type RawRecord = { line: number; where?: string } & ({ fields: RecordFields } | { problem: string });

/** Accepted source names per Paper field, first match wins (`_id`/`text`: BEIR corpora). */
export const FIELD_NAMES = Object.freeze({
  id: ['id', '_id'],
  title: ['title'],
  abstract: ['abstract', 'text', 'summary'],
  authors: ['authors', 'author'],
  year: ['year', 'update_date'],
  date: ['date'],
  published: ['published', 'update_date'],
  categories: ['categories', 'category'],
  url: ['url', 'link'],
});

/** A record's field-level problem; caught by the caller and reported with its line. */
export class RecordProblem extends Error {}

/** A paper and whether its id came from the source (else it was derived from the title). */
export interface SourcedPaper {
  paper: Paper;
  hasSourceId: boolean;
}

/** Builds a Paper from source fields; throws RecordProblem when the record is unusable. */
export function toPaper(fields: RecordFields, arxiv: boolean): SourcedPaper {
  const get = fieldGetter(fields);
  const title = requiredText(get, 'title');
  const abstract = requiredText(get, 'abstract');
  const sourceId = get('id') === undefined ? '' : textOf(get('id'), 'id');
  const paper: Paper = { id: sourceId || paperIdFromTitle(title), title, abstract };
  const authors = listOf(get('authors'), 'authors', splitAuthors);
  if (authors.length > 0) paper.authors = authors;
  const date = paperDateOf(get, sourceId);
  if (date !== undefined) paper.year = date.year;
  if (date?.month !== undefined) paper.date = formatMonth(date.year, date.month);
  const categories = listOf(get('categories'), 'categories', (s) => s.split(/[\s,;]+/));
  if (categories.length > 0) paper.categories = categories;
  const url = get('url') === undefined ? '' : textOf(get('url'), 'url');
  if (url) paper.url = url;
  else if (arxiv && sourceId) paper.url = `https://arxiv.org/abs/${sourceId}`;
  return { paper, hasSourceId: sourceId !== '' };
}

/** Looks fields up case-insensitively by Paper field name; empty values count as absent. */
function fieldGetter(fields: RecordFields): (name: keyof typeof FIELD_NAMES) => unknown {
  const lower = new Map<string, unknown>();
  for (const [key, value] of Object.entries(fields)) {
    if (value !== null && value !== undefined && value !== '' && !lower.has(key.toLowerCase())) {
      lower.set(key.toLowerCase(), value);
    }
  }
  return (name) => {
    for (const source of FIELD_NAMES[name]) if (lower.has(source)) return lower.get(source);
    return undefined;
  };
}

function requiredText(get: ReturnType<typeof fieldGetter>, name: 'title' | 'abstract'): string {
  const value = get(name);
  // Checked before any cleanup: normalizing a 500 MB string is where the heap ran out.
  if (typeof value === 'string' && value.length > MAX_FIELD_CHARS) {
    throw new RecordProblem(`"${name}" is ${value.length.toLocaleString('en-US')} characters, over the limit of ${MAX_FIELD_CHARS.toLocaleString('en-US')} (MAX_FIELD_CHARS)`);
  }
  const text = value === undefined ? '' : textOf(value, name);
  if (!text) throw new RecordProblem(`missing "${name}"`);
  return text;
}

function textOf(value: unknown, name: string): string {
  if (typeof value === 'string') return cleanText(value);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw new RecordProblem(`"${name}" must be a string, found ${kindOf(value)}`);
}

function listOf(value: unknown, name: string, split: (s: string) => string[]): string[] {
  if (value === undefined) return [];
  const items = typeof value === 'string' ? split(value) : Array.isArray(value) ? value : undefined;
  if (!items) throw new RecordProblem(`"${name}" must be a string or a list of strings, found ${kindOf(value)}`);
  return items.map((item) => textOf(item, name)).filter((item) => item !== '');
}

/** "A; B" splits on semicolons only (names may hold commas); "A, B, and C" on commas and "and". */
function splitAuthors(authors: string): string[] {
  return authors.includes(';') ? authors.split(';') : authors.split(/,\s*(?:and\s+)?|\s+and\s+/);
}

/**
 * The paper's date: from `date`, `year`, `published`/`update_date`, else a new-style arXiv id
 * (src/corpus/paperDate.ts). A `date` or `year` that holds no date is a problem.
 */
function paperDateOf(get: ReturnType<typeof fieldGetter>, sourceId: string): PaperDate | undefined {
  const year = yearOf(get('year'));
  const given = get('date');
  const date = given === undefined ? undefined : dateOf(given);
  if (given !== undefined && date === undefined) throw new RecordProblem(`"date" is not a date: ${JSON.stringify(given)}`);
  const yearDate = year === undefined ? undefined : (dateOf(get('year')) ?? { year });
  return resolveDate([date, yearDate, dateOf(get('published')), arxivIdDate(sourceId)]);
}

/** A year from a number or a string starting with 4 digits ("2015", "2015-03-02"). */
function yearOf(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const match = typeof value === 'number' ? null : /^\s*(\d{4})(?:$|[-/\s])/.exec(String(value));
  const year = typeof value === 'number' ? value : match ? Number(match[1]) : NaN;
  if (!Number.isInteger(year) || year < 1000 || year > 2999) {
    throw new RecordProblem(`"year" is not a year: ${JSON.stringify(value)}`);
  }
  return year;
}

/** A JSON value's kind for messages: "an array", "a number", "null"… */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  const type = typeof value;
  return `${type === 'object' ? 'an' : 'a'} ${type}`;
}

/** True for a JSON object (not an array or null). */
export function isObject(value: unknown): value is RecordFields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
