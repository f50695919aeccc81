/**
 * @file Reads the binary form of GET /api/map (docs/API.md "Binary map") back into the
 * JSON form's document: number columns become typed arrays viewing the buffer in
 * place, string columns are decoded once and sliced, and header fields are copied.
 * The worker decodes (decodePackedMap) and the page slices the strings (unpackMap).
 */

const MAGIC = 'PSM1';

interface ColumnEntry {
  name: string;
  type: 'float32' | 'fixed' | 'int32' | 'uint8' | 'string' | 'lists' | 'json';
  scale?: number;
  offset: number;
  byteLength: number;
  textOffset?: number;
  textByteLength?: number;
  nullsOffset?: number;
  valuesOffset?: number;
  valuesByteLength?: number;
}

interface Header {
  version: number;
  fields: Record<string, unknown>;
  columns: ColumnEntry[];
}

/** A binary map that cannot be read: names what is wrong with it. */
export class MapFormatError extends Error {
  constructor(message: string) {
    super(`The map data is malformed: ${message}.`);
    this.name = 'MapFormatError';
  }
}

/** Typed arrays use the machine's byte order and the format is little-endian. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function readHeader(buffer: ArrayBuffer): Header {
  if (buffer.byteLength < 8) throw new MapFormatError('it is shorter than its 8-byte prefix');
  const magic = String.fromCharCode(...new Uint8Array(buffer, 0, 4));
  if (magic !== MAGIC) throw new MapFormatError(`it starts with ${JSON.stringify(magic)}, not ${MAGIC}`);
  const length = new DataView(buffer).getUint32(4, true);
  if (8 + length > buffer.byteLength) throw new MapFormatError('its header runs past the end');
  const header = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 8, length))) as Header;
  if (header.version !== 1) throw new MapFormatError(`version ${header.version} is not 1`);
  return header;
}

function checkBounds(buffer: ArrayBuffer, column: ColumnEntry, offset: number, byteLength: number): void {
  if (offset % 4 !== 0 || offset + byteLength > buffer.byteLength) throw new MapFormatError(`column ${column.name} lies outside the data`);
}

/**
 * A string column as one decoded text and its row lengths: what the worker posts, since
 * cloning one long string costs far less than cloning 100,000 short ones.
 */
export interface PackedStrings {
  packed: 'strings';
  text: string;
  lengths: Uint32Array;
  nulls: Uint8Array | null;
}

function readStrings(buffer: ArrayBuffer, column: ColumnEntry, count: number): PackedStrings {
  const textOffset = column.textOffset ?? 0;
  const textLength = column.textByteLength ?? 0;
  checkBounds(buffer, column, textOffset, textLength);
  const text = new TextDecoder().decode(new Uint8Array(buffer, textOffset, textLength));
  const lengths = new Uint32Array(buffer, column.offset, count);
  const nulls = column.nullsOffset === undefined ? null : new Uint8Array(buffer, column.nullsOffset, count);
  let total = 0;
  for (let i = 0; i < count; i++) total += lengths[i];
  if (total !== text.length) throw new MapFormatError(`column ${column.name} does not match its text`);
  return { packed: 'strings', text, lengths, nulls };
}

/** The rows of a packed string column (slices of one text are cheap in JS engines). */
export function unpackStrings({ text, lengths, nulls }: PackedStrings): (string | null)[] {
  const values = new Array<string | null>(lengths.length);
  let start = 0;
  for (let i = 0; i < lengths.length; i++) {
    const end = start + lengths[i];
    values[i] = nulls?.[i] ? null : text.slice(start, end);
    start = end;
  }
  return values;
}

/** A list column as row lengths and one run of values, unpacked on the page like strings. */
export interface PackedLists {
  packed: 'lists';
  lengths: Uint32Array;
  values: Int32Array;
}

