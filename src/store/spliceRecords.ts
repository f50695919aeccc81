/**
 * @file papers.jsonl after an add, made from the old file's bytes: unchanged lines are copied as
 * they are, replaced records are written anew and new ones appended, so an add never parses or
 * re-encodes the papers it leaves alone.
 */
import type { Paper } from '../corpus/paper.js';
import { encodePapers } from './indexFolder.js';

const NEWLINE = 0x0a;

/**
 * The bytes of papers.jsonl `old` with row `r`'s record replaced by `replaced.get(r)` and
 * `appended` added after the last row. Rows are counted as `encodePapers` writes them: one
 * non-empty line each.
 * @example spliceRecords(Buffer.from('{"id":"a"}\n'), new Map(), [{ id: 'b', title: 'B', abstract: '' }]).toString() // => '{"id":"a"}\n{"id":"b","title":"B","abstract":""}\n'
 */
export function spliceRecords(old: Buffer, replaced: ReadonlyMap<number, Paper>, appended: readonly Paper[]): Buffer {
  const tail = appended.length > 0 ? [Buffer.from(encodePapers([...appended]))] : [];
  if (replaced.size === 0) return Buffer.concat([old, ...tail]);
  const parts: Buffer[] = [];
  let row = 0;
  for (let start = 0; start < old.length; ) {
    const newline = old.indexOf(NEWLINE, start);
    const end = newline < 0 ? old.length : newline;
    if (end > start) {
      const record = replaced.get(row++);
      parts.push(record ? Buffer.from(`${JSON.stringify(record)}\n`) : old.subarray(start, end + 1));
    }
    start = end + 1;
  }
  return Buffer.concat([...parts, ...tail]);
}
