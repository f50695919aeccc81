/**
 * @file The URL is the app's state: `?q=…&mode=…&paper=…`. Every view is a
 * permalink; these pure functions read and write it.
 */
import { SEARCH_MODES, type SearchMode } from './types.js';
import { EMPTY_SLICE, parseSlice, sameFilters, writeSlice, type SliceState } from './slice/sliceState.js';

export interface ViewState {
  /** The query, trimmed; '' when there is none. */
  q: string;
  mode: SearchMode;
  /** The open paper's id, or null when the panel is closed. */
  paper: string | null;
  /** Filters and map colouring (slice/sliceState.ts). */
  slice: SliceState;
}

export const DEFAULT_MODE: SearchMode = 'hybrid';
/** Queries longer than this (sent by POST) are not written into the URL. */
export const URL_QUERY_CHARS = 1000;

function asMode(value: string | null): SearchMode {
  return SEARCH_MODES.includes(value as SearchMode) ? (value as SearchMode) : DEFAULT_MODE;
}

/** Read the view from a location's query string. */
export function parseViewState(search: string): ViewState {
  const params = new URLSearchParams(search);
  return {
    q: (params.get('q') ?? '').trim(),
    mode: asMode(params.get('mode')),
    paper: params.get('paper') || null,
    slice: parseSlice(params),
  };
}

/**
 * Write the view as a query string ('' for the empty view). The mode is kept
 * only beside a query, where it means something.
 * @example formatViewState({ q: 'moe', mode: 'lexical', paper: null, slice: EMPTY_SLICE }) // => '?q=moe&mode=lexical'
 */
export function formatViewState(state: ViewState): string {
  const params = new URLSearchParams();
  // A pasted abstract or draft stays out of the address: a long URL breaks reloads and links.
  if (state.q && [...state.q].length <= URL_QUERY_CHARS) {
    params.set('q', state.q);
    params.set('mode', state.mode);
  }
  if (state.paper) params.set('paper', state.paper);
  writeSlice(params, state.slice ?? EMPTY_SLICE);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function sameSearch(a: ViewState, b: ViewState): boolean {
  return a.q === b.q && a.mode === b.mode && sameFilters(a.slice, b.slice);
}

/**
 * What the history entry of a view keeps beside its URL: a query too long for the URL (sent
 * by POST), so Back, Forward and a reload bring its results back; null for any other view.
 */
export interface HistoryEntry {
  longQuery: string;
  mode: SearchMode;
}

/** The history entry to store for `state` (see HistoryEntry). */
export function historyEntryOf(state: ViewState): HistoryEntry | null {
  return state.q && [...state.q].length > URL_QUERY_CHARS ? { longQuery: state.q, mode: state.mode } : null;
}

/** True when `a` and `b` (a HistoryEntry, null, or whatever history.state holds) keep the same query. */
export function sameHistoryEntry(a: HistoryEntry | null, b: unknown): boolean {
  const other = asHistoryEntry(b);
  return a === null ? other === null : other !== null && a.longQuery === other.longQuery && a.mode === other.mode;
}

function asHistoryEntry(value: unknown): HistoryEntry | null {
  const entry = value as Partial<HistoryEntry> | null;
  return typeof entry?.longQuery === 'string' && entry.longQuery ? { longQuery: entry.longQuery, mode: asMode(entry.mode ?? null) } : null;
}

/**
 * The view of a URL's query string and its history entry: the entry's long query where the URL has none.
 * @example viewOfHistory('?paper=x', { longQuery: 'We study…', mode: 'lexical' }).q // => 'We study…'
 */
export function viewOfHistory(search: string, entry: unknown): ViewState {
  const state = parseViewState(search);
  const long = asHistoryEntry(entry);
  return long && !state.q ? { ...state, q: long.longQuery, mode: long.mode } : state;
}
