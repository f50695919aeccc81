/**
 * @file The map's point colours for a slice: by topic (the topic palette), by date (a
 * gradient from the first to the last month) or by primary category (the biggest categories
 * get colours, the rest grey); papers outside the slice are dimmed. Also the legend.
 */
import { topicPalette } from '../palette.js';
import { NO_TOPIC_RGB, type TopicIndex } from '../topics.js';
import type { MapData } from '../types.js';
import { monthOf, type SliceData } from './sliceData.js';
import type { SliceState } from './sliceState.js';

type Rgb = readonly [number, number, number];

/** Alpha of papers inside and outside the slice (0..255). */
const INSIDE_ALPHA = 255;
const OUTSIDE_ALPHA = 28;
/** Old to new: deep blue, teal, yellow (a viridis-like ramp that stays visible on the dark map). */
const DATE_RAMP: readonly Rgb[] = [[72, 84, 200], [38, 170, 170], [120, 210, 90], [250, 220, 60]];
/** The topic palette's first eight: clearly distinct (palette.ts). */
const CATEGORY_PALETTE: readonly Rgb[] = topicPalette(8);

export interface LegendEntry {
  label: string;
  css: string;
}

const css = ([r, g, b]: Rgb) => `rgb(${r} ${g} ${b})`;

/** The colour at `t` (0..1) along DATE_RAMP. */
function rampAt(t: number): Rgb {
  const scaled = Math.min(0.9999, Math.max(0, t)) * (DATE_RAMP.length - 1);
  const i = Math.floor(scaled);
  const f = scaled - i;
  return [0, 1, 2].map((c) => Math.round(DATE_RAMP[i][c] + f * (DATE_RAMP[i + 1][c] - DATE_RAMP[i][c]))) as unknown as Rgb;
}

/** Category ids with a colour: the most frequent primary categories. */
function colouredCategories(data: SliceData): Map<number, Rgb> {
  const counts = new Map<number, number>();
  for (let i = 0; i < data.count; i++) counts.set(data.primaryCategory(i), (counts.get(data.primaryCategory(i)) ?? 0) + 1);
  counts.delete(-1);
  const top = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, CATEGORY_PALETTE.length);
  return new Map(top.map(([id], k) => [id, CATEGORY_PALETTE[k]]));
}

/** Per-paper colour function and legend for a colour mode. */
function scheme(mode: SliceState['color'], map: MapData, data: SliceData, topics: TopicIndex): { colorOf: (i: number) => Rgb; legend: LegendEntry[] } {
  if (mode === 'date' && data.span) {
    const [lo, hi] = data.span;
    const t = (i: number) => (hi === lo ? 0.5 : ((data.first[i] + data.last[i]) / 2 - lo) / (hi - lo));
    const legend = [0, 1 / 3, 2 / 3, 1].map((f) => ({ label: monthOf(Math.round(lo + f * (hi - lo))), css: css(rampAt(f)) }));
    return { colorOf: (i) => (Number.isNaN(data.first[i]) ? NO_TOPIC_RGB : rampAt(t(i))), legend: [...legend, { label: 'no date', css: css(NO_TOPIC_RGB) }] };
  }
  if (mode === 'category' && data.hasCategories()) {
    const colours = colouredCategories(data);
    const legend = [...colours].map(([id, rgb]) => ({ label: data.categoryNames[id], css: css(rgb) }));
    return { colorOf: (i) => colours.get(data.primaryCategory(i)) ?? NO_TOPIC_RGB, legend: [...legend, { label: 'other', css: css(NO_TOPIC_RGB) }] };
  }
  const roots = topics.topics.filter((t) => topics.isRoot(t)).sort((a, b) => b.size - a.size).slice(0, 8);
  return {
    colorOf: (i) => topics.colorOf(map.cluster[i], map.coarseCluster?.[i]),
    legend: roots.map((t) => ({ label: t.label, css: topics.cssColorOf(t.id) })),
  };
}

/** RGBA per paper (0..255) and the legend, for `slice` over the map. */
export function sliceColors(map: MapData, data: SliceData, topics: TopicIndex, slice: SliceState): { colors: Uint8Array; legend: LegendEntry[] } {
  const { colorOf, legend } = scheme(slice.color, map, data, topics);
  const colors = new Uint8Array(map.count * 4);
  for (let i = 0; i < map.count; i++) {
    const [r, g, b] = colorOf(i);
    colors[4 * i] = r;
    colors[4 * i + 1] = g;
    colors[4 * i + 2] = b;
    colors[4 * i + 3] = data.passes(i, slice) ? INSIDE_ALPHA : OUTSIDE_ALPHA;
  }
  return { colors, legend };
}
