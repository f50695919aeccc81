/**
 * @file Valid corpora in every format and fast-check mutations of them for the corpus fuzz
 * tests: record-level (duplicates, missing fields, fields of the wrong type, hostile text),
 * then byte-level (truncation, byte flips, invalid UTF-8, NUL, CRLF, BOM, line edits).
 */
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';

/** A source record before serialization: field name → value (any JSON value, or absent). */
export type SeedRecord = Record<string, unknown>;

export const CORPUS_KINDS = ['trending', 'jsonl', 'arxiv', 'json', 'csv', 'tsv', 'jsonl.gz'] as const;
export type CorpusKind = (typeof CORPUS_KINDS)[number];

export const FILE_NAMES: Readonly<Record<CorpusKind, string>> = {
  trending: 'papers.txt',
  jsonl: 'papers.jsonl',
  arxiv: 'arxiv.jsonl',
  json: 'papers.json',
  csv: 'papers.csv',
  tsv: 'papers.tsv',
  'jsonl.gz': 'papers.jsonl.gz',
};

/** Seed records shaped for `kind` from plain papers (title, abstract, id, authors, year, categories). */
export function seedRecords(kind: CorpusKind, papers: Array<{ id: string; title: string; abstract: string; categories?: string[]; year?: number }>): SeedRecord[] {
  return papers.map((p, i) => {
    if (kind === 'trending') return { title: p.title, abstract: p.abstract };
    if (kind === 'arxiv') {
      return { id: p.id, title: p.title, abstract: p.abstract, authors: 'A. Author and B. Builder', categories: (p.categories ?? ['cs.LG']).join(' '), update_date: `${p.year ?? 2025}-01-0${(i % 9) + 1}` };
    }
    return { id: `p${i}`, title: p.title, abstract: p.abstract, authors: ['Ada Lovelace', 'Emmy Noether'], year: p.year ?? 2020, categories: p.categories ?? ['cs.LG'] };
  });
}

const csvCell = (value: unknown, delimiter: string) => {
  const text = value === undefined || value === null ? '' : typeof value === 'string' ? value : Array.isArray(value) ? value.join('; ') : JSON.stringify(value);
  return /["\r\n]/.test(text) || text.includes(delimiter) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** The file bytes of `records` in `kind`'s format. */
export function serialize(kind: CorpusKind, given: SeedRecord[]): Buffer {
  const text = (r: unknown) => (typeof r === 'string' ? r : JSON.stringify(r ?? ''));
  // JSON formats keep a record that is not an object as it is; the text formats put it in the title.
  const isRecord = (r: unknown): r is SeedRecord => typeof r === 'object' && r !== null && !Array.isArray(r);
  const records = kind === 'trending' || kind === 'csv' || kind === 'tsv' ? given.map((r) => (isRecord(r) ? r : { title: r })) : given;
  switch (kind) {
    case 'trending':
      return Buffer.from(['Get trending papers in your email inbox once a day!', 'Subscribe' + text(records[0]?.title), text(records[0]?.abstract), ...records.slice(1).flatMap((r) => [text(r.title), text(r.abstract)])].join('\n') + '\n');
    case 'jsonl':
    case 'arxiv':
      return Buffer.from(records.map((r) => JSON.stringify(r)).join('\n') + '\n');
    case 'jsonl.gz':
      return gzipSync(Buffer.from(records.map((r) => JSON.stringify(r)).join('\n') + '\n'));
    case 'json':
      return Buffer.from(JSON.stringify(records, null, 2));
    case 'csv':
    case 'tsv': {
      const delimiter = kind === 'csv' ? ',' : '\t';
      const columns = [...new Set(records.flatMap((r) => Object.keys(r)))];
      const rows = [columns, ...records.map((r) => columns.map((c) => csvCell(r[c], delimiter)))];
      return Buffer.from(rows.map((row) => row.join(delimiter)).join('\n') + '\n');
    }
  }
}

// ---- record-level mutations

const HOSTILE_TEXT = ['', '   ', '\n', 'line one\nline two', 'tab\there', 'a, "quoted", b', '\u2028\u2029', '\ufeffBOM inside', '\ud800 lone', 'é\u0301 NFC', '\u0000nul', '🙂'.repeat(50), 'x'.repeat(5000), 'Ends with a dot.'];
const ODD_VALUES: unknown[] = [null, 0, 3.5, -1, true, [], ['a', 'b'], [1, 2], {}, { nested: 'x' }, 'soon', '1999-13-45', 12345678901234567890];

type RecordMutation =
  | { kind: 'duplicate'; at: number }
  | { kind: 'same-title-new-id'; at: number }
  | { kind: 'drop-field'; at: number; field: string }
  | { kind: 'odd-value'; at: number; field: string; value: unknown }
  | { kind: 'hostile-text'; at: number; field: string; value: string }
  | { kind: 'not-an-object'; at: number; value: unknown };

const FIELDS = ['id', 'title', 'abstract', 'authors', 'year', 'categories', 'update_date', 'url', 'Title', 'summary'];

export const recordMutation: fc.Arbitrary<RecordMutation> = fc.oneof(
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('same-title-new-id' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('drop-field' as const), at: fc.nat(), field: fc.constantFrom('title', 'abstract', 'id', 'authors', 'categories') }),
  fc.record({ kind: fc.constant('odd-value' as const), at: fc.nat(), field: fc.constantFrom(...FIELDS), value: fc.constantFrom(...ODD_VALUES) }),
  fc.record({ kind: fc.constant('hostile-text' as const), at: fc.nat(), field: fc.constantFrom(...FIELDS), value: fc.oneof(fc.constantFrom(...HOSTILE_TEXT), fc.string({ unit: 'binary', maxLength: 20 })) }),
  fc.record({ kind: fc.constant('not-an-object' as const), at: fc.nat(), value: fc.constantFrom(...ODD_VALUES) }),
);

/** `records` with `mutations` applied (a copy). */
export function mutateRecords(records: SeedRecord[], mutations: RecordMutation[]): SeedRecord[] {
  const out: SeedRecord[] = records.map((r) => ({ ...r }));
  for (const m of mutations) {
    if (out.length === 0) break;
    const at = m.at % out.length;
    const record = out[at];
    if (typeof record !== 'object' || record === null || Array.isArray(record)) continue; // replaced by a non-object earlier
    if (m.kind === 'duplicate') out.splice(at + 1, 0, { ...record });
    else if (m.kind === 'same-title-new-id') out.push({ ...record, id: `dup-${at}` });
    else if (m.kind === 'drop-field') delete record[m.field];
    // Copies: the generated values are shared constants, and a record must not end up holding itself.
    else if (m.kind === 'not-an-object') out[at] = structuredClone(m.value) as SeedRecord;
    else record[m.field] = structuredClone(m.value);
  }
  return out;
}

// ---- byte-level mutations

const INVALID_UTF8: ReadonlyArray<readonly number[]> = [[0xff], [0xfe, 0xff], [0xc0, 0xaf], [0x80], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80]];

type ByteMutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; at: number; mask: number }
  | { kind: 'invalid-utf8'; at: number; bytes: readonly number[] }
  | { kind: 'nul'; at: number }
  | { kind: 'crlf' }
  | { kind: 'lone-cr'; at: number }
  | { kind: 'bom'; bytes: readonly number[] }
  | { kind: 'duplicate-line'; at: number }
  | { kind: 'delete-line'; at: number }
  | { kind: 'swap-lines'; at: number; with: number }
  | { kind: 'insert-text'; at: number; text: string };

export const byteMutation: fc.Arbitrary<ByteMutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), mask: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant('invalid-utf8' as const), at: fc.nat(), bytes: fc.constantFrom(...INVALID_UTF8) }),
  fc.record({ kind: fc.constant('nul' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('crlf' as const) }),
  fc.record({ kind: fc.constant('lone-cr' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('bom' as const), bytes: fc.constantFrom([0xef, 0xbb, 0xbf], [0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]) }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('delete-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap-lines' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ kind: fc.constant('insert-text' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom('{', '}', '[', ']', '"', ',', '\n', '\n\n', '""', '\\', '{"title":'), fc.string({ unit: 'binary', maxLength: 12 })) }),
);

function splitLines(bytes: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  let start = 0;
  for (let i = bytes.indexOf(0x0a); i !== -1; i = bytes.indexOf(0x0a, i + 1)) {
    lines.push(bytes.subarray(start, i + 1));
    start = i + 1;
  }
  if (start < bytes.length) lines.push(bytes.subarray(start));
  return lines;
}

const insertAt = (bytes: Buffer, at: number, extra: Buffer) => Buffer.concat([bytes.subarray(0, at), extra, bytes.subarray(at)]);

/** `bytes` with one byte-level mutation applied. */
export function mutateBytes(bytes: Buffer, m: ByteMutation): Buffer {
  const at = bytes.length === 0 ? 0 : ('at' in m ? m.at : 0) % (bytes.length + 1);
  switch (m.kind) {
    case 'truncate':
      return bytes.subarray(0, at);
    case 'flip': {
      if (bytes.length === 0) return bytes;
      const out = Buffer.from(bytes);
      out[at % bytes.length] ^= m.mask;
      return out;
    }
    case 'invalid-utf8':
      return insertAt(bytes, at, Buffer.from(m.bytes));
    case 'nul':
      return insertAt(bytes, at, Buffer.from([0]));
    case 'crlf':
      return Buffer.from(bytes.toString('latin1').replace(/\n/g, '\r\n'), 'latin1');
    case 'lone-cr':
      return insertAt(bytes, at, Buffer.from('\r'));
    case 'bom':
      return Buffer.concat([Buffer.from(m.bytes), bytes]);
    case 'insert-text':
      return insertAt(bytes, at, Buffer.from(m.text));
    default: {
      const lines = splitLines(bytes);
      if (lines.length === 0) return bytes;
      const i = at % lines.length;
      if (m.kind === 'duplicate-line') lines.splice(i, 0, lines[i]);
      else if (m.kind === 'delete-line') lines.splice(i, 1);
      else {
        const j = m.with % lines.length;
        [lines[i], lines[j]] = [lines[j], lines[i]];
      }
      return Buffer.concat(lines);
    }
  }
}
