/**
 * @file The label overlay: HTML labels over the WebGL canvas, coarse topics when
 * zoomed out, fine ones when zoomed in, and paper titles when few papers are in view,
 * re-placed on every view change so they never overlap, never repeat a text and stay
 * on screen (see labelPlacement.ts). A topic whose centre is off screen is labelled
 * where its papers in view are (viewContent.ts).
 */
import type { Topic } from '../types.js';
import { toScreen, type Camera, type Viewport } from './camera.js';
import { placeLabels, type Box, type LabelCandidate } from './labelPlacement.js';
import type { ViewContent } from './viewContent.js';

/** Zoom (relative to the whole-map view) from which fine topics are labelled. */
export const FINE_LABEL_ZOOM = 2.2;
/** Papers in view at or under which each is labelled with its title. */
export const TITLE_LIMIT = 40;
const TITLE_CHARS = 48;
/** Share of the papers in view an off-screen-centred topic needs to be labelled. */
const TOPIC_SHARE = 0.05;
type Kind = 'coarse' | 'fine' | 'paper';
const FONTS: Record<Kind, string> = { coarse: '600 13px system-ui, sans-serif', fine: '500 12px system-ui, sans-serif', paper: '400 12px system-ui, sans-serif' };
const LABEL_HEIGHT: Record<Kind, number> = { coarse: 22, fine: 20, paper: 20 };
const PADDING_X = 18;
/** Paper labels get ids below every topic's. */
const paperLabelId = (index: number) => -1 - index;

/** What the labels of one view draw on: the visible papers and how to title them. */
export interface LabelContext {
  content: ViewContent;
  titleOf(index: number): string;
}

const shorten = (title: string) => (title.length > TITLE_CHARS ? `${title.slice(0, TITLE_CHARS - 1).trimEnd()}…` : title);

export class LabelLayer {
  private readonly pool = new Map<number, HTMLDivElement>();
  private readonly widths = new Map<number, number>();
  private readonly measure = document.createElement('canvas').getContext('2d');
  private topics: readonly Topic[] = [];
  private byId = new Map<number, Topic>();
  /** Paper labels' texts by label id. */
  private readonly texts = new Map<number, string>();

  constructor(
    private readonly host: HTMLElement,
    private readonly colorOf: (id: number) => string,
    /** Whether a topic is labelled zoomed out (coarse, or fine without a parent). */
    private readonly isRoot: (topic: Topic) => boolean,
    /** Where paper `index` is on screen. */
    private readonly paperScreen: (camera: Camera, view: Viewport, index: number) => [number, number],
    /** Called with a topic's id when its label is clicked. */
    private readonly onClick?: (id: number) => void,
  ) {}

  setTopics(topics: readonly Topic[]): void {
    this.topics = topics.filter((t) => t.label && Number.isFinite(t.x) && Number.isFinite(t.y));
    this.byId = new Map(this.topics.map((t) => [t.id, t]));
    for (const el of this.pool.values()) el.remove();
    this.pool.clear();
    this.widths.clear();
    this.texts.clear();
  }

  private widthOf(id: number, text: string, kind: Kind): number {
    let width = this.widths.get(id);
    if (width === undefined) {
      if (this.measure) this.measure.font = FONTS[kind];
      const measured = this.measure ? this.measure.measureText(text).width : text.length * 7;
      width = Math.ceil(measured) + PADDING_X;
      this.widths.set(id, width);
    }
    return width;
  }

  private candidates(camera: Camera, view: Viewport, zoom: number, context?: LabelContext): LabelCandidate[] {
    const showFine = zoom >= FINE_LABEL_ZOOM;
    const inView = context?.content.papers.length ?? 0;
    const out: LabelCandidate[] = [];
    for (const topic of this.topics) {
      const kind: Kind = (topic.level ?? 0) > 0 ? 'fine' : 'coarse';
      if (!showFine && !this.isRoot(topic)) continue;
      let [x, y] = toScreen(camera, view, topic.x, topic.y);
      if (x < 0 || y < 0 || x > view.width || y > view.height) {
        const seen = context?.content.topics.get(topic.id);
        if (!seen || seen.count < Math.max(2, TOPIC_SHARE * inView)) continue;
        [x, y] = toScreen(camera, view, seen.x, seen.y);
      }
      // Zoomed out, coarse topics first; zoomed in, fine ones first and coarse ones fill the gaps.
      const rank = (kind === 'fine') === showFine ? 2e9 : 1e9;
      out.push({ id: topic.id, x, y, width: this.widthOf(topic.id, topic.label, kind), height: LABEL_HEIGHT[kind], priority: rank + topic.size, text: topic.label });
    }
    if (context && !context.content.sampled && inView <= TITLE_LIMIT) out.push(...this.titleCandidates(camera, view, context));
    return out;
  }

  private titleCandidates(camera: Camera, view: Viewport, { content, titleOf }: LabelContext): LabelCandidate[] {
    return content.papers.map((index) => {
      const id = paperLabelId(index);
      const text = shorten(titleOf(index));
      this.texts.set(id, text);
      const [x, y] = this.paperScreen(camera, view, index);
      return { id, x, y: y - LABEL_HEIGHT.paper, width: this.widthOf(id, text, 'paper'), height: LABEL_HEIGHT.paper, priority: 0, text };
    });
  }

  private element(id: number): HTMLDivElement {
    let el = this.pool.get(id);
    if (!el) {
      el = document.createElement('div');
      const topic = this.byId.get(id);
      const kind: Kind = !topic ? 'paper' : (topic.level ?? 0) > 0 ? 'fine' : 'coarse';
      el.className = `map-label map-label--${kind}`;
      el.textContent = topic ? topic.label : (this.texts.get(id) ?? '');
      if (topic) {
        el.dataset.topic = String(topic.id);
        el.style.setProperty('--topic-color', this.colorOf(topic.id));
        if (this.onClick) {
          el.classList.add('map-label--link');
          el.title = `Show only “${topic.label}”`;
          el.addEventListener('click', () => this.onClick!(topic.id));
        }
      } else {
        el.dataset.paper = String(-1 - id);
      }
      this.pool.set(id, el);
    }
    return el;
  }

  /** Re-place the labels for this view, around `obstacles`; `zoom` is scale / home scale. */
  update(camera: Camera, view: Viewport, zoom: number, obstacles: readonly Box[] = [], context?: LabelContext): void {
    const maxLabels = Math.max(6, Math.round((view.width * view.height) / 14000));
    const placed = placeLabels(this.candidates(camera, view, zoom, context), { width: view.width, height: view.height, maxLabels, obstacles });
    const shown = new Set<number>();
    for (const label of placed) {
      const el = this.element(label.id);
      el.style.transform = `translate(${Math.round(label.left)}px, ${Math.round(label.top)}px)`;
      el.style.width = `${label.width}px`;
      if (!el.isConnected) this.host.append(el);
      shown.add(label.id);
    }
    for (const [id, el] of this.pool) if (!shown.has(id) && el.isConnected) el.remove();
  }
}
