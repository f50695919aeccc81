/**
 * @file The map's papers as the page uses them, derived once per loaded map: the
 * topics, each paper's row by id, the slice bar's date and category columns, and the
 * columns the map view draws.
 */
import type { MapPoints } from '../map/mapView.js';
import { SliceData } from '../slice/sliceData.js';
import { TopicIndex } from '../topics.js';
import type { MapData } from '../types.js';
import type { IdIndex } from './idIndex.js';

export class MapPapers {
  readonly topics: TopicIndex;
  readonly slice: SliceData;

  constructor(
    readonly data: MapData,
    private readonly ids: IdIndex,
  ) {
    this.topics = TopicIndex.fromMap(data, this.rowOf);
    this.slice = new SliceData(data);
  }

  /** The row of paper `id` on the map, or -1. */
  rowOf = (id: string): number => this.ids.rowOf(id);

  /** The rows of these papers, leaving out papers not on the map. */
  rows(papers: readonly { id: string }[]): number[] {
    return papers.map((p) => this.rowOf(p.id)).filter((i) => i >= 0);
  }

  /** The columns the map view draws, in these colours (RGBA per paper). */
  points(colors: Uint8Array): MapPoints {
    const { data, topics } = this;
    return {
      titles: data.titles,
      xs: data.x instanceof Float32Array ? data.x : Float32Array.from(data.x),
      ys: data.y instanceof Float32Array ? data.y : Float32Array.from(data.y),
      colors,
      describe: (i) => topics.describe(data.cluster[i], data.coarseCluster?.[i]),
      fine: data.cluster,
      coarse: data.coarseCluster,
    };
  }
}
