/**
 * @file HTML overlays over the map canvas: the hover tooltip (a paper's title
 * and topic) and the marker where the search query lands.
 */

export class Tooltip {
  readonly el = document.createElement('div');
  private readonly title = document.createElement('div');
  private readonly topic = document.createElement('div');

  constructor(host: HTMLElement) {
    this.el.className = 'map-tooltip';
    this.el.setAttribute('role', 'tooltip');
    this.el.id = 'map-tooltip';
    this.title.className = 'map-tooltip__title';
    this.topic.className = 'map-tooltip__topic';
    this.el.append(this.title, this.topic);
    this.el.hidden = true;
    host.append(this.el);
  }

  /** Show `title` next to screen point (sx, sy), kept inside a width×height box. */
  show(title: string, topic: string | null, sx: number, sy: number, width: number, height: number): void {
    this.title.textContent = title;
    this.topic.textContent = topic ?? '';
    this.topic.hidden = !topic;
    this.el.hidden = false;
    const w = this.el.offsetWidth;
    const h = this.el.offsetHeight;
    const left = sx + 14 + w > width ? Math.max(4, sx - 14 - w) : sx + 14;
    const top = Math.min(Math.max(4, sy - h / 2), Math.max(4, height - h - 4));
    this.el.style.transform = `translate(${Math.round(left)}px, ${Math.round(top)}px)`;
  }

  hide(): void {
    this.el.hidden = true;
  }
}

export class QueryMarker {
  readonly el = document.createElement('div');
  private point: { x: number; y: number } | null = null;

  constructor(host: HTMLElement) {
    this.el.className = 'map-query';
    this.el.title = 'Where your query lands on the map';
    const label = document.createElement('span');
    label.className = 'map-query__label';
    label.textContent = 'your query';
    this.el.append(label);
    this.el.hidden = true;
    host.append(this.el);
  }

  set(point: { x: number; y: number } | null): void {
    this.point = point && Number.isFinite(point.x) && Number.isFinite(point.y) ? point : null;
    this.el.hidden = !this.point;
  }

  get(): { x: number; y: number } | null {
    return this.point;
  }

  /** Move to screen position (sx, sy). */
  place(sx: number, sy: number): void {
    this.el.style.transform = `translate(${Math.round(sx)}px, ${Math.round(sy)}px)`;
  }
}
