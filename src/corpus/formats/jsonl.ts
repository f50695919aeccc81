/**
 * @file JSON Lines (and the arXiv metadata snapshot, which is JSON Lines): one object
 * per line; blank lines are ignored, a line that does not parse is a bad record.
 */
import { isObject, kindOf, type RawRecord } from '../record.js';
import { cleanText } from '../text.js';

/** One record per non-blank line, numbered by its line in the file. */
export function parseJsonLines(text: string): RawRecord[] {
  const records: RawRecord[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line !== '') records.push(parseLine(line, i + 1));
  }
  return records;
}

function parseLine(source: string, line: number): RawRecord {
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (err) {
    return { line, problem: jsonProblem(err, source) };
  }
  if (!isObject(value)) return { line, problem: `expected a JSON object, found ${kindOf(value)}` };
  return { line, fields: value };
}

/** Names a cut-off record as such (the usual cause is a partial download or copy). */
export function jsonProblem(err: unknown, source: string): string {
  const reason = cleanText((err as Error).message);
  const position = jsonErrorPosition(err);
  const atEnd = position !== undefined && position >= source.trimEnd().length;
  return atEnd || /end of JSON input|Unterminated/i.test(reason) ? `truncated JSON (${reason})` : `invalid JSON (${reason})`;
}

/** The character offset V8 puts in JSON.parse errors ("… in JSON at position 17"), if any. */
export function jsonErrorPosition(err: unknown): number | undefined {
  const match = /at position (\d+)/.exec((err as Error).message);
  return match ? Number(match[1]) : undefined;
}
