/**
 * @file The layout the index's binary artifacts share (bm25.bin, facets.bin): typed arrays
 * one after another, each starting on a 4-byte boundary, so loading is typed-array views on
 * the file's bytes rather than a parse.
 */

/** `bytes` rounded up to a multiple of 4. */
export const padded = (bytes: number) => Math.ceil(bytes / 4) * 4;

/** The bytes of a typed array, without copying. */
export const bytesOf = (array: ArrayBufferView) => new Uint8Array(array.buffer, array.byteOffset, array.byteLength);

/**
 * The sections one after another, each padded to a 4-byte boundary.
 * @example joinSections([bytesOf(Uint32Array.of(1)), Uint8Array.of(7)]).length // => 8
 */
export function joinSections(sections: readonly ArrayBufferView[]): Uint8Array {
  const parts = sections.map(bytesOf);
  const out = new Uint8Array(parts.reduce((sum, part) => sum + padded(part.length), 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += padded(part.length);
  }
  return out;
}

type ViewOf<T> = new (buffer: ArrayBufferLike, offset: number, length: number) => T;

/** Reads joinSections output in order: each call to `next` is a view on the next section. */
export interface SectionReader {
  /** The header: `words` u32 words at the start. */
  header: Uint32Array;
  next<T>(View: ViewOf<T>, count: number, width: number): T;
}

/** A reader over `bytes` (copied once if they do not start on a 4-byte boundary) whose header is `words` u32 words. */
export function sectionReader(bytes: Uint8Array, words: number): SectionReader {
  // new Uint8Array(typed array) copies into a fresh buffer (Buffer#slice would not copy).
  const data = bytes.byteOffset % 4 === 0 ? bytes : new Uint8Array(bytes);
  let offset = data.byteOffset + words * 4;
  return {
    header: new Uint32Array(data.buffer, data.byteOffset, words),
    next(View, count, width) {
      const view = new View(data.buffer, offset, count);
      offset += padded(count * width);
      return view;
    },
  };
}
