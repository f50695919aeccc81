/**
 * @file Topics over time (GET /api/topics/trends): each topic's papers per month, and
 * whether it is rising. A topic's growth is its share of the papers of the last
 * TREND_RECENT_MONTHS months divided by its share of all earlier papers, so a topic that
 * merely keeps pace with a growing corpus stays at 1; it is rising when its growth is at
 * least TREND_RISING_GROWTH with TREND_MIN_RECENT papers or more in those months.
 */
import { TREND_MIN_RECENT, TREND_RECENT_MONTHS, TREND_RISING_GROWTH } from '../config.js';
import { monthRange } from '../facets/months.js';
import type { LoadedIndex } from './loadIndex.js';

export interface TopicTrend {
  id: number;
  label: string;
  level: 0 | 1;
  /** Papers per month, aligned with TopicTrends.months. */
  counts: number[];
  rising: boolean;
  /** Recent share over earlier share; null when there are no earlier or no recent months. */
  growth: number | null;
}

export interface TopicTrends {
  /** Every month from the first to the last dated paper, "YYYY-MM"; empty when no paper is dated to a month. */
  months: string[];
  topics: TopicTrend[];
}

/** First and last month any paper is dated to, or undefined. */
function monthSpan(monthLo: Uint16Array, monthHi: Uint16Array): [number, number] | undefined {
  let first = Infinity;
  let last = -Infinity;
  for (let row = 0; row < monthLo.length; row++) {
    if (monthLo[row] === 0 || monthLo[row] !== monthHi[row]) continue;
    first = Math.min(first, monthLo[row]);
    last = Math.max(last, monthLo[row]);
  }
  return first <= last ? [first, last] : undefined;
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** Growth of `counts` against the corpus `totals`, both per month (see the file comment). */
export function growthOf(counts: readonly number[], totals: readonly number[]): number | null {
  const split = counts.length - TREND_RECENT_MONTHS;
  const recentTotal = sum(totals.slice(split));
  const earlierTotal = sum(totals.slice(0, Math.max(0, split)));
  if (split <= 0 || recentTotal === 0 || earlierTotal === 0) return null;
  // One paper added to the earlier count, so a topic absent before grows by a finite amount.
  const earlierShare = (sum(counts.slice(0, split)) + 1) / earlierTotal;
  return Math.round((sum(counts.slice(split)) / recentTotal / earlierShare) * 100) / 100;
}

const trendsCache = new WeakMap<LoadedIndex, TopicTrends>();

/** The topic trends of `index`, worked out on first request and kept while it is loaded. */
export function topicTrends(index: LoadedIndex): TopicTrends {
  const cached = trendsCache.get(index);
  if (cached) return cached;
  const { monthLo, monthHi } = index.facets;
  const span = monthSpan(monthLo, monthHi);
  const clusters = index.topics.clusters;
  let trends: TopicTrends = { months: [], topics: [] };
  if (span) {
    const width = span[1] - span[0] + 1;
    const counts = new Map(clusters.map((c) => [c.id, new Array<number>(width).fill(0)]));
    const totals = new Array<number>(width).fill(0);
    const topics = index.topics;
    for (let row = 0; row < monthLo.length; row++) {
      if (monthLo[row] === 0 || monthLo[row] !== monthHi[row]) continue;
      const at = monthLo[row] - span[0];
      totals[at]++;
      for (const id of new Set([topics.assignments[row], topics.coarseAssignments[row]])) {
        const series = counts.get(id);
        if (series) series[at]++;
      }
    }
    trends = {
      months: monthRange(span[0], span[1]),
      topics: clusters.map((c) => {
        const series = counts.get(c.id)!;
        const growth = growthOf(series, totals);
        const recent = sum(series.slice(-TREND_RECENT_MONTHS));
        return { id: c.id, label: c.label, level: c.level, counts: series, rising: growth !== null && growth >= TREND_RISING_GROWTH && recent >= TREND_MIN_RECENT, growth };
      }),
    };
  }
  trendsCache.set(index, trends);
  return trends;
}
