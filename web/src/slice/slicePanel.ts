/**
 * @file The slice bar above the map: the month histogram with its brush and range (hidden
 * when no paper has a date), category chips (hidden without categories), the topic filter,
 * the colour choice with its legend, and the "Topics over time" view. It shows a slice and
 * reports changes; the app owns the state (the URL).
 */
import type { TopicIndex } from '../topics.js';
import type { TopicTrends } from '../types.js';
import { CategoryChips } from './categoryChips.js';
import { MonthHistogram } from './monthHistogram.js';
import { monthNumber, monthOf, type SliceData } from './sliceData.js';
import type { LegendEntry } from './sliceColors.js';
import { COLOR_MODES, hasFilters, type ColorMode, type SliceState } from './sliceState.js';
import { TrendsView } from './trendsView.js';

export interface SliceActions {
  change(next: Partial<SliceState>): void;
  loadTrends(): Promise<TopicTrends>;
}

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text = '') => Object.assign(document.createElement(tag), { className, textContent: text });

export class SlicePanel {
  private readonly time = el('div', 'slice__time');
  private readonly range = el('p', 'slice__range');
  private readonly histogram: MonthHistogram;
  private readonly chipsHost = el('div', 'slice__chips');
  private readonly chips: CategoryChips;
  private readonly topic = el('p', 'slice__topic');
  private readonly color = el('select', 'slice__color');
  private readonly legend = el('ul', 'legend');
  private readonly trendsButton = el('button', 'button slice__trends-toggle', 'Topics over time');
  private readonly trendsHost = el('div', 'trends');
  private readonly trends: TrendsView;
  private readonly clear = el('button', 'button slice__clear', 'Clear filters');
  private slice: SliceState | null = null;

  constructor(private readonly host: HTMLElement, private readonly actions: SliceActions) {
    this.histogram = new MonthHistogram(this.time, (from, to) => actions.change({ from, to }));
    this.time.prepend(this.range);
    this.chips = new CategoryChips(this.chipsHost, (name) => this.toggleCategory(name));
    this.trends = new TrendsView(this.trendsHost, (id) => actions.change({ topic: id }));
    this.color.setAttribute('aria-label', 'Colour the map by');
    this.color.append(...COLOR_MODES.map((mode) => Object.assign(document.createElement('option'), { value: mode, textContent: `Colour: ${mode}` })));
    this.color.addEventListener('change', () => actions.change({ color: this.color.value as ColorMode }));
    this.trendsButton.type = 'button';
    this.trendsButton.setAttribute('aria-expanded', 'false');
    this.trendsButton.addEventListener('click', () => void this.toggleTrends());
    this.clear.type = 'button';
    this.clear.addEventListener('click', () => actions.change({ from: null, to: null, cat: [], topic: null }));
    this.trendsHost.hidden = true;
    const controls = el('div', 'slice__controls');
    controls.append(this.topic, this.color, this.trendsButton, this.clear);
    host.append(this.time, this.chipsHost, controls, this.legend, this.trendsHost);
    host.hidden = true;
  }

  /** Show `slice` over `data`; `legend` is the map's current colour key. */
  render(data: SliceData, topics: TopicIndex, slice: SliceState, legend: readonly LegendEntry[]): void {
    this.slice = slice;
    this.host.hidden = false;
    this.time.hidden = data.span === null;
    this.trendsButton.hidden = data.span === null;
    if (data.span) {
      const from = slice.from ? monthNumber(slice.from) : null;
      const to = slice.to ? monthNumber(slice.to) : null;
      this.histogram.render(data.span[0], data.monthCounts(slice), from, to);
      this.range.textContent = slice.from || slice.to ? `${slice.from ?? monthOf(data.span[0])} to ${slice.to ?? monthOf(data.span[1])}` : 'All months (drag to choose)';
    }
    this.chipsHost.hidden = !data.hasCategories();
    if (data.hasCategories()) this.chips.render(data.categoryCounts(slice), slice.cat);
    this.topic.hidden = slice.topic === null;
    this.topic.textContent = slice.topic === null ? '' : `Topic: ${topics.get(slice.topic)?.label ?? slice.topic}`;
    this.clear.hidden = !hasFilters(slice);
    const modes = COLOR_MODES.filter((mode) => mode === 'topic' || (mode === 'date' ? data.span !== null : data.hasCategories()));
    for (const option of this.color.options) option.hidden = !modes.includes(option.value as ColorMode);
    this.color.hidden = modes.length < 2;
    this.color.value = slice.color;
    this.legend.replaceChildren(...legend.map(({ label, css }) => {
      const item = el('li', 'legend__item', label);
      item.style.setProperty('--swatch', css);
      return item;
    }));
  }

  private toggleCategory(name: string): void {
    const cat = this.slice?.cat ?? [];
    this.actions.change({ cat: cat.includes(name) ? cat.filter((c) => c !== name) : [...cat, name] });
  }

  private async toggleTrends(): Promise<void> {
    const open = this.trendsHost.hidden;
    this.trendsHost.hidden = !open;
    this.trendsButton.setAttribute('aria-expanded', String(open));
    if (!open) return;
    this.trendsHost.textContent = 'Loading topics over time…';
    try {
      this.trends.render(await this.actions.loadTrends());
    } catch (error) {
      this.trendsHost.textContent = error instanceof Error ? error.message : 'Topics over time could not be loaded.';
    }
  }
}
