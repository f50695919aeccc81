/**
 * @file Seeded mutations of an hnsw.bin for the loader fuzz (hnswFuzz.ts): bit flips, words
 * set to edge values, truncation and extension, aimed half the time at the header and the
 * link tables (where a bad value crashed hnswlib) and otherwise anywhere.
 */
import { createSeededRandom } from '../util/random.js';

const HEADER_BYTES = 96;

/** Edge values a counter or an id may be damaged into. */
const EDGE_WORDS = [0, 1, 0xff, 0xffff, 0x7fffffff, 0xffffffff, 0x80000000, 2, 3, 127, 128];

export interface Mutation {
  bytes: Buffer;
  /** What was done, for the report: "flip bit 3 of byte 40". */
  what: string;
}

/** Mutation number `n` of `original` under `seed`: the same (seed, n) always gives the same bytes. */
export function mutateHnsw(original: Buffer, seed: number, n: number): Mutation {
  const random = createSeededRandom(seed * 1_000_003 + n);
  const pick = (limit: number) => Math.floor(random.uniform() * limit);
  const bytes = Buffer.from(original);
  // Half the time the header or the first elements' level-0 link tables; otherwise anywhere.
  const aimed = random.uniform() < 0.5;
  const offset = () => (aimed ? pick(Math.min(bytes.length, HEADER_BYTES + 4096)) : pick(bytes.length));
  const kind = random.uniform();
  if (kind < 0.55) {
    const flips = random.uniform() < 0.8 ? 1 : 2 + pick(6);
    const at: number[] = [];
    for (let i = 0; i < flips; i++) {
      const o = offset();
      const bit = pick(8);
      bytes[o] ^= 1 << bit;
      at.push(o * 8 + bit);
    }
    return { bytes, what: `flip bit(s) ${at.join(', ')}` };
  }
  if (kind < 0.85) {
    const o = Math.min(offset() & ~3, bytes.length - 4);
    const value = random.uniform() < 0.6 ? EDGE_WORDS[pick(EDGE_WORDS.length)] : pick(2 ** 32);
    bytes.writeUInt32LE(value >>> 0, o);
    return { bytes, what: `set the word at ${o} to ${value >>> 0}` };
  }
  if (kind < 0.95) {
    const length = pick(bytes.length);
    return { bytes: bytes.subarray(0, length), what: `truncate to ${length} bytes` };
  }
  const extra = Buffer.alloc(1 + pick(64), pick(256));
  return { bytes: Buffer.concat([bytes, extra]), what: `append ${extra.length} bytes` };
}
