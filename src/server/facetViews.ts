/**
 * @file The /api/map columns of API.md "Version 2 additions": each paper's `date`
 * ("YYYY-MM", "YYYY" for a year-only date, or null) and `categories` (indexes into
 * `categoryNames`), read from the index's facets.bin.
 */
import { monthText, NO_MONTH } from '../facets/months.js';
import type { LoadedIndex } from '../search/loadIndex.js';

/** The date of row `row` as the map column shows it. */
function dateOf(index: LoadedIndex, row: number): string | null {
  const lo = index.facets.monthLo[row];
  const hi = index.facets.monthHi[row];
  if (lo === NO_MONTH) return null;
  return lo === hi ? monthText(lo) : monthText(lo).slice(0, 4);
}

/** The map's date and category columns, each built by `column` (row by row, in slices: see mapDocument). */
export async function mapFacetColumns(
  index: LoadedIndex,
  column: <T>(valueOf: (row: number) => T) => Promise<T[]>,
): Promise<{ date: Array<string | null>; categories: number[][]; categoryNames: string[] }> {
  const { categoryStarts, categoryIds, categoryNames } = index.facets;
  return {
    date: await column((row) => dateOf(index, row)),
    categories: await column((row) => Array.from(categoryIds.subarray(categoryStarts[row], categoryStarts[row + 1]))),
    categoryNames,
  };
}
