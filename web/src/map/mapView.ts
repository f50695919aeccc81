/**
 * @file The map of papers: a WebGL scatter plot of every paper coloured by
 * topic, with pan and zoom, hover tooltips, click to select, highlighted search
 * results, selection and similar papers, the query's marker and topic labels.
 * Draws on demand (one frame per change), so an idle map costs nothing.
 */
import type { Topic } from '../types.js';
import { boundsOf } from './camera.js';
import { formatCamera } from './cameraUrl.js';
import { addZoomButtons, attachMapKeys } from './controls.js';
import { pointSizeAt } from './framing.js';
import { attachGestures } from './gestures.js';
import { MapCamera } from './mapCamera.js';
import { MapLabels } from './mapLabels.js';
import { QueryMarker, Tooltip } from './overlays.js';
import { PickGrid } from './pickGrid.js';
import type { Circle } from './queryLabel.js';
import { highlightSize, PointScene, type CollectLayerName } from './pointScene.js';

/** The points to draw: columns, plus an RGBA colour per point. */
export interface MapPoints {
  titles: readonly string[];
  xs: Float32Array;
  ys: Float32Array;
  colors: Uint8Array;
  /** The topic line shown under a hovered title. */
  describe(index: number): string | null;
  /** Fine and coarse topic per paper (-1: none), for labels of topics off screen. */
  fine?: ArrayLike<number>;
  coarse?: ArrayLike<number>;
}

export interface MapViewOptions {
  onSelect(index: number): void;
  /** The pointer came to rest on a paper (or left it: -1). */
  onHover?(index: number): void;
  /** CSS colour of a topic's labels. */
  topicColor(topicId: number): string;
  /** Whether a topic is labelled when zoomed out. */
  isRootTopic(topic: Topic): boolean;
  /** A topic label was clicked. */
  onTopicClick?(topicId: number): void;
}

export const MAP_BACKGROUND: readonly [number, number, number] = [13, 17, 23];
/**
 * Share of the canvas's resolution while the view moves: a quarter of the pixels to fill
 * and hand to the compositor each frame, which on software WebGL is most of a frame's cost.
 * At rest the map is drawn sharp again.
 */
const MOVING_RESOLUTION = 0.5;
/** Space kept around the open paper's ring by the query's label (CSS px). */
const OPEN_PAPER_CLEARANCE = 4;

export class MapView {
  readonly canvas = document.createElement('canvas');
  private readonly labels: MapLabels;
  private readonly tooltip: Tooltip;
  private readonly marker: QueryMarker;
  private readonly message = document.createElement('p');
  private scene: PointScene | null = null;
  private readonly camera = new MapCamera(() => this.requestRender());
  private points: MapPoints | null = null;
  private grid: PickGrid | null = null;
  private dpr = 1;
  private frame = 0;
  private draws = 0;
  /** Whether a frame has shown every paper yet (the first picture is painted over several frames). */
  private drawnAll = false;
  private highlighted = { results: [] as readonly number[], selected: -1, hover: -1, collected: new Map<CollectLayerName, readonly number[]>() };

