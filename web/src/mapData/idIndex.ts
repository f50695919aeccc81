/**
 * @file Each paper's row by its id, as an open-addressing hash table in one Int32Array.
 * The map worker fills the table from the packed id column and transfers it, so the page
 * never builds a Map of every id: at 1,000,000 papers that took the page's main thread
 * close to a second, plus the garbage of a million entries.
 */

const EMPTY = -1;

/** FNV-1a over the UTF-16 code units of text[start, end): the same for a slice and its string. */
function hashOf(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** A table of at least twice as many slots as rows (a power of two), so probes stay short. */
function emptySlots(count: number): Int32Array {
  let size = 2;
  while (size < 2 * count) size *= 2;
  return new Int32Array(size).fill(EMPTY);
}

function insert(slots: Int32Array, hash: number, row: number): void {
  const mask = slots.length - 1;
  let slot = hash & mask;
  while (slots[slot] !== EMPTY) slot = (slot + 1) & mask;
  slots[slot] = row;
}

/** The table for an id column packed as one text and each row's length (the worker's form). */
export function packedIdSlots(text: string, lengths: Uint32Array): Int32Array {
  const slots = emptySlots(lengths.length);
  let start = 0;
  for (let row = 0; row < lengths.length; row++) {
    const end = start + lengths[row];
    insert(slots, hashOf(text, start, end), row);
    start = end;
  }
  return slots;
}

export class IdIndex {
  /** `slots` from packedIdSlots over the same ids, in the same order. */
  constructor(
    private readonly ids: readonly string[],
    private readonly slots: Int32Array,
  ) {}

  /** The index of ids at hand (the JSON form of the map, read without the worker). */
  static of(ids: readonly string[]): IdIndex {
    const slots = emptySlots(ids.length);
    ids.forEach((id, row) => insert(slots, hashOf(id, 0, id.length), row));
    return new IdIndex(ids, slots);
  }

  /** The row of paper `id`, or -1 (the first row, should an id repeat). */
  rowOf(id: string): number {
    const mask = this.slots.length - 1;
    for (let slot = hashOf(id, 0, id.length) & mask; ; slot = (slot + 1) & mask) {
      const row = this.slots[slot];
      if (row === EMPTY || this.ids[row] === id) return row;
    }
  }
}
