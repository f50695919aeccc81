/**
 * @file The map's labels for one frame: which papers are in view (scanned at rest, not
 * on every moving frame), what labels must leave clear (the query marker, highlighted
 * papers, the map's controls), and the label layer that places them.
 */
import type { Topic } from '../types.js';
import { toScreen, type Camera, type Viewport } from './camera.js';
import { LabelLayer } from './labelLayer.js';
import type { Box } from './labelPlacement.js';
import { controlObstacles, labelObstacles, type Highlighted } from './obstacles.js';
import { scanView, type PaperColumns, type ViewContent } from './viewContent.js';

export interface LabelledPoints extends PaperColumns {
  titles: readonly string[];
}

export class MapLabels {
  private readonly layer: LabelLayer;
  private points: LabelledPoints | null = null;
  private content: ViewContent | null = null;

  constructor(private readonly root: HTMLElement, colorOf: (id: number) => string, isRoot: (topic: Topic) => boolean, onTopicClick?: (id: number) => void) {
    const host = document.createElement('div');
    host.className = 'map-labels';
    host.setAttribute('aria-hidden', 'true');
    root.append(host);
    const paperScreen = (camera: Camera, view: Viewport, i: number): [number, number] => toScreen(camera, view, this.points!.xs[i], this.points!.ys[i]);
    this.layer = new LabelLayer(host, colorOf, isRoot, paperScreen, onTopicClick);
  }

  setData(points: LabelledPoints, topics: readonly Topic[]): void {
    this.points = points;
    this.content = null;
    this.layer.setTopics(topics);
  }

  /** Re-place the labels; `zoom` is scale / home scale, `resting` says the view stopped. */
  update(camera: Camera, view: Viewport, zoom: number, resting: boolean, queryBoxes: readonly Box[], highlighted: Highlighted): void {
    const points = this.points;
    const obstacles = [...labelObstacles(camera, view, queryBoxes, points, highlighted), ...controlObstacles(this.root)];
    if (points && (resting || !this.content)) this.content = scanView(points, camera, view);
    const context = points && this.content ? { content: this.content, titleOf: (i: number) => points.titles[i] } : undefined;
    this.layer.update(camera, view, zoom, obstacles, context);
  }
}
