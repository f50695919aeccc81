/**
 * @file The map of papers: a WebGL scatter plot of every paper coloured by
 * topic, with pan and zoom, hover tooltips, click to select, highlighted search
 * results, selection and similar papers, the query's marker and topic labels.
 * Draws on demand (one frame per change), so an idle map costs nothing.
 */
import type { Topic } from '../types.js';
import { boundsOf, easeInOutCubic, EDGE_PADDING, fitBounds, interpolate, panBy, toData, toScreen, zoomAt, type Camera, type Viewport } from './camera.js';
import { addZoomButtons, attachMapKeys, type ViewActions } from './controls.js';
import { attachGestures } from './gestures.js';
import { LabelLayer } from './labelLayer.js';
import type { Box } from './labelPlacement.js';
import { QueryMarker, Tooltip } from './overlays.js';
import { PickGrid } from './pickGrid.js';
import { PointScene, type CollectLayerName } from './pointScene.js';

/** The points to draw: columns, plus an RGBA colour per point. */
export interface MapPoints {
  titles: readonly string[];
  xs: Float32Array;
  ys: Float32Array;
  colors: Uint8Array;
  /** The topic line shown under a hovered title. */
  describe(index: number): string | null;
}

export interface MapViewOptions {
  onSelect(index: number): void;
  /** CSS colour of a topic's labels. */
  topicColor(topicId: number): string;
  /** Whether a topic is labelled when zoomed out. */
  isRootTopic(topic: Topic): boolean;
  /** A topic label was clicked. */
  onTopicClick?(topicId: number): void;
}

export const MAP_BACKGROUND: readonly [number, number, number] = [13, 17, 23];
const ANIMATION_MS = 450;
/** A view that has not moved for this long is at rest and drawn exactly. */
const REST_MS = 120;

interface Animation {
  from: Camera;
  to: Camera;
  start: number;
}

export class MapView implements ViewActions {
  readonly canvas = document.createElement('canvas');
  private readonly labels: LabelLayer;
  private readonly tooltip: Tooltip;
  private readonly marker: QueryMarker;
  private readonly message = document.createElement('p');
  private scene: PointScene | null = null;
  /** True once the view has not moved for REST_MS of responsive time: draw exactly. */
  private resting = true;
  private restTimer = 0;
  private lastFrameEnd = 0;
  private points: MapPoints | null = null;
  private grid: PickGrid | null = null;
  private camera: Camera = { cx: 0, cy: 0, scale: 1 };
  private home: Camera = { cx: 0, cy: 0, scale: 1 };
  private view: Viewport = { width: 1, height: 1 };
  private dpr = 1;
  private frame = 0;
  private draws = 0;
  private animation: Animation | null = null;
  private userMoved = false;
  private highlighted = { results: [] as readonly number[], selected: -1, hover: -1, collected: new Map<CollectLayerName, readonly number[]>() };

  constructor(private readonly root: HTMLElement, private readonly options: MapViewOptions) {
    this.canvas.className = 'map-canvas';
    this.canvas.tabIndex = 0;
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute('aria-label', 'Map of papers, coloured by topic. Drag or use the arrow keys to pan; scroll, pinch or press + and − to zoom; 0 shows everything.');
    const labelHost = document.createElement('div');
    labelHost.className = 'map-labels';
    labelHost.setAttribute('aria-hidden', 'true');
    this.message.className = 'map-message';
    this.message.hidden = true;
    root.append(this.canvas, labelHost, this.message);
    this.labels = new LabelLayer(labelHost, options.topicColor, options.isRootTopic, options.onTopicClick);
    this.marker = new QueryMarker(root);
    this.tooltip = new Tooltip(root);
    try {
      this.scene = new PointScene(this.canvas, MAP_BACKGROUND);
    } catch (error) {
      this.showMessage('The map needs WebGL 2, which this browser could not start. Search still works.');
      console.error(error);
    }
    this.listen();
    this.resize();
  }

  /** Show a message over the map (loading, errors); null hides it. */
  showMessage(text: string | null): void {
    this.message.textContent = text ?? '';
    this.message.hidden = !text;
  }

  setData(points: MapPoints, topics: readonly Topic[]): void {
    this.points = points;
    const bounds = boundsOf(points.xs, points.ys) ?? { minX: -1, minY: -1, maxX: 1, maxY: 1 };
    this.grid = new PickGrid(points.xs, points.ys, bounds);
    this.scene?.setPoints(points);
    this.canvas.dataset.points = String(points.xs.length);
    this.labels.setTopics(topics);
    this.home = this.fitAll();
    this.camera = this.home;
    this.userMoved = false;
    this.requestRender();
  }

