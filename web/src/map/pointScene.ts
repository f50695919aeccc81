/**
 * @file What the map's WebGL canvas shows: every paper (from the raster cache)
 * and, on top, the highlighted ones: papers new since the page loaded (green
 * rings), search results, similar papers (hollow rings), the open paper and the
 * hovered one, each layer with its own style.
 */
import type { Camera, Viewport } from './camera.js';
import { RasterCache } from './rasterCache.js';
import { PointRenderer, type LayerDraw, type LayerStyle, type PointLayer } from './renderer.js';

import { COLLECT_RINGS, type CollectLayerName } from './collectRings.js';

export type { CollectLayerName } from './collectRings.js';
export type LayerName = 'base' | 'added' | CollectLayerName | 'results' | 'similarHalo' | 'similar' | 'selected' | 'hover';
const LAYER_NAMES: readonly LayerName[] = ['base', 'added', 'picked', 'recommended', 'negative', 'positive', 'results', 'similarHalo', 'similar', 'selected', 'hover'];

const RING_WHITE = [0.96, 0.97, 0.98, 1] as const;
const RING_AMBER = [0.98, 0.74, 0.2, 1] as const;
const RING_RED = [1, 0.35, 0.32, 1] as const;
const RING_GREEN = [0.36, 0.86, 0.5, 1] as const;
/** The map's background: a dark rim keeps the amber ring visible on yellow and orange topics. */
const RING_DARK = [0.05, 0.07, 0.09, 1] as const;
/** Fill colours that replace the topic colour: similar papers are hollow rings. */
const FILLS: Partial<Record<LayerName, readonly number[]>> = { selected: [250, 251, 252, 255], hover: [250, 251, 252, 255], similar: [0, 0, 0, 0], similarHalo: [0, 0, 0, 0] };

/** Layer styles for points of `size` CSS px; `focused` (results or a selection) dims the rest. */
function layerStyles(size: number, focused: boolean): Record<LayerName, LayerStyle> {
  return {
    base: { size, alpha: focused ? 0.38 : 0.85 },
    added: { size: Math.max(9, size + 5), alpha: 1, ringColor: RING_GREEN, ringWidth: 0.3 },
    results: { size: Math.max(10, size + 6), alpha: 1, ringColor: RING_WHITE, ringWidth: 0.28 },
    similarHalo: { size: Math.max(23, size + 17), alpha: 1, ringColor: RING_DARK, ringWidth: 0.26 },
    similar: { size: Math.max(18, size + 12), alpha: 1, ringColor: RING_AMBER, ringWidth: 0.2 },
    selected: { size: Math.max(16, size + 10), alpha: 1, ringColor: RING_RED, ringWidth: 0.42 },
    hover: { size: Math.max(12, size + 7), alpha: 1, ringColor: RING_RED, ringWidth: 0.2 },
    picked: { size: Math.max(12, size + 7), alpha: 1, ringColor: COLLECT_RINGS.picked, ringWidth: 0.3 },
    recommended: { size: Math.max(14, size + 9), alpha: 1, ringColor: COLLECT_RINGS.recommended, ringWidth: 0.3 },
    negative: { size: Math.max(14, size + 9), alpha: 1, ringColor: COLLECT_RINGS.negative, ringWidth: 0.35 },
    positive: { size: Math.max(14, size + 9), alpha: 1, ringColor: COLLECT_RINGS.positive, ringWidth: 0.35 },
  };
}

/** The diameter (CSS px) a highlight layer draws its papers at, for papers of `pointSize`. */
export function highlightSize(name: Exclude<LayerName, 'base'>, pointSize: number): number {
  return layerStyles(pointSize, true)[name].size;
}

/** Point columns as the scene needs them: positions and RGBA colours (0..255). */
export interface ScenePoints {
  xs: Float32Array;
  ys: Float32Array;
  colors: Uint8Array;
}

/**
 * Papers painted into the cached picture per frame: on software WebGL (2 shared cores)
 * about 20 ms of drawing, so no frame of a big map draws every paper.
 */
const POINTS_PER_FRAME = 24_000;

