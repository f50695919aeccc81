/**
 * @file Which corpus format a file holds: from its extension (ignoring .gz), refined or,
 * for unknown extensions, decided by looking at the first line of its text.
 */
import path from 'node:path';
import { CorpusError } from './errors.js';
import { isObject } from './record.js';

/** Every corpus format, in the order listed in messages. */
export const CORPUS_FORMATS = Object.freeze(['trending', 'jsonl', 'json', 'csv', 'arxiv'] as const);
export type CorpusFormat = (typeof CORPUS_FORMATS)[number];

/** New-style (2301.01234v2) and old-style (math.AG/0601001) arXiv identifiers. */
const ARXIV_ID = /^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?\/\d{7})(v\d+)?$/;

/** The format of `text`, read from a file named `file`. */
export function detectFormat(file: string, text: string): CorpusFormat {
  const ext = path.extname(file.replace(/\.gz$/i, '')).toLowerCase();
  const first = firstLine(text);
  if (ext === '.txt') return 'trending';
  if (ext === '.csv' || ext === '.tsv') return 'csv';
  if (ext === '.jsonl' || ext === '.ndjson') return jsonLinesFlavour(first);
  if (ext === '.json') return parseObject(first) ? jsonLinesFlavour(first) : 'json';
  return sniffFormat(file, first);
}

/** Checks a format given by the caller. */
export function checkFormat(format: string, file: string): CorpusFormat {
  if ((CORPUS_FORMATS as readonly string[]).includes(format)) return format as CorpusFormat;
  throw new CorpusError(file, undefined, `unknown format "${format}"; expected one of ${CORPUS_FORMATS.join(', ')}`);
}

function sniffFormat(file: string, first: string): CorpusFormat {
  if (first.startsWith('[')) return 'json';
  if (first.startsWith('{')) return parseObject(first) ? jsonLinesFlavour(first) : 'json';
  if (/^Get trending papers/i.test(first)) return 'trending';
  if (/(^|[,\t])\s*"?title"?\s*($|[,\t])/i.test(first)) return 'csv';
  const choices = CORPUS_FORMATS.join(', ');
  throw new CorpusError(file, 1, `cannot tell the format from the name or the first line; pass a format (${choices})`);
}

/** arXiv snapshot records carry update_date, or an arXiv id together with categories. */
function jsonLinesFlavour(first: string): CorpusFormat {
  const record = parseObject(first);
  if (!record) return 'jsonl';
  const arxivId = typeof record.id === 'string' && ARXIV_ID.test(record.id);
  return 'update_date' in record || (arxivId && 'categories' in record) ? 'arxiv' : 'jsonl';
}

function parseObject(line: string): Record<string, unknown> | undefined {
  // A one-line JSON array can be the whole (large) file: do not parse it here just to reject it.
  if (!line.startsWith('{')) return undefined;
  try {
    const value: unknown = JSON.parse(line);
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function firstLine(text: string): string {
  const start = text.search(/\S/);
  const end = text.indexOf('\n', start);
  return text.slice(start, end === -1 ? undefined : end).trim();
}