  constructor(private readonly root: HTMLElement, private readonly options: MapViewOptions) {
    this.canvas.className = 'map-canvas';
    this.canvas.tabIndex = 0;
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute('aria-label', 'Map of papers, coloured by topic. Drag or use the arrow keys to pan; scroll, pinch or press + and − to zoom; 0 shows everything.');
    this.message.className = 'map-message';
    this.message.hidden = true;
    root.append(this.canvas);
    this.labels = new MapLabels(root, options.topicColor, options.isRootTopic, options.onTopicClick);
    root.append(this.message);
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

  /** Show these papers; with `keepView` (the same map with papers added) the view stays where the user left it. */
  setData(points: MapPoints, topics: readonly Topic[], opts: { keepView?: boolean } = {}): void {
    this.points = points;
    const bounds = boundsOf(points.xs, points.ys) ?? { minX: -1, minY: -1, maxX: 1, maxY: 1 };
    this.grid = new PickGrid(points.xs, points.ys, bounds);
    this.scene?.setPoints(points);
    this.canvas.dataset.points = String(points.xs.length);
    this.labels.setData(points, topics);
    this.camera.setPapers(points, opts.keepView ?? false);
    this.requestRender();
  }

  /** Mark papers new since the page loaded. */
  setAdded(indices: readonly number[]): void {
    this.scene?.fill('added', indices);
    this.canvas.dataset.added = String(indices.length);
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
    return this.camera.toData(sx, sy);
  }

  /** Move the view to show these papers (and extra data points), animated. */
  focusOn(indices: readonly number[], extra: readonly { x: number; y: number }[] = []): void {
    this.camera.focusOn(indices, extra);
  }

  /** Frame the dense core of these papers (a topic), animated. */
  focusOnArea(indices: readonly number[]): void {
    this.camera.focusOnArea(indices);
  }

  private listen(): void {
    attachGestures(this.canvas, {
      start: () => {
        this.camera.stop();
        this.tooltip.hide();
      },
      pan: (dx, dy) => this.camera.panBy(dx, dy),
      zoom: (factor, sx, sy) => this.camera.zoomAbout(sx, sy, factor),
      hover: (sx, sy) => this.showHover(this.pick(sx, sy)),
      leave: () => this.showHover(-1),
      click: (sx, sy) => this.selectAt(sx, sy),
    });
    attachMapKeys(this.canvas, this.camera);
    addZoomButtons(this.root, this.camera);
    new ResizeObserver(() => this.resize()).observe(this.root);
  }

  private pointSize(): number {
    return pointSizeAt(this.points?.xs.length ?? 1, this.camera.zoom);
  }

  private selectAt(sx: number, sy: number): void {
    const index = this.pick(sx, sy);
    if (index >= 0) this.options.onSelect(index);
  }

  /** The paper under screen point (sx, sy), or -1. */
  private pick(sx: number, sy: number): number {
    if (!this.grid) return -1;
    const [x, y] = this.camera.toData(sx, sy);
    const radius = Math.max(8, this.pointSize() / 2 + 4) / this.camera.camera.scale;
    return this.grid.nearest(x, y, radius);
  }

  /** Light a paper as hovered, with its tooltip (-1: none); also for hover linking from a list. */
  showHover(index: number): void {
    if (index === this.highlighted.hover) return;
    this.canvas.dataset.hover = String(index);
    this.options.onHover?.(index);
    this.highlighted.hover = index;
    this.scene?.fill('hover', index >= 0 ? [index] : []);
    this.canvas.style.cursor = index >= 0 ? 'pointer' : '';
    this.requestRender();
  }

  private resize(): void {
    this.dpr = Math.min(window.devicePixelRatio || 1, 2);
    this.camera.resize({ width: Math.max(1, this.root.clientWidth), height: Math.max(1, this.root.clientHeight) });
    this.scene?.invalidate();
    this.requestRender();
  }

  private requestRender(): void {
    if (!this.frame) this.frame = requestAnimationFrame((now) => this.render(now));
  }

  private render(now: number): void {
    this.frame = 0;
    this.camera.advance(now);
    if (this.scene && this.points) this.drawPoints(this.scene);
    this.placeMarker();
    const { camera, view, zoom, resting } = this.camera;
    this.labels.update(camera, view, zoom, resting, this.marker.boxes, this.highlighted);
    this.placeTooltip();
    this.camera.frameDrawn();
  }

  private drawPoints(scene: PointScene): void {
    const collected = [...this.highlighted.collected.values()].some((indices) => indices.length > 0);
    const focused = this.highlighted.results.length > 0 || this.highlighted.selected >= 0 || collected;
    const { camera, view, resting } = this.camera;
    this.fitCanvas(resting ? 1 : MOVING_RESOLUTION);
    scene.draw(camera, view, this.dpr, this.pointSize(), focused, resting);
    if (scene.painting) this.requestRender();
    this.draws++;
    this.canvas.dataset.draws = String(this.draws);
    this.canvas.dataset.camera = formatCamera(camera);
    if (!this.drawnAll && scene.complete) {
      this.drawnAll = true;
      performance.mark('paperscope:map-first-draw');
    }
  }

  /** Size the canvas's pixels to `share` of the view's device pixels (it is stretched to the view). */
  private fitCanvas(share: number): void {
    const { width, height } = this.camera.view;
    const [w, h] = [Math.max(1, Math.round(width * this.dpr * share)), Math.max(1, Math.round(height * this.dpr * share))];
    if (this.canvas.width !== w) this.canvas.width = w;
    if (this.canvas.height !== h) this.canvas.height = h;
  }

  /** The query's marker, its label clear of the open paper. */
  private placeMarker(): void {
    const point = this.marker.get();
    if (!point) return;
    const selected = this.highlighted.selected;
    const keepClear: Circle[] = [];
    if (selected >= 0 && this.points) {
      const [x, y] = this.camera.toScreen(this.points.xs[selected], this.points.ys[selected]);
      keepClear.push({ x, y, r: highlightSize('selected', this.pointSize()) / 2 + OPEN_PAPER_CLEARANCE });
    }
    this.marker.place(...this.camera.toScreen(point.x, point.y), keepClear, this.camera.view);
  }

  private placeTooltip(): void {
    const hover = this.highlighted.hover;
    if (hover < 0 || !this.points) return this.tooltip.hide();
    const [sx, sy] = this.camera.toScreen(this.points.xs[hover], this.points.ys[hover]);
    const { width, height } = this.camera.view;
    this.tooltip.show(this.points.titles[hover], this.points.describe(hover), sx, sy, width, height);
  }
}
