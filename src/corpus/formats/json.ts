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
    const position = jsonErrorPosition(err);
    throw new CorpusError(file, position === undefined ? undefined : lineOf(text, position), jsonProblem(err, text));
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
