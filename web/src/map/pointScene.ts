/**
 * @file What the map's WebGL canvas shows: every paper (from the raster cache)
 * and, on top, the highlighted ones: papers new since the page loaded (green
 * rings), search results, similar papers (hollow rings), the open paper and the
 * hovered one, each layer with its own style.
 */
import type { Camera, Viewport } from './camera.js';
import { RasterCache } from './rasterCache.js';
import { PointRenderer, type LayerStyle, type PointLayer } from './renderer.js';

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

/** Point columns as the scene needs them: positions and RGBA colours (0..255). */
export interface ScenePoints {
  xs: Float32Array;
  ys: Float32Array;
  colors: Uint8Array;
}

export class PointScene {
  private readonly renderer: PointRenderer;
  private readonly cache: RasterCache;
  private readonly layers = new Map<LayerName, PointLayer>();
  private points: ScenePoints | null = null;
  private cachedBaseAlpha = -1;

  /** Throws when WebGL 2 is unavailable. */
  constructor(canvas: HTMLCanvasElement, background: readonly [number, number, number]) {
    this.renderer = new PointRenderer(canvas, background);
    this.cache = new RasterCache(this.renderer.gl);
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
    this.cache.dirty = true;
  }

  /**
   * Draw a frame: all papers from the cached picture, redrawn when it cannot
   * stand in (or, with `exact`, is not pixel-exact), then the highlights.
   */
  draw(camera: Camera, view: Viewport, dpr: number, pointSize: number, focused: boolean, exact: boolean): void {
    const styles = layerStyles(pointSize, focused);
    if (styles.base.alpha !== this.cachedBaseAlpha) this.cache.dirty = true;
    if (!this.cache.covers(camera, view, dpr, exact)) {
      this.cache.render(camera, view, dpr, (cacheView, width, height) => {
        this.renderer.clear(width, height);
        this.renderer.drawLayers(camera, cacheView, dpr, [[this.layers.get('base')!, styles.base]]);
      });
      this.cachedBaseAlpha = styles.base.alpha;
    }
    this.cache.show(camera, view);
    const highlights = LAYER_NAMES.filter((name) => name !== 'base').map((name) => [this.layers.get(name)!, styles[name]] as [PointLayer, LayerStyle]);
    this.renderer.drawLayers(camera, view, dpr, highlights);
  }
}
