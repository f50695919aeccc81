/**
 * @file The map's date and category columns in a form the page can count and test quickly:
 * a month number per paper, and which papers pass a slice. All counting for the histogram,
 * the chips and the dimming happens here, in the browser, from /api/map alone.
 */
import type { MapData } from '../types.js';
import type { SliceState } from './sliceState.js';

/** "YYYY-MM" as a month number (year · 12 + month − 1), and back. */
export const monthNumber = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
export const monthOf = (n: number) => `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;

interface CategoryRows {
  starts: Uint32Array;
  values: ArrayLike<number>;
}

/** The category column as row starts into one run of ids, from either form of the map. */
function categoryRows(map: MapData): CategoryRows {
  const column = map.categories ?? [];
  const lengths = 'packed' in column ? column.lengths : Uint32Array.from(column, (row) => row.length);
  const starts = new Uint32Array(map.count + 1);
  for (let i = 0; i < map.count; i++) starts[i + 1] = starts[i] + (lengths[i] ?? 0);
  return { starts, values: 'packed' in column ? column.values : column.flat() };
}

export class SliceData {
  /** Per paper: first and last month number its date may fall in; NaN without a date. */
  readonly first: Float64Array;
  readonly last: Float64Array;
  /** First and last month any paper is dated to, or null when none is. */
  readonly span: [number, number] | null;
  readonly categoryNames: readonly string[];

  /** Each paper's category ids: values[starts[i]] up to values[starts[i + 1]]. */
  private readonly categories: CategoryRows;

  constructor(private readonly map: MapData) {
    const n = map.count;
    this.first = new Float64Array(n).fill(NaN);
    this.last = new Float64Array(n).fill(NaN);
    let lo = Infinity;
    let hi = -Infinity;
    // A map has a few hundred distinct dates and up to a million papers: each is parsed once.
    const monthsOf = new Map<string, [number, number]>();
    (map.date ?? []).forEach((date, i) => {
      if (!date) return;
      let months = monthsOf.get(date);
      if (!months) monthsOf.set(date, (months = date.length === 4 ? [monthNumber(`${date}-01`), monthNumber(`${date}-12`)] : [monthNumber(date), monthNumber(date)]));
      const [first, last] = months;
      this.first[i] = first;
      this.last[i] = last;
      if (first === last) [lo, hi] = [Math.min(lo, first), Math.max(hi, first)];
    });
    this.span = lo <= hi ? [lo, hi] : null;
    this.categoryNames = map.categoryNames ?? [];
    this.categories = categoryRows(map);
  }

  get count(): number {
    return this.map.count;
  }

  hasCategories(): boolean {
    return this.categoryNames.length > 0;
  }

  /** Whether paper `i` passes the slice, leaving out the parts named in `ignore`. */
  passes(i: number, slice: SliceState, ignore: { date?: boolean; cat?: boolean } = {}): boolean {
    if (!ignore.date && (slice.from || slice.to)) {
      if (Number.isNaN(this.first[i])) return false;
      if (slice.from && this.last[i] < monthNumber(slice.from)) return false;
      if (slice.to && this.first[i] > monthNumber(slice.to)) return false;
    }
    if (!ignore.cat && slice.cat.length > 0) {
      const { starts, values } = this.categories;
      let chosen = false;
      for (let k = starts[i]; k < starts[i + 1] && !chosen; k++) chosen = slice.cat.includes(this.categoryNames[values[k]]);
      if (!chosen) return false;
    }
    if (slice.topic !== null && this.map.cluster[i] !== slice.topic && this.map.coarseCluster?.[i] !== slice.topic) return false;
    return true;
  }

  /** Papers per month over the whole span for the papers passing the slice's other filters. */
  monthCounts(slice: SliceState): number[] {
    if (!this.span) return [];
    const counts = new Array<number>(this.span[1] - this.span[0] + 1).fill(0);
    for (let i = 0; i < this.count; i++) {
      if (this.first[i] === this.last[i] && this.passes(i, slice, { date: true })) counts[this.first[i] - this.span[0]]++;
    }
    return counts;
  }

  /** Papers per category among those passing the slice's other filters, most first. */
  categoryCounts(slice: SliceState): Array<{ name: string; count: number }> {
    const counts = new Array<number>(this.categoryNames.length).fill(0);
    for (let i = 0; i < this.count; i++) {
      if (!this.passes(i, slice, { cat: true })) continue;
      for (let k = this.categories.starts[i]; k < this.categories.starts[i + 1]; k++) counts[this.categories.values[k]]++;
    }
    return counts.map((count, c) => ({ name: this.categoryNames[c], count })).filter((c) => c.count > 0).sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : 1));
  }

  /** The primary (first listed) category id of paper `i`, or -1. */
  primaryCategory(i: number): number {
    const { starts, values } = this.categories;
    return starts[i] < starts[i + 1] ? values[starts[i]] : -1;
  }
}
