/**
 * @file Each paper's date and categories as typed arrays (facets.bin), worked out once by
 * the build so that filtering and counting never read a paper's metadata at request time.
 */
import type { Paper } from '../corpus/paper.js';
import { monthCode, NO_MONTH } from './months.js';

/** Dates and categories of every row of an index. */
export interface FacetIndex {
  /**
   * Per row: the first and last month its date may fall in. Equal for a paper dated to the
   * month, January and December of its year for a year-only date, NO_MONTH for no date.
   */
  monthLo: Uint16Array;
  monthHi: Uint16Array;
  /** Every category that occurs, sorted; a category's id is its position here. */
  categoryNames: string[];
  /** Row r's category ids are categoryIds[categoryStarts[r] .. categoryStarts[r + 1]). */
  categoryStarts: Uint32Array;
  categoryIds: Uint32Array;
}

/** A paper's month range: its `date` ("YYYY-MM") if it has one, else its `year`. */
function monthsOf(paper: Paper): [number, number] {
  const match = paper.date === undefined ? null : /^(\d{4})-(\d{2})$/.exec(paper.date);
  if (match) {
    const code = monthCode(Number(match[1]), Number(match[2]));
    return [code, code];
  }
  if (paper.year === undefined) return [NO_MONTH, NO_MONTH];
  return [monthCode(paper.year, 1), monthCode(paper.year, 12)];
}

/**
 * The facets of `papers`, in row order.
 * @example buildFacetIndex([{ id: 'a', title: 't', abstract: 'x', date: '2025-06', categories: ['cs.CL'] }]).categoryNames // => ['cs.CL']
 */
export function buildFacetIndex(papers: readonly Paper[]): FacetIndex {
  const categoryNames = [...new Set(papers.flatMap((p) => p.categories ?? []))].sort();
  const idOf = new Map(categoryNames.map((name, id) => [name, id]));
  const monthLo = new Uint16Array(papers.length);
  const monthHi = new Uint16Array(papers.length);
  const categoryStarts = new Uint32Array(papers.length + 1);
  const ids: number[] = [];
  papers.forEach((paper, row) => {
    [monthLo[row], monthHi[row]] = monthsOf(paper);
    for (const id of new Set((paper.categories ?? []).map((name) => idOf.get(name)!))) ids.push(id);
    categoryStarts[row + 1] = ids.length;
  });
  return { monthLo, monthHi, categoryNames, categoryStarts, categoryIds: Uint32Array.from(ids) };
}

/** True when some paper has a date: the web app shows its time controls only then. */
export function hasDates(facets: FacetIndex): boolean {
  return facets.monthHi.some((code) => code !== NO_MONTH);
}
