/**
 * @file facets.bin: a FacetIndex as bytes. A header of u32 words, then monthLo and monthHi
 * (u16), categoryStarts and categoryIds (u32), then the category names as a JSON array;
 * every section starts on a 4-byte boundary. Loading makes typed-array views on the bytes.
 */
import { joinSections, padded, sectionReader } from '../store/byteSections.js';
import type { FacetIndex } from './facetIndex.js';

/** "FACT" read as a little-endian u32. */
const MAGIC = 0x54434146;
const FORMAT_VERSION = 1;
/** magic, format, rows, category entries, name bytes, reserved. */
const HEADER_WORDS = 6;

/** The bytes of facets.bin for `facets`. */
export function encodeFacets(facets: FacetIndex): Uint8Array {
  const names = new TextEncoder().encode(JSON.stringify(facets.categoryNames));
  const rows = facets.monthLo.length;
  const header = Uint32Array.of(MAGIC, FORMAT_VERSION, rows, facets.categoryIds.length, names.length, 0);
  return joinSections([header, facets.monthLo, facets.monthHi, facets.categoryStarts, facets.categoryIds, names]);
}

/** Reads encodeFacets output for an index of `rows` papers; throws when the bytes are not one. */
export function decodeFacets(bytes: Uint8Array, rows: number): FacetIndex {
  const fail = (problem: string): never => {
    throw new Error(`facets: ${problem}`);
  };
  if (bytes.byteLength < HEADER_WORDS * 4) fail(`${bytes.byteLength} bytes is too short`);
  const { header, next } = sectionReader(bytes, HEADER_WORDS);
  const [magic, format, count, entries, nameBytes] = header;
  if (magic !== MAGIC || format !== FORMAT_VERSION) fail(`not a paperscope facets file of format ${FORMAT_VERSION}`);
  if (count !== rows) fail(`holds ${count} papers, the index has ${rows}`);
  const expected = HEADER_WORDS * 4 + 2 * padded(rows * 2) + padded((rows + 1) * 4) + entries * 4 + padded(nameBytes);
  if (bytes.byteLength !== expected) fail(`is ${bytes.byteLength} bytes, its header says ${expected}`);
  const monthLo = next(Uint16Array, rows, 2);
  const monthHi = next(Uint16Array, rows, 2);
  const categoryStarts = next(Uint32Array, rows + 1, 4);
  const categoryIds = next(Uint32Array, entries, 4);
  const categoryNames = JSON.parse(new TextDecoder().decode(next(Uint8Array, nameBytes, 1))) as string[];
  if (categoryStarts[rows] !== entries) fail('its category ranges do not cover its categories');
  if (categoryIds.some((id) => id >= categoryNames.length)) fail(`a category id is not below ${categoryNames.length}`);
  return { monthLo, monthHi, categoryNames, categoryStarts, categoryIds };
}
