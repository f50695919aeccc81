/**
 * @file Checks an hnsw.bin byte by byte before hnswlib reads it. hnswlib trusts its file: a
 * header size, a link count or a neighbour id out of range makes its native code read or write
 * outside its buffers (SIGSEGV) or abort ("cand error"). The layout is hnswlib 0.8's
 * `saveIndex` (hnswalg.h): a 96-byte header, then per element its level-0 block (link count,
 * maxM0 neighbour ids, the vector, the label), then per element its upper-level link lists.
 */
import { finishNow } from '../util/slices.js';

/** What the rest of the index says the graph must hold. */
export interface HnswExpectation {
  /** Elements (papers), labelled 0..count-1 in row order. */
  count: number;
  dims: number;
  /** The paper vectors (vectors.f32): the graph's copy of each must match. */
  vectors: Float32Array;
}

const HEADER_BYTES = 96;
/** Highest level hnswlib could reach with 2^53 elements at M = 2; a larger value is damage. */
const MAX_LEVEL = 64;
const MAX_M = 10_000;
/** hnswlib re-normalizes vectors for the cosine space: its copy may differ in the last bits. */
const VECTOR_TOLERANCE = 1e-5;

interface Header {
  maxElements: number;
  count: number;
  sizePerElement: number;
  labelOffset: number;
  dataOffset: number;
  maxLevel: number;
  enterPoint: number;
  maxM: number;
  maxM0: number;
  m: number;
  mult: number;
}

function u64(bytes: Buffer, at: number): number {
  const value = bytes.readBigUInt64LE(at);
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? Infinity : Number(value);
}

function readHeader(bytes: Buffer): Header {
  return {
    maxElements: u64(bytes, 8),
    count: u64(bytes, 16),
    sizePerElement: u64(bytes, 24),
    labelOffset: u64(bytes, 32),
    dataOffset: u64(bytes, 40),
    maxLevel: bytes.readInt32LE(48),
    enterPoint: bytes.readUInt32LE(52),
    maxM: u64(bytes, 56),
    maxM0: u64(bytes, 64),
    m: u64(bytes, 72),
    mult: bytes.readDoubleLE(80),
  };
}

/** The first header field that contradicts hnswlib's own layout rules or the manifest. */
function headerProblem(bytes: Buffer, h: Header, expected: HnswExpectation): string | undefined {
  if (bytes.length < HEADER_BYTES) return `is ${bytes.length} bytes, shorter than the ${HEADER_BYTES}-byte header`;
  if (u64(bytes, 0) !== 0) return 'header: level-0 offset is not 0';
  if (h.count !== expected.count) return `header: holds ${h.count} elements, the manifest says ${expected.count}`;
  if (h.maxElements < h.count || h.maxElements > Math.max(1, expected.count)) return `header: capacity ${h.maxElements} does not fit ${expected.count} elements`;
  if (!(h.m >= 1 && h.m <= MAX_M) || h.maxM !== h.m || h.maxM0 !== 2 * h.m) return `header: link counts M ${h.m}, maxM ${h.maxM}, maxM0 ${h.maxM0} are not hnswlib's (maxM = M, maxM0 = 2M)`;
  const linksLevel0 = h.maxM0 * 4 + 4;
  const dataBytes = expected.dims * 4;
  if (h.dataOffset !== linksLevel0 || h.labelOffset !== linksLevel0 + dataBytes || h.sizePerElement !== linksLevel0 + dataBytes + 8) {
    return `header: element layout (${h.sizePerElement} bytes, data at ${h.dataOffset}, label at ${h.labelOffset}) is not that of ${expected.dims}-dimensional vectors with M ${h.m}`;
  }
  if (!(h.maxLevel >= 0 && h.maxLevel <= MAX_LEVEL)) return `header: top level ${h.maxLevel} is out of range`;
  if (h.count > 0 && h.enterPoint >= h.count) return `header: entry point ${h.enterPoint} is not an element`;
  if (!(Number.isFinite(h.mult) && h.mult > 0)) return 'header: level multiplier is not a positive number';
  if (bytes.length < HEADER_BYTES + h.count * h.sizePerElement) return `is ${bytes.length} bytes, too short for ${h.count} elements`;
  return undefined;
}

