/**
 * @file Reads a BEIR-layout benchmark folder (Thakur et al. 2021): `corpus.jsonl[.gz]` with
 * `_id`/`id`, `title`, `text`; `queries*.jsonl` with `_id`/`id`, `text`; `qrels*.tsv` (or
 * `qrels/*.tsv`) with query-id, corpus-id, score. Finds the files, parses them line by line
 * and writes the corpus out as a paperscope JSON Lines corpus for `buildIndex`.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import readline from 'node:readline';
import { once } from 'node:events';
import { createGunzip } from 'node:zlib';

/** A bad or missing benchmark file, named with the line when there is one. */
export class EvalError extends Error {
  override readonly name = 'EvalError';

  constructor(file: string, line: number | undefined, problem: string) {
    super(`eval: ${file}${line === undefined ? '' : ` line ${line}`}: ${problem}`);
  }
}

/** Relevance judgements: query id → (document id → grade; > 0 is relevant). */
export type QrelsByQuery = Map<string, Map<string, number>>;

export interface BeirFiles {
  corpus: string;
  queries: string;
  qrels: string;
}

/** File names from flags, relative to the folder (or absolute); a missing one is looked for. */
export type BeirFileNames = Partial<BeirFiles>;

/** What each file is called when no flag names it: patterns over the folder (and `qrels/` for qrels). */
const FILE_PATTERNS: Readonly<Record<keyof BeirFiles, RegExp>> = Object.freeze({
  corpus: /^corpus.*\.jsonl(\.gz)?$/,
  queries: /^queries.*\.jsonl(\.gz)?$/,
  qrels: /^(qrels[^/]*|qrels\/[^/]+)\.tsv$/,
});

async function listFiles(dir: string): Promise<string[]> {
  const top = await fs.readdir(dir).catch((err: NodeJS.ErrnoException) => {
    throw new EvalError(dir, undefined, `cannot read the folder (${err.code ?? err.message})`);
  });
  const nested = await fs.readdir(path.join(dir, 'qrels')).catch(() => [] as string[]);
  return [...top, ...nested.map((name) => `qrels/${name}`)].sort();
}

function pickFile(dir: string, files: string[], kind: keyof BeirFiles): string {
  const found = files.filter((name) => FILE_PATTERNS[kind].test(name));
  // corpus.jsonl and corpus.jsonl.gz side by side are one corpus: take the plain file.
  const distinct = found.filter((name) => !(name.endsWith('.gz') && found.includes(name.slice(0, -3))));
  if (distinct.length === 1) return path.join(dir, distinct[0]);
  const which = distinct.length === 0 ? `no file matches ${FILE_PATTERNS[kind]}` : `several files could be the ${kind}: ${distinct.join(', ')}`;
  throw new EvalError(dir, undefined, `${which}; name one with --${kind} <file>`);
}

/**
 * The benchmark's three files: those named in `names` (relative to `dir`), the others found by pattern.
 * @example await locateBeirFiles('data/scifact', { queries: 'queries-train.jsonl' })
 * // => { corpus: 'data/scifact/corpus.jsonl.gz', queries: 'data/scifact/queries-train.jsonl', qrels: 'data/scifact/qrels-train.tsv' }
 */
export async function locateBeirFiles(dir: string, names: BeirFileNames = {}): Promise<BeirFiles> {
  const files = await listFiles(dir);
  const locate = async (kind: keyof BeirFiles): Promise<string> => {
    const named = names[kind];
    if (named === undefined) return pickFile(dir, files, kind);
    const file = path.resolve(dir, named);
    await fs.access(file).catch(() => {
      throw new EvalError(file, undefined, `no such file (from --${kind})`);
    });
    return file;
  };
  return { corpus: await locate('corpus'), queries: await locate('queries'), qrels: await locate('qrels') };
}

/** Calls `onLine` with each line of a text file (gunzipped when it ends in .gz) and its 1-based number. */
async function forEachLine(file: string, onLine: (line: string, number: number) => void | Promise<void>): Promise<void> {
  const raw = createReadStream(file);
  const input = file.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
  const failed = new Promise<never>((_, reject) => {
    const fail = (err: Error) => reject(new EvalError(file, undefined, `cannot read (${err.message})`));
    raw.on('error', fail);
    input.on('error', fail);
  });
  const read = async () => {
    let number = 0;
    for await (const line of readline.createInterface({ input, crlfDelay: Infinity })) await onLine(line, ++number);
  };
  try {
    await Promise.race([read(), failed]);
  } finally {
    raw.destroy();
  }
}

