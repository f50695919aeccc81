/**
 * @file The papers of one topic, either level: rows whose fine or coarse cluster it is.
 */
import type { MapData } from '../types.js';

export function topicRows(data: MapData, topicId: number): number[] {
  const rows: number[] = [];
  for (let i = 0; i < data.count; i++) if (data.cluster[i] === topicId || data.coarseCluster[i] === topicId) rows.push(i);
  return rows;
}
