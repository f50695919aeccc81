/**
 * @file A paper's publication date, from whichever source field has one: `date`, then
 * `year`, then `published` and `update_date` (the arXiv snapshot), else the month in a
 * new-style arXiv id (`2506.09813` → 2025-06). Runs once per record while a corpus is parsed.
 */

/** A date as far as it is known: a year, and its month (1–12) when known. */
export interface PaperDate {
  year: number;
  month?: number;
}

/** New-style arXiv ids (April 2007 on): YYMM.NNNN or YYMM.NNNNN, optionally with a version. */
const NEW_ARXIV_ID = /^(\d{2})(\d{2})\.\d{4,5}(?:v\d+)?$/;
/** "2025", "2025-06", "2025-06-17", "2025/06/17", "2025-06-17T10:00:00Z"… */
const DATE_TEXT = /^\s*(\d{4})(?:[-/](\d{1,2})(?=$|[-/T\s]))?/;

const validYear = (year: number) => Number.isInteger(year) && year >= 1000 && year <= 2999;
const validMonth = (month: number) => Number.isInteger(month) && month >= 1 && month <= 12;

/** Reads a field value as a date; undefined when it holds none (the caller decides whether that is a problem). */
export function dateOf(value: unknown): PaperDate | undefined {
  if (typeof value === 'number') return validYear(value) ? { year: value } : undefined;
  if (typeof value !== 'string') return undefined;
  const match = DATE_TEXT.exec(value);
  if (!match || !validYear(Number(match[1]))) return undefined;
  const month = match[2] === undefined ? undefined : Number(match[2]);
  return month !== undefined && validMonth(month) ? { year: Number(match[1]), month } : { year: Number(match[1]) };
}

/** The month a new-style arXiv id was submitted in, or undefined for any other id. */
export function arxivIdDate(id: string): PaperDate | undefined {
  const match = NEW_ARXIV_ID.exec(id);
  if (!match) return undefined;
  const month = Number(match[2]);
  return validMonth(month) ? { year: 2000 + Number(match[1]), month } : undefined;
}

/**
 * Merges date sources, best first: the first one fixes the year, and the first month found
 * in a source of that same year fixes the month (a snapshot's update_date in another year
 * says nothing of the publication month).
 * @example resolveDate([{ year: 2025 }, undefined, { year: 2025, month: 6 }]) // => { year: 2025, month: 6 }
 */
export function resolveDate(sources: ReadonlyArray<PaperDate | undefined>): PaperDate | undefined {
  const known = sources.filter((s): s is PaperDate => s !== undefined);
  if (known.length === 0) return undefined;
  const year = known[0].year;
  const month = known.find((s) => s.year === year && s.month !== undefined)?.month;
  return month === undefined ? { year } : { year, month };
}

/** "YYYY-MM" for a date with a month. */
export function formatMonth(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}
