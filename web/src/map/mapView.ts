/**
 * @file The map of papers: a WebGL scatter plot of every paper coloured by
 * topic, with pan and zoom, hover tooltips, click to select, highlighted search
 * results, selection and similar papers, the query's marker and topic labels.
 * Draws on demand (one frame per change), so an idle map costs nothing.
 */
import type { Topic } from '../types.js';
import { boundsOf, easeInOutCubic, interpolate, panBy, toData, toScreen, zoomAt, type Camera, type Viewport } from './camera.js';
import { CameraMemory } from './cameraMemory.js';
import { formatCamera } from './cameraUrl.js';
import { addZoomButtons, attachMapKeys, type ViewActions } from './controls.js';
import { areaCamera, focusCamera, homeCameras, pointSizeAt, zoomAnchor, zoomLimits } from './framing.js';
import { attachGestures } from './gestures.js';
import { MapLabels } from './mapLabels.js';
import { QueryMarker, Tooltip } from './overlays.js';
import { PickGrid } from './pickGrid.js';
import { PointScene, type CollectLayerName } from './pointScene.js';
import { RestWatch } from './restWatch.js';

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
const ANIMATION_MS = 450;
/**
 * Share of the canvas's resolution while the view moves: a quarter of the pixels to fill
 * and hand to the compositor each frame, which on software WebGL is most of a frame's cost.
 * At rest the map is drawn sharp again.
 */
const MOVING_RESOLUTION = 0.5;

interface Animation {
  from: Camera;
  to: Camera;
  start: number;
}

export class MapView implements ViewActions {
  readonly canvas = document.createElement('canvas');
  private readonly labels: MapLabels;
  private readonly tooltip: Tooltip;
  private readonly marker: QueryMarker;
  private readonly message = document.createElement('p');
  private scene: PointScene | null = null;
  /** At rest the map is drawn exactly and its camera goes to the URL. */
  private readonly rest = new RestWatch(() => {
    if (this.points) this.memory.store(this.camera, this.home);
    this.requestRender();
  });
  private points: MapPoints | null = null;
  private grid: PickGrid | null = null;
  private camera: Camera = { cx: 0, cy: 0, scale: 1 };
  private home: Camera = { cx: 0, cy: 0, scale: 1 };
  /** The camera that shows every paper, outliers too: the zoom-out limit. */
  private whole: Camera = { cx: 0, cy: 0, scale: 1 };
  private readonly memory = new CameraMemory();
  private view: Viewport = { width: 1, height: 1 };
  private dpr = 1;
  private frame = 0;
  private draws = 0;
  /** Whether a frame has shown every paper yet (the first picture is painted over several frames). */
  private drawnAll = false;
  private animation: Animation | null = null;
  private userMoved = false;
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
    this.fitHome();
    if (!opts.keepView) {
      const saved = this.memory.restore();
      this.camera = saved ?? this.home;
      this.userMoved = saved !== null;
    }
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
    return toData(this.camera, this.view, sx, sy);
  }

  /** Move the view to show these papers (and extra data points), animated. */
  focusOn(indices: readonly number[], extra: readonly { x: number; y: number }[] = []): void {
    const target = this.points && !this.memory.held ? focusCamera(this.points, indices, extra, this.view, this.home, this.whole) : null;
    if (target) this.animateTo(target);
  }

  /** Frame the dense core of these papers (a topic), animated. */
  focusOnArea(indices: readonly number[]): void {
    const target = this.points && areaCamera(this.points, indices, this.view);
    if (!target) return;
    this.userMoved = true;
    this.animateTo(target);
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

  /** Buttons and keys zoom toward the papers in view, not the view's centre. */
  zoomBy(factor: number): void {
    this.userMoved = true;
    const [sx, sy] = this.points ? zoomAnchor(this.points.xs, this.points.ys, this.camera, this.view) : [this.view.width / 2, this.view.height / 2];
    this.zoomAbout(sx, sy, factor);
  }

  /** Zoom about a screen point, the zoom held within its limits so the point stays put. */
  private zoomAbout(sx: number, sy: number, factor: number): void {
    const { min, max } = zoomLimits(this.home, this.whole, this.points?.xs.length ?? 0);
    const scale = Math.min(max, Math.max(min, this.camera.scale * factor));
    this.setCamera(zoomAt(this.camera, this.view, sx, sy, scale / this.camera.scale));
  }

  /** Home shows the dense core of the field; zooming out reaches every outlier. */
  private fitHome(): void {
    const cameras = this.points && homeCameras(this.points, this.view);
    if (cameras) ({ home: this.home, whole: this.whole } = cameras);
  }

  private setCamera(camera: Camera): void {
    this.camera = camera;
    this.rest.moved();
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
        this.zoomAbout(sx, sy, factor);
      },
      hover: (sx, sy) => this.showHover(this.pick(sx, sy)),
      leave: () => this.showHover(-1),
      click: (sx, sy) => this.selectAt(sx, sy),
    });
    attachMapKeys(this.canvas, this);
    addZoomButtons(this.root, this);
    new ResizeObserver(() => this.resize()).observe(this.root);
  }

  private pointSize(): number {
    return pointSizeAt(this.points?.xs.length ?? 1, this.camera.scale / this.home.scale);
  }

  private selectAt(sx: number, sy: number): void {
    const index = this.pick(sx, sy);
    if (index >= 0) this.options.onSelect(index);
  }

  /** The paper under screen point (sx, sy), or -1. */
  private pick(sx: number, sy: number): number {
    if (!this.grid) return -1;
    const [x, y] = toData(this.camera, this.view, sx, sy);
    const radius = Math.max(8, this.pointSize() / 2 + 4) / this.camera.scale;
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
    const width = Math.max(1, this.root.clientWidth);
    const height = Math.max(1, this.root.clientHeight);
    this.dpr = Math.min(window.devicePixelRatio || 1, 2);
    this.view = { width, height };
    this.scene?.invalidate();
    this.fitHome();
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
      this.rest.moved();
    }
    if (this.scene && this.points) this.drawPoints(this.scene);
    this.labels.update(this.camera, this.view, this.camera.scale / this.home.scale, this.rest.resting, this.marker.get(), this.highlighted);
    this.placeOverlays();
    this.rest.frameDrawn();
  }

  private drawPoints(scene: PointScene): void {
    const collected = [...this.highlighted.collected.values()].some((indices) => indices.length > 0);
    const focused = this.highlighted.results.length > 0 || this.highlighted.selected >= 0 || collected;
    const resting = this.rest.resting && this.animation === null;
    this.fitCanvas(resting ? 1 : MOVING_RESOLUTION);
    scene.draw(this.camera, this.view, this.dpr, this.pointSize(), focused, resting);
    if (scene.painting) this.requestRender();
    this.draws++;
    this.canvas.dataset.draws = String(this.draws);
    this.canvas.dataset.camera = formatCamera(this.camera);
    if (!this.drawnAll && scene.complete) {
      this.drawnAll = true;
      performance.mark('paperscope:map-first-draw');
    }
  }

  /** Size the canvas's pixels to `share` of the view's device pixels (it is stretched to the view). */
  private fitCanvas(share: number): void {
    const width = Math.max(1, Math.round(this.view.width * this.dpr * share));
    const height = Math.max(1, Math.round(this.view.height * this.dpr * share));
    if (this.canvas.width !== width) this.canvas.width = width;
    if (this.canvas.height !== height) this.canvas.height = height;
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
