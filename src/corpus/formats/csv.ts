/**
 * @file CSV (or tab-separated) with a header row naming the columns, case-insensitively;
 * title and abstract (or a synonym) are required, other known columns optional.
 */
import { parse, CsvError } from 'csv-parse/sync';
import { CorpusError } from '../errors.js';
import { FIELD_NAMES, type RawRecord } from '../record.js';

interface CsvRow {
  record: string[];
  info: { lines: number };
}

/** One record per data row; a header without title/abstract columns is an error. */
export function parseCsv(text: string, file: string): RawRecord[] {
  const [header, ...rows] = readRows(text, file);
  const names = header.record.map((name) => name.trim().toLowerCase());
  checkHeader(names, header.record, file, startLine(header));
  return rows.map((row): RawRecord => {
    const line = startLine(row);
    if (row.record.length !== names.length) {
      return { line, problem: `expected ${names.length} fields as in the header, found ${row.record.length}` };
    }
    return { line, fields: Object.fromEntries(names.map((name, i) => [name, row.record[i]])) };
  });
}

function readRows(text: string, file: string): CsvRow[] {
  const newline = text.indexOf('\n');
  const firstLine = newline === -1 ? text : text.slice(0, newline);
  const delimiter = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  try {
    // Column counts are checked per row so that one bad row can be skipped. csv-parse counts the
    // \r and the \n of a CRLF inside a quoted field as two lines, so line numbers need LF only.
    const rows = parse(text.replace(/\r\n/g, '\n'), { delimiter, info: true, relax_column_count: true, skip_empty_lines: true });
    return rows as unknown as CsvRow[];
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    throw new CorpusError(file, typeof err.lines === 'number' ? err.lines : undefined, `invalid CSV (${err.message})`);
  }
}

function checkHeader(names: string[], header: string[], file: string, line: number): void {
  for (const field of ['title', 'abstract'] as const) {
    const accepted = FIELD_NAMES[field];
    if (!accepted.some((name) => names.includes(name))) {
      const also = accepted.length > 1 ? ` (or ${accepted.slice(1).join(', ')})` : '';
      throw new CorpusError(file, line, `no "${field}" column${also}; header is: ${header.join(', ')}`);
    }
  }
}

/** csv-parse reports the line a row ends on; quoted fields may span lines. */
function startLine(row: CsvRow): number {
  let newlines = 0;
  for (const field of row.record) for (let i = field.indexOf('\n'); i !== -1; i = field.indexOf('\n', i + 1)) newlines++;
  return row.info.lines - newlines;
}
