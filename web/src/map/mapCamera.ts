/**
 * @file The map's camera and how it moves: pan and zoom within their limits, the home
 * view (the dense core of the field) and the whole field, animated moves, and rest (a
 * view that stopped moving is drawn exactly and its camera goes to the URL). Every
 * change asks for a frame through `redraw`.
 */
import { easeInOutCubic, interpolate, panBy, toData, toScreen, zoomAt, type Camera, type Viewport } from './camera.js';
import { CameraMemory } from './cameraMemory.js';
import type { ViewActions } from './controls.js';
import { areaCamera, focusCamera, homeCameras, zoomAnchor, zoomLimits } from './framing.js';
import { RestWatch } from './restWatch.js';

const ANIMATION_MS = 450;

interface Animation {
  from: Camera;
  to: Camera;
  start: number;
}

/** Paper positions, for framing and for where buttons zoom. */
interface Columns {
  xs: Float32Array;
  ys: Float32Array;
}

export class MapCamera implements ViewActions {
  private current: Camera = { cx: 0, cy: 0, scale: 1 };
  private home: Camera = { cx: 0, cy: 0, scale: 1 };
  /** The camera that shows every paper, outliers too: the zoom-out limit. */
  private whole: Camera = { cx: 0, cy: 0, scale: 1 };
  /** The map's size in CSS px. */
  view: Viewport = { width: 1, height: 1 };
  private papers: Columns | null = null;
  private animation: Animation | null = null;
  private userMoved = false;
  private readonly memory = new CameraMemory();
  private readonly rest = new RestWatch(() => {
    if (this.papers) this.memory.store(this.current, this.home);
    this.redraw();
  });

  constructor(private readonly redraw: () => void) {}

  get camera(): Camera {
    return this.current;
  }

  /** The zoom relative to the home view. */
  get zoom(): number {
    return this.current.scale / this.home.scale;
  }

  /** Whether the view has stopped: no animation, and no move for a while. */
  get resting(): boolean {
    return this.rest.resting && this.animation === null;
  }

  /** New papers; unless `keepView` (the same map with papers added), show the URL's camera or the home view. */
  setPapers(papers: Columns, keepView: boolean): void {
    this.papers = papers;
    this.fitHome();
    if (keepView) return;
    const saved = this.memory.restore();
    this.current = saved ?? this.home;
    this.userMoved = saved !== null;
  }

  /** The map changed size: the home view is refitted, and shown unless the user moved. */
  resize(view: Viewport): void {
    this.view = view;
    this.fitHome();
    if (!this.userMoved && !this.animation) this.current = this.home;
  }

  toData(sx: number, sy: number): [number, number] {
    return toData(this.current, this.view, sx, sy);
  }

  toScreen(x: number, y: number): [number, number] {
    return toScreen(this.current, this.view, x, y);
  }

  /** Move the view to show these papers (and extra data points), animated; not while the URL's camera is held. */
  focusOn(indices: readonly number[], extra: readonly { x: number; y: number }[]): void {
    const target = this.papers && !this.memory.held ? focusCamera(this.papers, indices, extra, this.view, this.home, this.whole) : null;
    if (target) this.animateTo(target);
  }

  /** Frame the dense core of these papers (a topic), animated. */
  focusOnArea(indices: readonly number[]): void {
    const target = this.papers && areaCamera(this.papers, indices, this.view);
    if (!target) return;
    this.userMoved = true;
    this.animateTo(target);
  }

  /** Show the home view. */
  reset(): void {
    this.userMoved = false;
    this.animateTo(this.home);
  }

  panBy(dx: number, dy: number): void {
    this.userMoved = true;
    this.set(panBy(this.current, dx, dy));
  }

  /** Buttons and keys zoom toward the papers in view, not the view's centre. */
  zoomBy(factor: number): void {
    const [sx, sy] = this.papers ? zoomAnchor(this.papers.xs, this.papers.ys, this.current, this.view) : [this.view.width / 2, this.view.height / 2];
    this.zoomAbout(sx, sy, factor);
  }

  /** Zoom about a screen point, the zoom held within its limits so the point stays put. */
  zoomAbout(sx: number, sy: number, factor: number): void {
    this.userMoved = true;
    const { min, max } = zoomLimits(this.home, this.whole, this.papers?.xs.length ?? 0);
    const scale = Math.min(max, Math.max(min, this.current.scale * factor));
    this.set(zoomAt(this.current, this.view, sx, sy, scale / this.current.scale));
  }

  /** A gesture began: a running animation stops where it is. */
  stop(): void {
    this.animation = null;
  }

  /** Before a frame: move a running animation on to `now`. */
  advance(now: number): void {
    if (!this.animation) return;
    const t = Math.min(1, (now - this.animation.start) / ANIMATION_MS);
    this.current = interpolate(this.animation.from, this.animation.to, easeInOutCubic(t));
    if (t >= 1) this.animation = null;
    else this.redraw();
    this.rest.moved();
  }

  /** After a frame: rest is counted from the last frame too. */
  frameDrawn(): void {
    this.rest.frameDrawn();
  }

  /** Home shows the dense core of the field; zooming out reaches every outlier. */
  private fitHome(): void {
    const cameras = this.papers && homeCameras(this.papers, this.view);
    if (cameras) ({ home: this.home, whole: this.whole } = cameras);
  }

  private set(camera: Camera): void {
    this.current = camera;
    this.rest.moved();
    this.redraw();
  }

  private animateTo(target: Camera): void {
    const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    if (reduced) {
      this.animation = null;
      this.set(target);
      return;
    }
    this.animation = { from: this.current, to: target, start: performance.now() };
    this.redraw();
  }
}