function readLists(buffer: ArrayBuffer, column: ColumnEntry, count: number): PackedLists {
  const offset = column.valuesOffset ?? 0;
  const byteLength = column.valuesByteLength ?? 0;
  checkBounds(buffer, column, offset, byteLength);
  const lengths = new Uint32Array(buffer, column.offset, count);
  const values = new Int32Array(buffer, offset, byteLength / 4);
  let total = 0;
  for (let i = 0; i < count; i++) total += lengths[i];
  if (total !== values.length) throw new MapFormatError(`column ${column.name} does not match its values`);
  return { packed: 'lists', lengths, values };
}

function unpackLists({ lengths, values }: PackedLists): number[][] {
  const rows = new Array<number[]>(lengths.length);
  let start = 0;
  for (let i = 0; i < lengths.length; i++) {
    rows[i] = Array.from(values.subarray(start, start + lengths[i]));
    start += lengths[i];
  }
  return rows;
}

type Packed = PackedStrings | PackedLists;
const packedKind = (value: unknown): Packed['packed'] | undefined => (value as Packed | null)?.packed;

/** A decoded map whose string columns are still packed: ready for postMessage. */
export type PackedMap = Record<string, unknown> & { count: number };

/** Whether a column of a `decodePackedMap` document is a packed string column. */
export const isPackedStrings = (value: unknown): value is PackedStrings => packedKind(value) === 'strings';

/** Unpacks every string and list column of a `decodePackedMap` document, in place. */
export function unpackMap(map: PackedMap): PackedMap {
  for (const [name, value] of Object.entries(map)) {
    if (packedKind(value) === 'strings') map[name] = unpackStrings(value as PackedStrings);
    else if (packedKind(value) === 'lists') map[name] = unpackLists(value as PackedLists);
  }
  return map;
}

/** Int32 fixed point back to numbers: Float32 (what the map draws with), so x.xxxx ± 1e-6. */
function fixedColumn(stored: Int32Array, column: ColumnEntry): Float32Array {
  const scale = column.scale;
  if (typeof scale !== 'number' || !(scale > 0)) throw new MapFormatError(`column ${column.name} has no scale`);
  const values = new Float32Array(stored.length);
  for (let i = 0; i < stored.length; i++) values[i] = stored[i] * scale;
  return values;
}

function readColumn(buffer: ArrayBuffer, column: ColumnEntry, count: number): unknown {
  const bytesPerRow = { float32: 4, fixed: 4, int32: 4, uint8: 1, string: 4, lists: 4, json: 0 }[column.type];
  if (bytesPerRow === undefined) throw new MapFormatError(`column ${column.name} has unknown type ${column.type}`);
  checkBounds(buffer, column, column.offset, column.byteLength);
  if (column.type === 'json') {
    return JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, column.offset, column.byteLength))) as unknown;
  }
  if (column.byteLength !== count * bytesPerRow) throw new MapFormatError(`column ${column.name} holds ${column.byteLength} bytes, not ${count * bytesPerRow}`);
  if (column.type === 'float32') return new Float32Array(buffer, column.offset, count);
  if (column.type === 'fixed') return fixedColumn(new Int32Array(buffer, column.offset, count), column);
  if (column.type === 'int32') return new Int32Array(buffer, column.offset, count);
  if (column.type === 'uint8') return new Uint8Array(buffer, column.offset, count);
  if (column.type === 'lists') return readLists(buffer, column, count);
  return readStrings(buffer, column, count);
}

/** The map document of a binary map, string columns left packed (see PackedStrings). */
export function decodePackedMap(buffer: ArrayBuffer): PackedMap {
  if (!LITTLE_ENDIAN) throw new MapFormatError('this machine is big-endian, the format little-endian');
  const header = readHeader(buffer);
  const count = header.fields.count;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) throw new MapFormatError('its count is not a whole number');
  const document: PackedMap = { ...header.fields, count };
  for (const column of header.columns) document[column.name] = readColumn(buffer, column, count);
  return document;
}

/** The map document of a binary map: header fields plus one entry per column. */
export function decodeMap(buffer: ArrayBuffer): PackedMap {
  return unpackMap(decodePackedMap(buffer));
}