  /** New colours for the same points (RGBA per point): the view stays where it is. */
  recolor(colors: Uint8Array): void {
    if (!this.points) return;
    this.points = { ...this.points, colors };
    this.scene?.setPoints(this.points);
    this.requestRender();
  }

  /** Highlight search results and mark where the query landed. */
  setResults(indices: readonly number[], point: { x: number; y: number } | null): void {
    this.scene?.fill('results', indices);
    this.highlighted.results = indices;
    this.marker.set(point);
    this.requestRender();
  }

  /** Highlight the open paper (or none: -1) and its similar papers. */
  setSelection(index: number, similar: readonly number[]): void {
    this.scene?.fill('selected', index >= 0 ? [index] : []);
    this.scene?.fill('similar', similar);
    this.highlighted.selected = index;
    this.requestRender();
  }

  /** Draw a collection's papers, its recommendations or a lasso selection (web/src/collect). */
  setCollectLayer(name: CollectLayerName, indices: readonly number[]): void {
    this.scene?.fill(name, indices);
    this.highlighted.collected.set(name, indices);
    this.requestRender();
  }

  /** The data point under screen point (sx, sy), in CSS px from the map's top left. */
  screenToData(sx: number, sy: number): [number, number] {
    return toData(this.camera, this.view, sx, sy);
  }

  /** Move the view to show these papers (and extra data points), animated. */
  focusOn(indices: readonly number[], extra: readonly { x: number; y: number }[] = []): void {
    if (!this.points) return;
    const xs = [...indices.map((i) => this.points!.xs[i]), ...extra.map((p) => p.x)];
    const ys = [...indices.map((i) => this.points!.ys[i]), ...extra.map((p) => p.y)];
    const bounds = boundsOf(xs, ys);
    if (!bounds) return;
    const padding = Math.min(90, Math.min(this.view.width, this.view.height) / 5);
    const target = fitBounds(bounds, this.view, padding, this.home.scale * 6);
    this.animateTo({ ...target, scale: Math.max(target.scale, this.home.scale) });
  }

  /** Show the whole map. */
  reset(): void {
    this.userMoved = false;
    this.animateTo(this.home);
  }

  panBy(dx: number, dy: number): void {
    this.userMoved = true;
    this.setCamera(panBy(this.camera, dx, dy));
  }

  zoomBy(factor: number): void {
    this.userMoved = true;
    this.setCamera(zoomAt(this.camera, this.view, this.view.width / 2, this.view.height / 2, factor));
  }

  private fitAll(): Camera {
    if (!this.points) return this.camera;
    const bounds = boundsOf(this.points.xs, this.points.ys);
    return bounds ? fitBounds(bounds, this.view, EDGE_PADDING) : this.camera;
  }

  private setCamera(camera: Camera): void {
    const min = this.home.scale * 0.5;
    const max = this.home.scale * Math.max(64, Math.sqrt(this.points?.xs.length ?? 0) * 4);
    this.camera = { ...camera, scale: Math.min(max, Math.max(min, camera.scale)) };
    this.moved();
    this.requestRender();
  }

  /** Note that the view moved; once it rests for REST_MS the map is redrawn exactly. */
  private moved(): void {
    this.resting = false;
    clearTimeout(this.restTimer);
    this.restTimer = window.setTimeout(() => this.checkRest(), REST_MS);
  }

  /**
   * Rest needs REST_MS without a move *and* without a frame: after a slow frame
   * an overdue timer would otherwise call a moving view resting, and every
   * frame would become a full redraw.
   */
  private checkRest(): void {
    if (performance.now() - this.lastFrameEnd < REST_MS) {
      this.restTimer = window.setTimeout(() => this.checkRest(), REST_MS);
      return;
    }
    this.resting = true;
    this.requestRender();
  }

  private animateTo(target: Camera): void {
    const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    if (reduced) {
      this.animation = null;
      this.setCamera(target);
      return;
    }
    this.animation = { from: this.camera, to: target, start: performance.now() };
    this.requestRender();
  }

