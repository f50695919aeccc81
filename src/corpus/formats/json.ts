/**
 * @file A JSON array of paper objects. Records are reported by array index and by the
 * line their element starts on, found by one scan of the text (JSON.parse gives no positions).
 */
import { CorpusError } from '../errors.js';
import { isObject, kindOf, type RawRecord } from '../record.js';
import { lineOf } from '../text.js';
import { jsonErrorPosition, jsonProblem } from './jsonl.js';

/** One record per array element; a file that is not a JSON array is an error. */
export function parseJsonArray(text: string, file: string): RawRecord[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new CorpusError(file, lineOf(text, errorOffset(err, text)), jsonProblem(err, text));
  }
  if (!Array.isArray(value)) {
    throw new CorpusError(file, undefined, `expected a JSON array of paper objects, found ${kindOf(value)}`);
  }
  const lines = elementLines(text);
  return value.map((element: unknown, index): RawRecord => {
    const at = { line: lines[index] ?? 1, where: `array index ${index}` };
    return isObject(element) ? { ...at, fields: element } : { ...at, problem: `expected an object, found ${kindOf(element)}` };
  });
}

/**
 * Where JSON.parse failed. V8 gives no position for "Unexpected token" and "Unexpected end of
 * JSON input", so then the error is found as the shortest prefix that fails for another reason
 * than ending early (a binary search: a few parses, only on the error path).
 */
function errorOffset(err: unknown, text: string): number {
  const position = jsonErrorPosition(err);
  if (position !== undefined) return position;
  if (/end of JSON input/i.test((err as Error).message)) return text.length;
  let fine = 0;
  let broken = text.length;
  while (broken - fine > 1) {
    const mid = (fine + broken) >>> 1;
    if (prefixBroken(text, mid)) broken = mid;
    else fine = mid;
  }
  return broken - 1;
}

/** Whether the first `length` characters hold a JSON error, as opposed to being merely incomplete. */
function prefixBroken(text: string, length: number): boolean {
  try {
    JSON.parse(text.slice(0, length));
    return false;
  } catch (err) {
    const position = jsonErrorPosition(err);
    return position === undefined ? !/end of JSON input/i.test((err as Error).message) : position < length;
  }
}

/** Line on which each top-level array element starts (the text is known to be valid JSON). */
function elementLines(text: string): number[] {
  const starts: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let expectElement = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (depth === 1 && expectElement && !/[\s,\]]/.test(c)) {
      starts.push(line);
      expectElement = false;
    }
    if (c === '"') inString = true;
    else if (c === '[' || c === '{') expectElement = ++depth === 1;
    else if (c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 1) expectElement = true;
  }
  return starts;
}
