/**
 * @file Months as small integers, so a paper's date fits a Uint16 and a date range is two
 * comparisons: code = year · 12 + month (1–12), 0 for "no date".
 */
import { formatMonth } from '../corpus/paperDate.js';

export const NO_MONTH = 0;

/** The code of a month (1–12) of a year. */
export function monthCode(year: number, month: number): number {
  return year * 12 + month;
}

/** "YYYY-MM" of a month code. */
export function monthText(code: number): string {
  return formatMonth(Math.floor((code - 1) / 12), ((code - 1) % 12) + 1);
}

/** The month codes from `first` to `last`, inclusive, as "YYYY-MM". */
export function monthRange(first: number, last: number): string[] {
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => monthText(first + i));
}
