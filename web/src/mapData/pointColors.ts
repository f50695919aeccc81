/**
 * @file The RGBA colour of every paper on the map, from its topics. Papers share few
 * (fine, coarse) cluster pairs, so each pair's colour is looked up once.
 */
import type { TopicIndex } from '../topics.js';
import type { MapData } from '../types.js';

export function pointColors(data: MapData, topics: TopicIndex): Uint8Array {
  const colors = new Uint8Array(data.count * 4);
  const byPair = new Map<number, readonly [number, number, number]>();
  for (let i = 0; i < data.count; i++) {
    const fine = data.cluster[i];
    const coarse = data.coarseCluster?.[i];
    // Cluster ids are small non-negative integers or -1, so this key is one per pair.
    const key = (fine + 1) * 1_048_576 + ((coarse ?? -1) + 1);
    let rgb = byPair.get(key);
    if (!rgb) byPair.set(key, (rgb = topics.colorOf(fine, coarse)));
    colors[4 * i] = rgb[0];
    colors[4 * i + 1] = rgb[1];
    colors[4 * i + 2] = rgb[2];
    colors[4 * i + 3] = 255;
  }
  return colors;
}
