/**
 * @file The papers of a loaded index, read from papers.jsonl as they are needed. Loading only
 * finds where each line starts and reads each paper's id; a record is parsed the first time its
 * row is read, then kept. Parsing all 98,085 records at start took half of the server's start
 * (JSON.parse, and collecting the 150 MB of strings it makes; docs/BENCHMARKS.md), while a
 * search reads a few dozen records.
 */
import type { Paper, PaperId } from '../corpus/paper.js';
import { IndexError, REBUILD_HINT } from '../store/indexFolder.js';

const NEWLINE = 0x0a;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
/** How the build writes each line: the id comes first (src/corpus builds records id first). */
const ID_PREFIX = Buffer.from('{"id":"');

export interface LazyPapers {
  /** Every paper in row order, each parsed on its first read (an array Proxy). */
  papers: Paper[];
  /** Each row's id, read at load. */
  ids: PaperId[];
}

/** Byte offsets of each non-empty line of `bytes`, plus one past the last line's end. */
function lineStarts(bytes: Buffer): { starts: number[]; ends: number[] } {
  const starts: number[] = [];
  const ends: number[] = [];
  for (let start = 0; start < bytes.length; ) {
    const newline = bytes.indexOf(NEWLINE, start);
    const end = newline < 0 ? bytes.length : newline;
    if (end > start) {
      starts.push(start);
      ends.push(end);
    }
    start = end + 1;
  }
  return { starts, ends };
}

/** The id of the line at [start, end) when it is written `{"id":"…"` without escapes; undefined otherwise. */
function quickId(bytes: Buffer, start: number, end: number): string | undefined {
  if (end - start < ID_PREFIX.length || bytes.compare(ID_PREFIX, 0, ID_PREFIX.length, start, start + ID_PREFIX.length) !== 0) return undefined;
  const from = start + ID_PREFIX.length;
  const close = bytes.indexOf(QUOTE, from);
  if (close < 0 || close >= end) return undefined;
  const escaped = bytes.indexOf(BACKSLASH, from);
  if (escaped >= 0 && escaped < close) return undefined;
  return bytes.toString('utf8', from, close);
}

/**
 * The papers in papers.jsonl `bytes`, `expected` of them. Throws IndexError when the line count
 * differs; a line that is not JSON throws IndexError when it is read.
 */
export function lazyPapers(bytes: Buffer, file: string, expected: number): LazyPapers {
  const { starts, ends } = lineStarts(bytes);
  if (starts.length !== expected) throw new IndexError(file, `holds ${starts.length} papers, the manifest says ${expected}; ${REBUILD_HINT}`);
  // Filled with undefined, not left with holes, so Array methods see every row without a `has` trap.
  const parsed: (Paper | undefined)[] = new Array<Paper | undefined>(expected).fill(undefined);
  const parse = (row: number): Paper => {
    try {
      return (parsed[row] = JSON.parse(bytes.toString('utf8', starts[row], ends[row])) as Paper);
    } catch (err) {
      throw new IndexError(file, `line ${row + 1} cannot be read (${err instanceof Error ? err.message : String(err)}); ${REBUILD_HINT}`);
    }
  };
  const ids = starts.map((start, row) => quickId(bytes, start, ends[row]) ?? parse(row).id);
  const papers = new Proxy(parsed, {
    get(target, key, receiver) {
      if (typeof key === 'string') {
        const row = Number(key);
        if (row >= 0 && row < expected && String(row) === key) return target[row] ?? parse(row);
      }
      return Reflect.get(target, key, receiver) as unknown;
    },
  }) as Paper[];
  return { papers, ids };
}
