/**
 * @file Topics of the map: which coarse topic a paper's cluster belongs to,
 * its colour and its readable name. Colours go to coarse topics by size, so
 * the biggest topics get the most distinct hues (palette.ts); a fine topic is a
 * tint of its coarse topic's colour; papers in no topic are grey.
 */
import { tintsOf, topicPalette, type Rgb } from './palette.js';
import type { MapData, Topic } from './types.js';

export const NO_TOPIC_RGB: readonly [number, number, number] = [110, 118, 129];

/** What a topic lookup needs of a paper. */
export interface PaperRef {
  id: string;
  cluster?: number;
  coarseCluster?: number;
}

export class TopicIndex {
  private readonly byId = new Map<number, Topic>();
  private readonly colorOfCoarse = new Map<number, Rgb>();
  private readonly colorOfFine = new Map<number, Rgb>();

  constructor(readonly topics: readonly Topic[]) {
    for (const topic of topics) this.byId.set(topic.id, topic);
    // Roots get the colours: coarse topics, and fine ones that have no coarse parent.
    const roots = this.roots();
    const palette = topicPalette(roots.length);
    roots.forEach((topic, i) => this.colorOfCoarse.set(topic.id, palette[i]));
    this.tintChildren(roots);
  }

  /** Each root's fine topics, largest first, get its colour's tints from light to dark. */
  private tintChildren(roots: readonly Topic[]): void {
    for (const root of roots) {
      const children = this.childrenOf(root.id);
      const tints = tintsOf(this.colorOfCoarse.get(root.id)!, children.length);
      children.forEach((child, i) => this.colorOfFine.set(child.id, tints[i]));
    }
  }

  /** The coarse topics (roots), largest first. */
  roots(): Topic[] {
    return this.topics.filter((t) => this.isRoot(t)).sort((a, b) => b.size - a.size || a.id - b.id);
  }

  /** A root's fine topics, largest first. */
  childrenOf(id: number): Topic[] {
    return this.topics.filter((t) => !this.isRoot(t) && t.parent === id).sort((a, b) => b.size - a.size || a.id - b.id);
  }

  /** Topics of the map; papers' coarse clusters are looked up by id in its columns. */
  /** The map's topics; `rowOf` finds a paper's row, for papers that come without their coarse cluster. */
  static fromMap(map: MapData, rowOf: (id: string) => number): TopicIndex {
    const topics = new TopicIndex(Array.isArray(map.clusters) ? map.clusters : []);
    const coarse = map.coarseCluster;
    if (coarse) topics.coarseOfPaper = (id) => coarse[rowOf(id)];
    return topics;
  }

  private coarseOfPaper: (id: string) => number | undefined = () => undefined;

  /** A topic with no parent: coarse, or fine but in no coarse topic. Labelled when zoomed out. */
  isRoot(topic: Topic): boolean {
    return (topic.level ?? 0) === 0 || topic.parent === undefined || topic.parent === null || !this.byId.has(topic.parent);
  }

  get(id: number | undefined): Topic | undefined {
    return id === undefined ? undefined : this.byId.get(id);
  }

  /** The root (coarse) topic a cluster id belongs to, if any. */
  coarseOf(id: number | undefined): Topic | undefined {
    let topic = this.get(id);
    for (let hops = 0; topic && !this.isRoot(topic) && hops < 8; hops++) topic = this.byId.get(topic.parent!);
    return topic;
  }

  /**
   * RGB colour of a paper or topic: its fine topic's tint, else its coarse topic's
   * colour (from `coarseId` when the fine id is -1); grey when it has neither.
   */
  colorOf(id: number | undefined, coarseId?: number): Rgb {
    const fine = id === undefined ? undefined : this.colorOfFine.get(id);
    if (fine) return fine;
    const coarse = this.coarseOf(id) ?? this.coarseOf(coarseId);
    return (coarse && this.colorOfCoarse.get(coarse.id)) ?? NO_TOPIC_RGB;
  }

  cssColorOf(id: number | undefined, coarseId?: number): string {
    const [r, g, b] = this.colorOf(id, coarseId);
    return `rgb(${r} ${g} ${b})`;
  }

  /** Topic line of a paper (a result, a similar paper, the open paper). */
  describePaper(p: PaperRef): string | null {
    return this.describe(p.cluster, p.coarseCluster ?? this.coarseOfPaper(p.id));
  }

  cssColorOfPaper(p: PaperRef): string {
    return this.cssColorOf(p.cluster, p.coarseCluster ?? this.coarseOfPaper(p.id));
  }

  /** "coarse › fine" label for a paper's clusters, or null when it has none. */
  describe(id: number | undefined, coarseId?: number): string | null {
    const topic = this.get(id) ?? this.get(coarseId);
    if (!topic) return null;
    const coarse = this.coarseOf(topic.id);
    return coarse && coarse.id !== topic.id ? `${coarse.label} › ${topic.label}` : topic.label;
  }
}