  private listen(): void {
    attachGestures(this.canvas, {
      start: () => {
        this.animation = null;
        this.tooltip.hide();
      },
      pan: (dx, dy) => this.panBy(dx, dy),
      zoom: (factor, sx, sy) => {
        this.userMoved = true;
        this.setCamera(zoomAt(this.camera, this.view, sx, sy, factor));
      },
      hover: (sx, sy) => this.setHover(this.pick(sx, sy)),
      leave: () => this.setHover(-1),
      click: (sx, sy) => {
        const index = this.pick(sx, sy);
        if (index >= 0) this.options.onSelect(index);
      },
    });
    attachMapKeys(this.canvas, this);
    addZoomButtons(this.root, this);
    new ResizeObserver(() => this.resize()).observe(this.root);
  }

  private pointSize(): number {
    const n = this.points?.xs.length ?? 1;
    const base = Math.min(8, Math.max(2, 1.5 + 60 / Math.sqrt(n)));
    const zoom = this.camera.scale / this.home.scale;
    return base * Math.min(3, Math.max(1, Math.pow(zoom, 0.3)));
  }

  /** The paper under screen point (sx, sy), or -1. */
  private pick(sx: number, sy: number): number {
    if (!this.grid) return -1;
    const [x, y] = toData(this.camera, this.view, sx, sy);
    const radius = Math.max(8, this.pointSize() / 2 + 4) / this.camera.scale;
    return this.grid.nearest(x, y, radius);
  }

  private setHover(index: number): void {
    if (index === this.highlighted.hover) return;
    this.highlighted.hover = index;
    this.scene?.fill('hover', index >= 0 ? [index] : []);
    this.canvas.style.cursor = index >= 0 ? 'pointer' : '';
    this.requestRender();
  }

  private resize(): void {
    const width = Math.max(1, this.root.clientWidth);
    const height = Math.max(1, this.root.clientHeight);
    this.dpr = Math.min(window.devicePixelRatio || 1, 2);
    this.canvas.width = Math.round(width * this.dpr);
    this.canvas.height = Math.round(height * this.dpr);
    this.view = { width, height };
    this.scene?.invalidate();
    this.home = this.fitAll();
    if (!this.userMoved && !this.animation) this.camera = this.home;
    this.requestRender();
  }

  private requestRender(): void {
    if (!this.frame) this.frame = requestAnimationFrame((now) => this.render(now));
  }

  private render(now: number): void {
    this.frame = 0;
    if (this.animation) {
      const t = Math.min(1, (now - this.animation.start) / ANIMATION_MS);
      this.camera = interpolate(this.animation.from, this.animation.to, easeInOutCubic(t));
      if (t >= 1) this.animation = null;
      else this.requestRender();
      this.moved();
    }
    if (this.scene && this.points) this.drawPoints(this.scene);
    this.labels.update(this.camera, this.view, this.camera.scale / this.home.scale, this.obstacles());
    this.placeOverlays();
    this.lastFrameEnd = performance.now();
  }

  private drawPoints(scene: PointScene): void {
    const collected = [...this.highlighted.collected.values()].some((indices) => indices.length > 0);
    const focused = this.highlighted.results.length > 0 || this.highlighted.selected >= 0 || collected;
    scene.draw(this.camera, this.view, this.dpr, this.pointSize(), focused, this.resting && this.animation === null);
    this.draws++;
    this.canvas.dataset.draws = String(this.draws);
    if (this.draws === 1) performance.mark('paperscope:map-first-draw');
  }

  /** Screen boxes labels must leave clear: the query marker and highlighted papers. */
  private obstacles(): Box[] {
    const boxes: Box[] = [];
    const point = this.marker.get();
    if (point) {
      const [sx, sy] = toScreen(this.camera, this.view, point.x, point.y);
      boxes.push({ left: sx - 13, top: sy - 30, width: 110, height: 44 });
    }
    if (!this.points) return boxes;
    const around = (i: number, r: number): void => {
      const [sx, sy] = toScreen(this.camera, this.view, this.points!.xs[i], this.points!.ys[i]);
      boxes.push({ left: sx - r, top: sy - r, width: 2 * r, height: 2 * r });
    };
    if (this.highlighted.selected >= 0) around(this.highlighted.selected, 11);
    for (const i of this.highlighted.results) around(i, 6);
    return boxes;
  }

  private placeOverlays(): void {
    const point = this.marker.get();
    if (point) this.marker.place(...toScreen(this.camera, this.view, point.x, point.y));
    const hover = this.highlighted.hover;
    if (hover < 0 || !this.points) return this.tooltip.hide();
    const [sx, sy] = toScreen(this.camera, this.view, this.points.xs[hover], this.points.ys[hover]);
    this.tooltip.show(this.points.titles[hover], this.points.describe(hover), sx, sy, this.view.width, this.view.height);
  }
}
