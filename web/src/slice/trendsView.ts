/**
 * @file "Topics over time": each topic's papers per month as a sparkline, rising topics
 * first and marked with their growth (GET /api/topics/trends). A topic's name filters the
 * map to it.
 */
import type { TopicTrends } from '../types.js';

const SVG = 'http://www.w3.org/2000/svg';

/** A sparkline of `counts` as an SVG polyline. */
function sparkline(counts: readonly number[]): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  const max = Math.max(1, ...counts);
  svg.setAttribute('viewBox', `0 0 ${Math.max(1, counts.length - 1)} 20`);
  svg.setAttribute('preserveAspectRatio', 'none');
  svg.setAttribute('aria-hidden', 'true');
  svg.classList.add('trend__line');
  const line = document.createElementNS(SVG, 'polyline');
  line.setAttribute('points', counts.map((c, i) => `${i},${20 - (c / max) * 19}`).join(' '));
  svg.append(line);
  return svg;
}

export class TrendsView {
  constructor(private readonly host: HTMLElement, private readonly onTopic: (id: number) => void) {}

  render(trends: TopicTrends): void {
    const topics = [...trends.topics].filter((t) => t.level !== 1 || trends.topics.length < 30).sort((a, b) => Number(b.rising) - Number(a.rising) || (b.growth ?? 0) - (a.growth ?? 0));
    const heading = Object.assign(document.createElement('p'), { className: 'trends__span', textContent: `Papers per month, ${trends.months[0]} to ${trends.months.at(-1)}. Growth: a topic's share of the last 3 months over its earlier share.` });
    const list = document.createElement('ul');
    list.className = 'trends__list';
    for (const topic of topics) {
      const item = document.createElement('li');
      item.className = 'trend';
      item.dataset.topic = String(topic.id);
      item.dataset.rising = String(topic.rising);
      const name = Object.assign(document.createElement('button'), { type: 'button', className: 'trend__name', textContent: topic.label });
      name.addEventListener('click', () => this.onTopic(topic.id));
      const badge = Object.assign(document.createElement('span'), { className: topic.rising ? 'trend__badge trend__badge--rising' : 'trend__badge', textContent: topic.growth === null ? '' : `${topic.rising ? '▲ rising ' : ''}×${topic.growth.toFixed(2)}` });
      item.append(name, sparkline(topic.counts), badge);
      list.append(item);
    }
    this.host.replaceChildren(heading, list);
  }
}
