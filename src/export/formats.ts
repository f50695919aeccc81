/**
 * @file Writes export records as CSV (RFC 4180, spreadsheet formulas neutralised), JSON Lines
 * or BibTeX, and names each format's media type and file extension.
 */
import { stringify } from 'csv-stringify/sync';
import { toBibtex } from './bibtex.js';
import type { ExportRow } from './exportRows.js';

export const EXPORT_FORMATS = Object.freeze(['csv', 'jsonl', 'bibtex'] as const);
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const FORMAT_FILES: Readonly<Record<ExportFormat, { type: string; extension: string }>> = Object.freeze({
  csv: { type: 'text/csv; charset=utf-8', extension: 'csv' },
  jsonl: { type: 'application/x-ndjson; charset=utf-8', extension: 'jsonl' },
  bibtex: { type: 'application/x-bibtex; charset=utf-8', extension: 'bib' },
});

export const CSV_COLUMNS = Object.freeze(['id', 'title', 'authors', 'date', 'categories', 'url', 'topics', 'permalink'] as const);
/** Joins the list fields (authors, categories, topics) inside one CSV cell. */
export const CSV_LIST_SEPARATOR = '; ';

/**
 * RFC 4180: CRLF line ends, fields quoted when needed, quotes doubled. A cell starting with
 * = + - @ or a tab gets a leading ' (csv-stringify's escape_formulas), so a spreadsheet shows
 * it as text instead of running it.
 */
export function toCsv(rows: readonly ExportRow[]): string {
  const records = rows.map((r) => ({
    ...r,
    authors: r.authors.join(CSV_LIST_SEPARATOR),
    categories: r.categories.join(CSV_LIST_SEPARATOR),
    topics: r.topics.join(CSV_LIST_SEPARATOR),
    date: r.date ?? '',
    url: r.url ?? '',
  }));
  return stringify(records, { header: true, columns: [...CSV_COLUMNS], record_delimiter: 'windows', escape_formulas: true });
}

export function toJsonl(rows: readonly ExportRow[]): string {
  return rows.map((r) => JSON.stringify(r) + '\n').join('');
}

/** The rows in `format`, as the text of the file to download. */
export function formatRows(rows: readonly ExportRow[], format: ExportFormat): string {
  if (format === 'csv') return toCsv(rows);
  if (format === 'jsonl') return toJsonl(rows);
  return toBibtex(rows);
}
