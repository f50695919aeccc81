/**
 * @file The papers an export holds: explicit ids (a selection), a collection, a search's
 * results or a topic's papers, as export records in that set's own order. Shared by
 * GET /api/export and `paperscope export`.
 */
import type { Collection } from '../collections/shapes.js';
import type { PaperId } from '../corpus/paper.js';
import type { RowFilter } from '../recommend/recommend.js';
import { searchPapers, type SearchEngine, type SearchMode } from '../search/engine.js';
import type { LoadedIndex } from '../search/loadIndex.js';
import { rowsOfIds } from '../search/paperIds.js';
import { exportRow, missingRow, type ExportRow, type PermalinkBase } from './exportRows.js';

export type ExportSource =
  | { kind: 'ids'; ids: readonly PaperId[] }
  | { kind: 'collection'; collection: Collection }
  | { kind: 'search'; q: string; mode: SearchMode; k: number }
  | { kind: 'topic'; topic: number };

export class UnknownTopicError extends Error {
  constructor(readonly topic: number) {
    super(`no topic with id ${topic}`);
    this.name = 'UnknownTopicError';
  }
}

/** The rows of topic `topic`, at either level, in row order; UnknownTopicError when the index has no such topic. */
export function topicRows(index: LoadedIndex, topic: number): number[] {
  const { topics } = index;
  const cluster = topics.clusters.find((c) => c.id === topic);
  if (!cluster) throw new UnknownTopicError(topic);
  const assignments = cluster.level === 0 ? topics.coarseAssignments : topics.assignments;
  const rows: number[] = [];
  assignments.forEach((id, row) => id === topic && rows.push(row));
  return rows;
}

/** The view parameters a permalink of this export keeps (e.g. the search's q and mode). */
export function viewOf(source: ExportSource): Record<string, string> {
  if (source.kind === 'search') return { q: source.q, mode: source.mode };
  if (source.kind === 'collection') return { collection: source.collection.id };
  if (source.kind === 'topic') return { topic: String(source.topic) };
  return {};
}

/**
 * The export records of `source`. Unknown explicit ids throw UnknownPaperError; a collection's
 * papers missing from the index are kept with only their id. `filter` (rows it rejects are left
 * out) applies to papers of the index.
 */
export async function selectExportRows(engine: SearchEngine, source: ExportSource, origin: string, filter?: RowFilter): Promise<ExportRow[]> {
  const { index } = engine;
  const base: PermalinkBase = { origin, view: viewOf(source) };
  const keep = (row: number) => !filter || filter(row);
  const rowsToRecords = (rows: number[]) => rows.filter(keep).map((row) => exportRow(index, row, base));
  switch (source.kind) {
    case 'ids':
      return rowsToRecords(rowsOfIds(index, source.ids));
    case 'topic':
      return rowsToRecords(topicRows(index, source.topic));
    case 'search': {
      const { results } = await searchPapers(engine, source);
      return rowsToRecords(results.map((r) => r.row));
    }
    case 'collection':
      return source.collection.papers.flatMap(({ id }) => {
        const row = index.rowById.get(id);
        if (row === undefined) return filter ? [] : [missingRow(id, base)];
        return keep(row) ? [exportRow(index, row, base)] : [];
      });
  }
}
