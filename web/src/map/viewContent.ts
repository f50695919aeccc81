/**
 * @file What the current view shows, for its labels: the papers in view (all of them
 * when few, else an even sample) and, per topic, how many of them it holds and where
 * they sit on screen, so a topic whose centre is off screen is still labelled where
 * its papers are.
 */
import { toScreen, type Camera, type Viewport } from './camera.js';

/** Papers scanned per frame at most: every paper up to 100k, a stride beyond. */
const SCAN_LIMIT = 100_000;

export interface TopicInView {
  count: number;
  /** Mean position (data units) of its papers in view: still right after a small pan. */
  x: number;
  y: number;
}

export interface ViewContent {
  /** Papers in view (scanned ones): all of them when `sampled` is false. */
  papers: number[];
  sampled: boolean;
  /** Per topic id (fine and coarse), its scanned papers in view. */
  topics: Map<number, TopicInView>;
}

export interface PaperColumns {
  xs: ArrayLike<number>;
  ys: ArrayLike<number>;
  /** Fine and coarse topic of each paper (-1: none). */
  fine?: ArrayLike<number>;
  coarse?: ArrayLike<number>;
}

function add(topics: Map<number, TopicInView>, id: number | undefined, x: number, y: number): void {
  if (id === undefined || id < 0) return;
  const t = topics.get(id);
  if (!t) return void topics.set(id, { count: 1, x, y });
  t.count++;
  t.x += (x - t.x) / t.count;
  t.y += (y - t.y) / t.count;
}

export function scanView(points: PaperColumns, camera: Camera, view: Viewport): ViewContent {
  const n = points.xs.length;
  const stride = Math.max(1, Math.ceil(n / SCAN_LIMIT));
  const papers: number[] = [];
  const topics = new Map<number, TopicInView>();
  for (let i = 0; i < n; i += stride) {
    const [x, y] = [points.xs[i], points.ys[i]];
    const [sx, sy] = toScreen(camera, view, x, y);
    if (sx < 0 || sy < 0 || sx > view.width || sy > view.height) continue;
    papers.push(i);
    add(topics, points.fine?.[i], x, y);
    if (points.coarse?.[i] !== points.fine?.[i]) add(topics, points.coarse?.[i], x, y);
  }
  return { papers, sampled: stride > 1, topics };
}