/** Neighbour ids of one link list: `at` holds the count (16 bits), then up to `max` ids. */
function linkProblem(bytes: Buffer, at: number, max: number, count: number, self: number, accepts: (id: number) => boolean): string | undefined {
  const links = bytes.readUInt16LE(at);
  if (links > max) return `${links} links, more than the ${max} allowed`;
  for (let k = 0; k < links; k++) {
    const id = bytes.readUInt32LE(at + 4 + 4 * k);
    if (id >= count || id === self) return `neighbour ${id} is not another element`;
    if (!accepts(id)) return `neighbour ${id} has no such level`;
  }
  return undefined;
}

/** Elements checked per step: 98,085 elements take about 0.3 s in all (see hnswFileProblemSteps). */
const ELEMENTS_PER_STEP = 2048;

/** Level 0 of every element: delete mark, links, label and the vector itself. */
function* level0Problem(bytes: Buffer, h: Header, expected: HnswExpectation): Generator<void, string | undefined> {
  const { dims, vectors } = expected;
  for (let i = 0; i < h.count; i++) {
    if (i % ELEMENTS_PER_STEP === 0) yield;
    const base = HEADER_BYTES + i * h.sizePerElement;
    if (bytes[base + 2] !== 0 || bytes[base + 3] !== 0) return `element ${i}: marked deleted or damaged (paperscope never deletes)`;
    const links = linkProblem(bytes, base, h.maxM0, h.count, i, () => true);
    if (links) return `element ${i}, level 0: ${links}`;
    if (u64(bytes, base + h.labelOffset) !== i) return `element ${i}: labelled ${u64(bytes, base + h.labelOffset)}, not its row ${i}`;
    for (let d = 0; d < dims; d++) {
      const stored = bytes.readFloatLE(base + h.dataOffset + 4 * d);
      if (!(Math.abs(stored - vectors[i * dims + d]) <= VECTOR_TOLERANCE)) return `element ${i}: its vector differs from row ${i} of vectors.f32`;
    }
  }
  return undefined;
}

/** The upper-level link lists: sizes, levels, and every neighbour present at the level it is linked on. */
function* upperLevelsProblem(bytes: Buffer, h: Header): Generator<void, string | undefined> {
  const perLevel = h.maxM * 4 + 4;
  const levels = new Int32Array(h.count);
  const starts = new Float64Array(h.count);
  let at = HEADER_BYTES + h.count * h.sizePerElement;
  for (let i = 0; i < h.count; i++) {
    if (at + 4 > bytes.length) return `element ${i}: upper-level links cut short`;
    const size = bytes.readUInt32LE(at);
    if (size % perLevel !== 0 || size / perLevel > h.maxLevel) return `element ${i}: upper-level links of ${size} bytes do not make whole levels up to ${h.maxLevel}`;
    levels[i] = size / perLevel;
    starts[i] = at + 4;
    at += 4 + size;
  }
  if (at !== bytes.length) return `is ${bytes.length} bytes, its element tables end at ${at}`;
  if (h.count > 0 && levels[h.enterPoint] !== h.maxLevel) return `entry point ${h.enterPoint} is on level ${levels[h.enterPoint]}, not the top level ${h.maxLevel}`;
  for (let i = 0; i < h.count; i++) {
    if (i % ELEMENTS_PER_STEP === 0) yield;
    for (let level = 1; level <= levels[i]; level++) {
      const problem = linkProblem(bytes, starts[i] + (level - 1) * perLevel, h.maxM, h.count, i, (id) => levels[id] >= level);
      if (problem) return `element ${i}, level ${level}: ${problem}`;
    }
  }
  return undefined;
}

/**
 * What is wrong with an hnsw.bin's bytes, or undefined when hnswlib can read and search them
 * safely: every size, count, level and neighbour id within range, labels 0..count-1 in order,
 * and each stored vector equal to its row of vectors.f32.
 */
export function hnswFileProblem(bytes: Buffer, expected: HnswExpectation): string | undefined {
  return finishNow(hnswFileProblemSteps(bytes, expected));
}

/**
 * hnswFileProblem in steps of ELEMENTS_PER_STEP elements: a server loading a new index while
 * it serves the old one (a hot swap) checks it in turns of its event loop (finishInTurns).
 */
export function* hnswFileProblemSteps(bytes: Buffer, expected: HnswExpectation): Generator<void, string | undefined> {
  if (bytes.length < HEADER_BYTES) return `is ${bytes.length} bytes, shorter than the ${HEADER_BYTES}-byte header`;
  const header = readHeader(bytes);
  return headerProblem(bytes, header, expected) ?? (yield* level0Problem(bytes, header, expected)) ?? (yield* upperLevelsProblem(bytes, header));
}