export class PointScene {
  private readonly renderer: PointRenderer;
  private readonly cache: RasterCache;
  private readonly layers = new Map<LayerName, PointLayer>();
  private points: ScenePoints | null = null;
  /** The dimming last asked for: a change makes a new picture. */
  private baseAlpha = -1;
  /** How the picture being painted draws its papers, and how many it has drawn. */
  private paintStyle: LayerStyle = { size: 1, alpha: 1 };
  private painted = 0;

  /** Throws when WebGL 2 is unavailable. */
  constructor(canvas: HTMLCanvasElement, background: readonly [number, number, number]) {
    this.renderer = new PointRenderer(canvas, background);
    this.cache = new RasterCache(this.renderer.gl, background);
    for (const name of LAYER_NAMES) this.layers.set(name, this.renderer.createLayer());
  }

  setPoints(points: ScenePoints): void {
    this.points = points;
    const positions = new Float32Array(points.xs.length * 2);
    for (let i = 0; i < points.xs.length; i++) {
      positions[2 * i] = points.xs[i];
      positions[2 * i + 1] = points.ys[i];
    }
    this.layers.get('base')!.set(positions, points.colors);
    this.invalidate();
  }

  /** Put these papers in a highlight layer (drawn in their topic colour unless the layer has its own). */
  fill(name: Exclude<LayerName, 'base'>, indices: readonly number[]): void {
    if (!this.points) return;
    const { xs, ys, colors } = this.points;
    const valid = indices.filter((i) => i >= 0 && i < xs.length);
    const positions = new Float32Array(valid.length * 2);
    const rgba = new Uint8Array(valid.length * 4);
    valid.forEach((i, k) => {
      positions.set([xs[i], ys[i]], 2 * k);
      rgba.set(FILLS[name] ?? [colors[4 * i], colors[4 * i + 1], colors[4 * i + 2], 255], 4 * k);
    });
    this.layers.get(name)!.set(positions, rgba);
    if (name === 'similar') this.fill('similarHalo', indices);
  }

  /** The picture of all papers is stale (new data, new canvas size). */
  invalidate(): void {
    this.cache.invalidate();
  }

  /** Whether the picture of all papers is still being painted: more frames are due. */
  get painting(): boolean {
    return this.cache.painting;
  }

  /** Whether a complete, current picture of all papers is on show. */
  get complete(): boolean {
    return this.cache.complete && !this.cache.painting;
  }

  /**
   * Draw a frame: all papers from the cached picture (a new one started when it
   * will not stand in much longer or, with `exact`, is not pixel-exact, and
   * painted a part per frame), then the highlights.
   */
  draw(camera: Camera, view: Viewport, dpr: number, pointSize: number, focused: boolean, exact: boolean): void {
    const styles = layerStyles(pointSize, focused);
    if (styles.base.alpha !== this.baseAlpha) {
      this.baseAlpha = styles.base.alpha;
      this.cache.invalidate();
    }
    if (this.cache.wants(camera, view, dpr, exact)) {
      this.cache.begin(camera, view, dpr);
      this.paintStyle = styles.base;
      this.painted = 0;
    }
    if (this.cache.painting) this.paintMore(dpr);
    this.cache.show(camera, view);
    // The canvas may have fewer pixels than the picture while the view moves (mapView.ts).
    const screenDpr = this.renderer.gl.drawingBufferWidth / view.width;
    const highlights = LAYER_NAMES.filter((name) => name !== 'base').map((name): LayerDraw => [this.layers.get(name)!, styles[name]]);
    this.renderer.drawLayers(camera, view, screenDpr, highlights);
  }

  /** Paint the next POINTS_PER_FRAME papers into the picture being painted; show it when complete. */
  private paintMore(dpr: number): void {
    const base = this.layers.get('base')!;
    const { camera, view } = this.cache.bindBack();
    const count = Math.min(POINTS_PER_FRAME, base.count - this.painted);
    this.renderer.drawLayers(camera, view, dpr, [[base, this.paintStyle, { first: this.painted, count }]]);
    this.painted += count;
    if (this.painted >= base.count) this.cache.finish();
  }
}
