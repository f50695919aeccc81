/**
 * @file The compact binary form of GET /api/map (`?format=binary`, layout in docs/API.md
 * "Binary map"): the same document as the JSON form, with every per-paper column as a
 * typed array the page can view without parsing. Columns are found by shape, not by
 * name, so a column added to the JSON form appears in the binary form unchanged.
 */

import { finishNow } from '../util/slices.js';

/** The first four bytes of every binary map. */
export const MAP_MAGIC = 'PSM1';
/** Sections start on multiples of 8 bytes, so the page views them in place. */
const ALIGN = 8;
/**
 * Map positions are rounded to 4 decimals (views.ts); such a column travels as Int32
 * fixed point (value × 10^4), which compresses a fifth smaller than Float32 bits.
 */
const FIXED_DECIMALS = 4;
const FIXED_FACTOR = 10 ** FIXED_DECIMALS;

type ColumnType = 'float32' | 'fixed' | 'int32' | 'uint8' | 'string' | 'lists' | 'json';

/** One column's entry in the header; offsets are from the start of the file. */
export interface ColumnEntry {
  name: string;
  type: ColumnType;
  offset: number;
  byteLength: number;
  /** `fixed` only: the stored Int32 times `scale` is the value. */
  scale?: number;
  /** `string` only: the UTF-8 text the row boundaries index into. */
  textOffset?: number;
  textByteLength?: number;
  /** `lists` only: every row's Int32 values, concatenated. */
  valuesOffset?: number;
  valuesByteLength?: number;
  /** `string` only, when some rows are null: one byte per row, 1 = null. */
  nullsOffset?: number;
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/** The narrowest typed column holding every value of `values`, else `json`. */
function columnType(values: readonly unknown[]): ColumnType {
  if (values.every((v) => typeof v === 'string' || v === null)) return 'string';
  if (values.every((v) => isInt(v) && v >= 0 && v <= 255)) return 'uint8';
  if (values.every((v) => isInt(v) && v >= -(2 ** 31) && v < 2 ** 31)) return 'int32';
  const inFixedRange = (v: number) => Math.abs(v) < 2 ** 31 / FIXED_FACTOR;
  const isFixed = (v: unknown) => typeof v === 'number' && inFixedRange(v) && Math.round(v * FIXED_FACTOR) / FIXED_FACTOR === v;
  if (values.every(isFixed)) return 'fixed';
  if (values.every((v) => typeof v === 'number' && Number.isFinite(v))) return 'float32';
  if (values.every((v) => Array.isArray(v) && v.every((x) => isInt(x) && x >= -(2 ** 31) && x < 2 ** 31))) return 'lists';
  return 'json';
}

type Sections = { rows: Buffer; text?: Buffer; nulls?: Buffer; items?: Buffer };

/** Rows of a string column encoded per step: a million titles are several hundred ms of work. */
const STRING_ROWS_PER_STEP = 16_384;

/** The byte sections of one column: its rows, for strings their text and null flags, for lists their values. */
function* columnSections(values: readonly unknown[], type: ColumnType): Generator<void, Sections> {
  const numbers = values as readonly number[];
  if (type === 'float32') return { rows: Buffer.from(Float32Array.from(numbers).buffer) };
  if (type === 'fixed') return { rows: Buffer.from(Int32Array.from(numbers, (v) => Math.round(v * FIXED_FACTOR)).buffer) };
  if (type === 'int32') return { rows: Buffer.from(Int32Array.from(numbers).buffer) };
  if (type === 'uint8') return { rows: Buffer.from(Uint8Array.from(numbers)) };
  if (type === 'json') return { rows: Buffer.from(JSON.stringify(values), 'utf8') };
  if (type === 'lists') {
    // Lengths and one run of values: 100,000 short lists (categories) cross to the page as
    // two typed arrays, where a JSON column would cost as many objects to clone.
    const lists = values as readonly (readonly number[])[];
    return { rows: Buffer.from(Uint32Array.from(lists, (l) => l.length).buffer), items: Buffer.from(Int32Array.from(lists.flat()).buffer) };
  }
  const strings = values as readonly (string | null)[];
  // Row lengths count UTF-16 code units of the decoded text, so the page decodes the text
  // once and slices it instead of decoding every row; lengths (not end offsets) because
  // small repeated numbers compress well.
  const lengths = Uint32Array.from(strings, (s) => s?.length ?? 0);
  const texts: Buffer[] = [];
  for (let from = 0; from < strings.length; from += STRING_ROWS_PER_STEP) {
    texts.push(Buffer.from(strings.slice(from, from + STRING_ROWS_PER_STEP).map((s) => s ?? '').join(''), 'utf8'));
    yield;
  }
  const nulls = strings.includes(null) ? Buffer.from(strings.map((s) => (s === null ? 1 : 0))) : undefined;
  return { rows: Buffer.from(lengths.buffer), text: Buffer.concat(texts), nulls };
}

const padded = (length: number) => Math.ceil(length / ALIGN) * ALIGN;

/**
 * Encodes a columnar map document: every array of `count` entries is a column, every
 * other field (count, clusters, …) goes into the header as it is.
 */
export function encodeMapBinary(document: { count: number } & Record<string, unknown>): Buffer {
  return finishNow(encodeMapBinarySteps(document));
}

/**
 * encodeMapBinary one column at a time: a step per column, the file as the return value. At
 * 1,000,000 papers the whole encoding takes about 2.3 s, which a server must not spend in one
 * turn of its event loop (finishInTurns in src/util/slices.ts).
 */
export function* encodeMapBinarySteps(document: { count: number } & Record<string, unknown>): Generator<void, Buffer> {
  const { count } = document;
  const fields: Record<string, unknown> = {};
  const columns: ColumnEntry[] = [];
  const sections: Buffer[] = [];
  let offset = 0;
  const place = (bytes: Buffer): number => {
    const at = offset;
    sections.push(bytes, Buffer.alloc(padded(bytes.length) - bytes.length));
    offset += padded(bytes.length);
    return at;
  };
  for (const [name, value] of Object.entries(document)) {
    if (!Array.isArray(value) || value.length !== count) {
      fields[name] = value;
      continue;
    }
    const type = columnType(value);
    const { rows, text, nulls, items } = yield* columnSections(value, type);
    const entry: ColumnEntry = { name, type, offset: place(rows), byteLength: rows.length };
    if (type === 'fixed') entry.scale = 1 / FIXED_FACTOR;
    if (text) Object.assign(entry, { textByteLength: text.length, textOffset: place(text) });
    if (nulls) entry.nullsOffset = place(nulls);
    if (items) Object.assign(entry, { valuesByteLength: items.length, valuesOffset: place(items) });
    columns.push(entry);
    yield;
  }
  return assemble(fields, columns, sections, offset);
}

/** Magic, header length, header JSON, then the sections with offsets made absolute. */
function assemble(fields: Record<string, unknown>, columns: ColumnEntry[], sections: Buffer[], bodyLength: number): Buffer {
  const headerFor = (base: number) => {
    const shift = (n: number | undefined) => (n === undefined ? undefined : n + base);
    const located = columns.map((c) => ({ ...c, offset: c.offset + base, textOffset: shift(c.textOffset), nullsOffset: shift(c.nullsOffset), valuesOffset: shift(c.valuesOffset) }));
    return Buffer.from(JSON.stringify({ version: 1, fields, columns: located }), 'utf8');
  };
  // The header's own length moves the body; its digits can change once, so settle it.
  let base = padded(8 + headerFor(0).length);
  let header = headerFor(base);
  while (padded(8 + header.length) !== base) {
    base = padded(8 + header.length);
    header = headerFor(base);
  }
  const prefix = Buffer.alloc(8);
  prefix.write(MAP_MAGIC, 0, 'ascii');
  prefix.writeUInt32LE(header.length, 4);
  const gap = Buffer.alloc(base - 8 - header.length, 0x20);
  return Buffer.concat([prefix, header, gap, ...sections], base + bodyLength);
}
