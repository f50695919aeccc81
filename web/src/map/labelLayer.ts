/**
 * @file The topic-label overlay: HTML labels over the WebGL canvas, coarse
 * topics when zoomed out and fine ones when zoomed in, re-placed on every view
 * change so they never overlap (see labelPlacement.ts).
 */
import type { Topic } from '../types.js';
import { toScreen, type Camera, type Viewport } from './camera.js';
import { placeLabels, type Box, type LabelCandidate } from './labelPlacement.js';

/** Zoom (relative to the whole-map view) from which fine topics are labelled. */
export const FINE_LABEL_ZOOM = 2.2;
const FONTS = { coarse: '600 13px system-ui, sans-serif', fine: '500 12px system-ui, sans-serif' };
const LABEL_HEIGHT = { coarse: 22, fine: 20 };
const PADDING_X = 18;

export class LabelLayer {
  private readonly pool = new Map<number, HTMLDivElement>();
  private readonly widths = new Map<number, number>();
  private readonly measure = document.createElement('canvas').getContext('2d');
  private topics: readonly Topic[] = [];
  private byId = new Map<number, Topic>();

  constructor(
    private readonly host: HTMLElement,
    private readonly colorOf: (id: number) => string,
    /** Whether a topic is labelled zoomed out (coarse, or fine without a parent). */
    private readonly isRoot: (topic: Topic) => boolean,
    /** Called with a topic's id when its label is clicked. */
    private readonly onClick?: (id: number) => void,
  ) {}

  setTopics(topics: readonly Topic[]): void {
    this.topics = topics.filter((t) => t.label && Number.isFinite(t.x) && Number.isFinite(t.y));
    this.byId = new Map(this.topics.map((t) => [t.id, t]));
    for (const el of this.pool.values()) el.remove();
    this.pool.clear();
    this.widths.clear();
  }

  private widthOf(topic: Topic, fine: boolean): number {
    let width = this.widths.get(topic.id);
    if (width === undefined) {
      if (this.measure) this.measure.font = fine ? FONTS.fine : FONTS.coarse;
      const text = this.measure ? this.measure.measureText(topic.label).width : topic.label.length * 7;
      width = Math.ceil(text) + PADDING_X;
      this.widths.set(topic.id, width);
    }
    return width;
  }

  private candidates(camera: Camera, view: Viewport, zoom: number): LabelCandidate[] {
    const showFine = zoom >= FINE_LABEL_ZOOM;
    const out: LabelCandidate[] = [];
    for (const topic of this.topics) {
      const fine = (topic.level ?? 0) > 0;
      if (!showFine && !this.isRoot(topic)) continue;
      const [x, y] = toScreen(camera, view, topic.x, topic.y);
      if (x < -200 || y < -50 || x > view.width + 200 || y > view.height + 50) continue;
      // Zoomed out, coarse topics first; zoomed in, fine ones first and coarse ones fill the gaps.
      const rank = fine === showFine ? 1e9 : 0;
      out.push({ id: topic.id, x, y, width: this.widthOf(topic, fine), height: fine ? LABEL_HEIGHT.fine : LABEL_HEIGHT.coarse, priority: rank + topic.size });
    }
    return out;
  }

  private element(topic: Topic): HTMLDivElement {
    let el = this.pool.get(topic.id);
    if (!el) {
      el = document.createElement('div');
      const fine = (topic.level ?? 0) > 0;
      el.className = `map-label ${fine ? 'map-label--fine' : 'map-label--coarse'}`;
      el.textContent = topic.label;
      el.dataset.topic = String(topic.id);
      el.style.setProperty('--topic-color', this.colorOf(topic.id));
      if (this.onClick) {
        el.classList.add('map-label--link');
        el.title = `Show only “${topic.label}”`;
        el.addEventListener('click', () => this.onClick!(topic.id));
      }
      this.pool.set(topic.id, el);
    }
    return el;
  }

  /** Re-place the labels for this view, around `obstacles`; `zoom` is scale / whole-map scale. */
  update(camera: Camera, view: Viewport, zoom: number, obstacles: readonly Box[] = []): void {
    const maxLabels = Math.max(6, Math.round((view.width * view.height) / 14000));
    const placed = placeLabels(this.candidates(camera, view, zoom), { width: view.width, height: view.height, maxLabels, obstacles });
    const shown = new Set<number>();
    for (const label of placed) {
      const el = this.element(this.byId.get(label.id)!);
      el.style.transform = `translate(${Math.round(label.left)}px, ${Math.round(label.top)}px)`;
      el.style.width = `${label.width}px`;
      if (!el.isConnected) this.host.append(el);
      shown.add(label.id);
    }
    for (const [id, el] of this.pool) if (!shown.has(id) && el.isConnected) el.remove();
  }
}
