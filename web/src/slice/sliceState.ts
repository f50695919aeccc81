/**
 * @file The slice of the corpus the page shows: the filters of API.md (from, to, cat, topic)
 * and what the map is coloured by. Part of the URL (`?from=2025-06&cat=cs.CL&color=date`),
 * so a filtered view is a permalink; these pure functions read and write it.
 */

export const COLOR_MODES = ['topic', 'date', 'category'] as const;
export type ColorMode = (typeof COLOR_MODES)[number];

export interface SliceState {
  /** First and last month shown, "YYYY-MM", or null for open ends. */
  from: string | null;
  to: string | null;
  /** Categories, any of which a paper must have; empty for all. */
  cat: readonly string[];
  /** A topic (cluster id of either level), or null. */
  topic: number | null;
  color: ColorMode;
}

export const EMPTY_SLICE: SliceState = Object.freeze({ from: null, to: null, cat: [], topic: null, color: 'topic' });

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The slice in `params`; malformed values are dropped (the server would refuse them). */
export function parseSlice(params: URLSearchParams): SliceState {
  const month = (name: string) => {
    const value = params.get(name);
    return value && MONTH.test(value) ? value : null;
  };
  const topic = params.get('topic');
  const color = params.get('color') as ColorMode;
  return {
    from: month('from'),
    to: month('to'),
    cat: (params.get('cat') ?? '').split(',').filter(Boolean),
    topic: topic && /^\d+$/.test(topic) ? Number(topic) : null,
    color: COLOR_MODES.includes(color) ? color : 'topic',
  };
}

/** The filter parameters of `slice` (for the URL and for API requests), in a fixed order. */
export function filterParams(slice: SliceState): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  if (slice.from) out.push(['from', slice.from]);
  if (slice.to) out.push(['to', slice.to]);
  if (slice.cat.length > 0) out.push(['cat', slice.cat.join(',')]);
  if (slice.topic !== null) out.push(['topic', String(slice.topic)]);
  return out;
}

/** Writes the slice into `params`: its filters, and the colour unless it is the default. */
export function writeSlice(params: URLSearchParams, slice: SliceState): void {
  for (const [name, value] of filterParams(slice)) params.set(name, value);
  if (slice.color !== 'topic') params.set('color', slice.color);
}

/** True when both slices keep the same papers (the colour does not matter). */
export function sameFilters(a: SliceState, b: SliceState): boolean {
  return JSON.stringify(filterParams(a)) === JSON.stringify(filterParams(b));
}

export function hasFilters(slice: SliceState): boolean {
  return filterParams(slice).length > 0;
}
