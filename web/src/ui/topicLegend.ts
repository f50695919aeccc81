/**
 * @file The map's legend: the coarse topics with their colours and paper counts (each
 * opens to its fine topics, in their tints), where a click zooms the map to that topic,
 * and what each highlight on the map means. A closed <details> until the user opens it.
 */
import type { TopicIndex } from '../topics.js';
import type { Topic } from '../types.js';
import { h } from './dom.js';

/** The highlight styles of the map (pointScene.ts), as the legend draws them. */
const HIGHLIGHTS: readonly { key: string; text: string }[] = [
  { key: 'result', text: 'Search result (white ring)' },
  { key: 'selected', text: 'Open paper (red ring)' },
  { key: 'similar', text: 'Similar to the open paper (amber ring)' },
  { key: 'query', text: 'Where your query lands' },
];

const count = new Intl.NumberFormat('en');

export class TopicLegend {
  readonly root = h('details', { class: 'map-legend' });
  private readonly list = h('ul', { class: 'map-legend__topics' });

  constructor(host: HTMLElement, private readonly zoomTo: (topicId: number) => void) {
    const highlights = h('ul', { class: 'map-legend__highlights', attrs: { 'aria-label': 'Highlights' } });
    for (const { key, text } of HIGHLIGHTS) highlights.append(h('li', {}, h('span', { class: `map-legend__mark map-legend__mark--${key}`, attrs: { 'aria-hidden': 'true' } }), text));
    this.root.append(h('summary', { class: 'map-legend__summary', text: 'Topics' }), this.list, h('p', { class: 'map-legend__heading', text: 'On the map' }), highlights);
    this.root.hidden = true;
    host.append(this.root);
  }

  /** List the topics of a loaded map (nothing when it has none). */
  show(topics: TopicIndex): void {
    const roots = topics.roots();
    this.root.hidden = roots.length === 0;
    this.list.replaceChildren(
      ...roots.map((root) => {
        const children = topics.childrenOf(root.id);
        const item = h('li', {}, this.entry(root, topics));
        if (children.length > 0) item.append(h('ul', { class: 'map-legend__fine' }, ...children.map((c) => h('li', {}, this.entry(c, topics)))));
        return item;
      }),
    );
  }

  private entry(topic: Topic, topics: TopicIndex): HTMLButtonElement {
    const swatch = h('span', { class: 'map-legend__swatch', attrs: { 'aria-hidden': 'true' } });
    swatch.style.background = topics.cssColorOf(topic.id);
    const button = h(
      'button',
      { class: 'map-legend__topic', attrs: { type: 'button', title: `Zoom to ${topic.label}` }, data: { topic: String(topic.id) } },
      swatch,
      h('span', { class: 'map-legend__label', text: topic.label }),
      h('span', { class: 'map-legend__count', text: count.format(topic.size) }),
    );
    button.addEventListener('click', () => this.zoomTo(topic.id));
    return button;
  }
}
