/**
 * @file The scraped "trending papers" page: page furniture at the top, "Subscribe" glued
 * to the first title, then title line / abstract line pairs. Blank lines are ignored.
 */
import type { RawRecord } from '../record.js';
import { quote } from '../text.js';

/** Lines of the scraped page that are not papers. */
const PAGE_FURNITURE: readonly RegExp[] = Object.freeze([/^Get trending papers in your email inbox/i, /^Subscribe$/i]);
/** The page's "Subscribe" button text, run into the following title when scraped. */
const GLUED_SUBSCRIBE = /^Subscribe(?=[\p{Lu}\d])/u;
/** Abstracts are long prose ending in a full stop; titles are short and rarely end in one. */
const TITLE_MAX_CHARS = 300;

interface TextLine {
  text: string;
  line: number;
}

/** Pairs content lines into title/abstract records, reporting a title or abstract left alone. */
export function parseTrending(text: string): RawRecord[] {
  const lines = contentLines(text);
  const records: RawRecord[] = [];
  for (let i = 0; i < lines.length; ) {
    const [first, second, third] = [lines[i], lines[i + 1], lines[i + 2]];
    if (!second) {
      records.push({ line: first.line, problem: `title ${quote(first.text)} has no abstract (end of file)` });
      i += 1;
    } else if (!looksLikeTitle(first.text) && looksLikeTitle(second.text)) {
      records.push({ line: first.line, problem: `abstract ${quote(first.text)} has no title before it` });
      i += 1;
    } else if (looksLikeTitle(second.text) && third && !looksLikeTitle(third.text)) {
      const problem = `title ${quote(first.text)} has no abstract (line ${second.line} looks like the next title)`;
      records.push({ line: first.line, problem });
      i += 1;
    } else {
      records.push({ line: first.line, fields: { title: first.text.replace(GLUED_SUBSCRIBE, ''), abstract: second.text } });
      i += 2;
    }
  }
  return records;
}

function contentLines(text: string): TextLine[] {
  const lines: TextLine[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line !== '' && !PAGE_FURNITURE.some((pattern) => pattern.test(line))) lines.push({ text: line, line: index + 1 });
  });
  return lines;
}

function looksLikeTitle(line: string): boolean {
  return line.length <= TITLE_MAX_CHARS && !line.endsWith('.');
}
