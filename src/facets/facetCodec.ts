/**
 * @file facets.bin: a FacetIndex as bytes. A header of u32 words, then monthLo and monthHi
 * (u16), categoryStarts and categoryIds (u32), then the category names as a JSON array;
 * every section starts on a 4-byte boundary. Loading makes typed-array views on the bytes.
 */
import type { FacetIndex } from './facetIndex.js';

/** "FACT" read as a little-endian u32. */
const MAGIC = 0x54434146;
const FORMAT_VERSION = 1;
/** magic, format, rows, category entries, name bytes, reserved. */
const HEADER_WORDS = 6;

const padded = (bytes: number) => Math.ceil(bytes / 4) * 4;
const bytesOf = (a: ArrayBufferView) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/** The bytes of facets.bin for `facets`. */
export function encodeFacets(facets: FacetIndex): Uint8Array {
  const names = new TextEncoder().encode(JSON.stringify(facets.categoryNames));
  const rows = facets.monthLo.length;
  const header = Uint32Array.of(MAGIC, FORMAT_VERSION, rows, facets.categoryIds.length, names.length, 0);
  const parts = [header, facets.monthLo, facets.monthHi, facets.categoryStarts, facets.categoryIds, names].map(bytesOf);
  const out = new Uint8Array(parts.reduce((sum, part) => sum + padded(part.length), 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += padded(part.length);
  }
  return out;
}

/** Reads encodeFacets output for an index of `rows` papers; throws when the bytes are not one. */
export function decodeFacets(bytes: Uint8Array, rows: number): FacetIndex {
  const data = bytes.byteOffset % 4 === 0 ? bytes : new Uint8Array(bytes);
  const fail = (problem: string): never => {
    throw new Error(`facets: ${problem}`);
  };
  if (data.byteLength < HEADER_WORDS * 4) fail(`${data.byteLength} bytes is too short`);
  const [magic, format, count, entries, nameBytes] = new Uint32Array(data.buffer, data.byteOffset, HEADER_WORDS);
  if (magic !== MAGIC || format !== FORMAT_VERSION) fail(`not a paperscope facets file of format ${FORMAT_VERSION}`);
  if (count !== rows) fail(`holds ${count} papers, the index has ${rows}`);
  const expected = HEADER_WORDS * 4 + 2 * padded(rows * 2) + padded((rows + 1) * 4) + entries * 4 + padded(nameBytes);
  if (data.byteLength !== expected) fail(`is ${data.byteLength} bytes, its header says ${expected}`);
  let offset = data.byteOffset + HEADER_WORDS * 4;
  const next = <T>(View: new (buffer: ArrayBufferLike, offset: number, length: number) => T, length: number, width: number): T => {
    const view = new View(data.buffer, offset, length);
    offset += padded(length * width);
    return view;
  };
  const monthLo = next(Uint16Array, rows, 2);
  const monthHi = next(Uint16Array, rows, 2);
  const categoryStarts = next(Uint32Array, rows + 1, 4);
  const categoryIds = next(Uint32Array, entries, 4);
  const categoryNames = JSON.parse(new TextDecoder().decode(next(Uint8Array, nameBytes, 1))) as string[];
  if (categoryStarts[rows] !== entries) fail('its category ranges do not cover its categories');
  if (categoryIds.some((id) => id >= categoryNames.length)) fail(`a category id is not below ${categoryNames.length}`);
  return { monthLo, monthHi, categoryNames, categoryStarts, categoryIds };
}
