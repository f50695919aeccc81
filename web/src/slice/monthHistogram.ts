/**
 * @file The month histogram: one bar per month (papers passing the other filters), and a
 * brush: press on a month and drag to another to choose the range; a click picks one month.
 * Drawn as SVG; bars carry their month (`data-month`) so tests and tooltips can read them.
 */
import { monthOf } from './sliceData.js';

const SVG = 'http://www.w3.org/2000/svg';
const HEIGHT = 48;

export class MonthHistogram {
  readonly svg = document.createElementNS(SVG, 'svg');
  private first = 0;
  private bars: SVGRectElement[] = [];
  private anchor: number | null = null;
  private range: [number, number] | null = null;

  constructor(host: HTMLElement, private readonly onBrush: (from: string, to: string) => void) {
    this.svg.classList.add('histogram');
    this.svg.setAttribute('role', 'img');
    this.svg.setAttribute('height', String(HEIGHT));
    this.svg.setAttribute('preserveAspectRatio', 'none');
    host.append(this.svg);
    this.svg.addEventListener('pointerdown', (event) => this.start(event));
    this.svg.addEventListener('pointermove', (event) => this.drag(event));
    this.svg.addEventListener('pointerup', () => this.end());
    this.svg.addEventListener('pointercancel', () => this.end());
  }

  /** Draw `counts` (one per month from month number `first`) and mark the chosen range. */
  render(first: number, counts: readonly number[], from: number | null, to: number | null): void {
    this.first = first;
    const max = Math.max(1, ...counts);
    this.svg.setAttribute('viewBox', `0 0 ${counts.length} ${HEIGHT}`);
    this.svg.replaceChildren();
    this.bars = counts.map((count, i) => {
      const bar = document.createElementNS(SVG, 'rect');
      const h = count === 0 ? 0 : Math.max(1.5, (count / max) * (HEIGHT - 2));
      bar.setAttribute('x', String(i + 0.08));
      bar.setAttribute('width', '0.84');
      bar.setAttribute('y', String(HEIGHT - h));
      bar.setAttribute('height', String(h));
      bar.dataset.month = monthOf(first + i);
      const title = document.createElementNS(SVG, 'title');
      title.textContent = `${monthOf(first + i)}: ${count} papers`;
      bar.append(title);
      this.svg.append(bar);
      return bar;
    });
    this.range = from === null && to === null ? null : [from ?? first, to ?? first + counts.length - 1];
    this.mark();
    this.svg.setAttribute('aria-label', `Papers per month, ${monthOf(first)} to ${monthOf(first + counts.length - 1)}; drag across months to filter`);
  }

  private monthAt(event: PointerEvent): number {
    const box = this.svg.getBoundingClientRect();
    const i = Math.floor(((event.clientX - box.left) / Math.max(1, box.width)) * this.bars.length);
    return this.first + Math.min(this.bars.length - 1, Math.max(0, i));
  }

  private start(event: PointerEvent): void {
    if (this.bars.length === 0) return;
    this.svg.setPointerCapture?.(event.pointerId);
    this.anchor = this.monthAt(event);
    this.range = [this.anchor, this.anchor];
    this.mark();
  }

  private drag(event: PointerEvent): void {
    if (this.anchor === null) return;
    const at = this.monthAt(event);
    this.range = [Math.min(this.anchor, at), Math.max(this.anchor, at)];
    this.mark();
  }

  private end(): void {
    if (this.anchor === null || !this.range) return;
    this.anchor = null;
    this.onBrush(monthOf(this.range[0]), monthOf(this.range[1]));
  }

  private mark(): void {
    this.bars.forEach((bar, i) => {
      const month = this.first + i;
      bar.classList.toggle('histogram__bar--in', !this.range || (month >= this.range[0] && month <= this.range[1]));
    });
  }
}
