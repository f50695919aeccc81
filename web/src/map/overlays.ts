/**
 * @file HTML overlays over the map canvas: the hover tooltip (a paper's title
 * and topic) and the marker where the search query lands, with its label.
 */
import type { Viewport } from './camera.js';
import type { Box } from './labelPlacement.js';
import { queryLabelBox, type Circle } from './queryLabel.js';

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

/** Half the marker's size (CSS px, styles.css `.map-query`): its box starts this far up and left of its centre. */
const MARKER_RADIUS = 11;
/** The label is positioned from inside the marker's 2 px border: this far up and left of its centre. */
const LABEL_ORIGIN = MARKER_RADIUS - 2;

export class QueryMarker {
  readonly el = document.createElement('div');
  private readonly label = document.createElement('span');
  private point: { x: number; y: number } | null = null;
  private labelSize: Viewport | null = null;
  /** The screen boxes of the marker and its label, where last placed (none while hidden). */
  boxes: Box[] = [];

  constructor(host: HTMLElement) {
    this.el.className = 'map-query';
    this.el.title = 'Where your query lands on the map';
    this.label.className = 'map-query__label';
    this.label.textContent = 'your query';
    this.el.append(this.label);
    this.el.hidden = true;
    host.append(this.el);
  }

  set(point: { x: number; y: number } | null): void {
    this.point = point && Number.isFinite(point.x) && Number.isFinite(point.y) ? point : null;
    this.el.hidden = !this.point;
    if (!this.point) this.boxes = [];
  }

  get(): { x: number; y: number } | null {
    return this.point;
  }

  /** Move to screen position (sx, sy), its label beside it on a side that leaves `keepClear` visible. */
  place(sx: number, sy: number, keepClear: readonly Circle[], view: Viewport): void {
    const [x, y] = [Math.round(sx), Math.round(sy)];
    this.el.style.transform = `translate(${x}px, ${y}px)`;
    // The label's text never changes: its size is read from the page once it is laid out.
    if (!this.labelSize?.width) this.labelSize = { width: this.label.offsetWidth, height: this.label.offsetHeight };
    const box = queryLabelBox(x, y, this.labelSize, keepClear, view);
    this.label.style.left = `${box.left - x + LABEL_ORIGIN}px`;
    this.label.style.top = `${box.top - y + LABEL_ORIGIN}px`;
    const d = 2 * MARKER_RADIUS;
    this.boxes = [{ left: x - MARKER_RADIUS, top: y - MARKER_RADIUS, width: d, height: d }, box];
  }
}