function parseObject(file: string, line: string, number: number): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    throw new EvalError(file, number, `invalid JSON (${(err as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new EvalError(file, number, 'expected a JSON object');
  return value as Record<string, unknown>;
}

/** `_id` (BEIR) or `id`, as a string. */
function idOf(file: string, record: Record<string, unknown>, number: number): string {
  const id = record._id ?? record.id;
  if (typeof id !== 'string' && typeof id !== 'number') throw new EvalError(file, number, 'missing "_id" (or "id")');
  const text = String(id).trim();
  if (text === '') throw new EvalError(file, number, 'empty "_id"');
  return text;
}

function textOf(record: Record<string, unknown>, field: string): string {
  const value = record[field];
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * Stands in for a missing title or text: a paper needs both, and this one adds no word to
 * BM25 or the LSA vocabulary (the analyzer keeps letters and digits only).
 */
export const MISSING_TEXT = '—';

export interface CorpusCopy {
  documents: number;
  /** Documents with no title, or no text, that got MISSING_TEXT in its place. */
  untitled: number;
  textless: number;
}

/**
 * Copies a BEIR corpus to `out` as paperscope JSON Lines ({ id, title, abstract }), line for
 * line (blank lines stay blank), so a build's messages about line n are about line n of `file`.
 */
export async function copyBeirCorpus(file: string, out: string): Promise<CorpusCopy> {
  const sink = createWriteStream(out);
  const copy: CorpusCopy = { documents: 0, untitled: 0, textless: 0 };
  const write = async (text: string) => {
    if (!sink.write(text)) await once(sink, 'drain');
  };
  await forEachLine(file, async (line, number) => {
    if (line.trim() === '') return write('\n');
    const record = parseObject(file, line, number);
    const id = idOf(file, record, number);
    const title = textOf(record, 'title');
    const text = textOf(record, 'text');
    if (title === '' && text === '') throw new EvalError(file, number, 'neither "title" nor "text"');
    copy.untitled += title === '' ? 1 : 0;
    copy.textless += text === '' ? 1 : 0;
    copy.documents++;
    await write(JSON.stringify({ id, title: title || MISSING_TEXT, abstract: text || MISSING_TEXT }) + '\n');
  });
  sink.end();
  await once(sink, 'finish');
  if (copy.documents === 0) throw new EvalError(file, undefined, 'no documents');
  return copy;
}

/** Query id → query text, in file order. */
export async function readBeirQueries(file: string): Promise<Map<string, string>> {
  const queries = new Map<string, string>();
  await forEachLine(file, (line, number) => {
    if (line.trim() === '') return;
    const record = parseObject(file, line, number);
    const id = idOf(file, record, number);
    if (queries.has(id)) throw new EvalError(file, number, `duplicate query id "${id}"`);
    queries.set(id, textOf(record, 'text'));
  });
  return queries;
}

/**
 * Reads TREC-style qrels as BEIR writes them: `query-id<TAB>corpus-id<TAB>score`, an optional
 * header line, and also the four-column TREC form `query-id 0 corpus-id score`.
 */
export async function readQrels(file: string): Promise<QrelsByQuery> {
  const qrels: QrelsByQuery = new Map();
  await forEachLine(file, (line, number) => {
    const cells = line.trim().split(/\s+/);
    if (cells[0] === '' || (number === 1 && !/^-?\d+$/.test(cells[cells.length - 1]))) return;
    if (cells.length !== 3 && cells.length !== 4) throw new EvalError(file, number, `expected query-id, corpus-id and score, found ${cells.length} columns`);
    const [query, doc, score] = cells.length === 3 ? cells : [cells[0], cells[2], cells[3]];
    const grade = Number(score);
    if (!Number.isFinite(grade)) throw new EvalError(file, number, `score "${score}" is not a number`);
    if (!qrels.has(query)) qrels.set(query, new Map());
    qrels.get(query)!.set(doc, grade);
  });
  if (qrels.size === 0) throw new EvalError(file, undefined, 'no judgements');
  return qrels;
}
