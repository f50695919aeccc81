/**
 * @file The map's legend for what a collection view or a lasso selection draws: a ring
 * swatch in each layer's colour beside its name and count.
 */
import { COLLECT_RINGS, type CollectLayerName } from '../map/collectRings.js';
import { h } from '../ui/dom.js';

const cssColor = ([r, g, b]: readonly number[]) => `rgb(${Math.round(r * 255)} ${Math.round(g * 255)} ${Math.round(b * 255)})`;

export class MapLegend {
  readonly el = h('div', { class: 'collect-legend', attrs: { role: 'note', 'aria-label': 'Collection legend' } });

  constructor(host: HTMLElement) {
    this.el.hidden = true;
    host.append(this.el);
  }

  /** Show these entries (layer, its name, how many papers it marks); none hides the legend. */
  show(entries: ReadonlyArray<{ layer: CollectLayerName; name: string; count: number }>): void {
    this.el.replaceChildren(
      ...entries.map(({ layer, name, count }) => {
        const swatch = h('span', { class: 'collect-legend__ring', attrs: { 'aria-hidden': 'true' } });
        swatch.style.setProperty('--ring-color', cssColor(COLLECT_RINGS[layer]));
        return h('div', { class: 'collect-legend__item', data: { layer } }, swatch, h('span', { text: `${name} (${count})` }));
      }),
    );
    this.el.hidden = entries.length === 0;
  }
}
