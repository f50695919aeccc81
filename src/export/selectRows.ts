/**
 * @file The papers an export holds: explicit ids (a selection), a collection, a search's
 * results, or a slice (every paper passing the filters, e.g. one topic), as export records in
 * that set's own order, each narrowed by the filters. Shared by GET /api/export and
 * `paperscope export`.
 */
import type { Collection } from '../collections/shapes.js';
import type { PaperId } from '../corpus/paper.js';
import { searchPapers, type SearchEngine, type SearchMode } from '../search/engine.js';
import { filterEcho } from '../search/filterSpec.js';
import { rowsOfIds } from '../search/paperIds.js';
import type { RowFilter } from '../search/rowFilter.js';
import { exportRow, missingRow, type ExportRow, type PermalinkBase } from './exportRows.js';

export type ExportSource =
  | { kind: 'ids'; ids: readonly PaperId[] }
  | { kind: 'collection'; collection: Collection }
  | { kind: 'search'; q: string; mode: SearchMode; k: number }
  /** Every paper the filter keeps, in index order. */
  | { kind: 'slice' };

/** The view parameters a permalink of this export keeps: the search's q and mode, the filters. */
export function viewOf(source: ExportSource, filter: RowFilter): Record<string, string> {
  const view: Record<string, string> = {};
  if (source.kind === 'search') Object.assign(view, { q: source.q, mode: source.mode });
  for (const [name, value] of Object.entries(filterEcho(filter.spec))) view[name] = Array.isArray(value) ? value.join(',') : String(value);
  return view;
}

/**
 * The export records of `source` among the papers `filter` keeps. Unknown explicit ids throw
 * UnknownPaperError; a collection's papers missing from the index are kept with only their id
 * (left out when a filter is set: their dates and categories are unknown).
 */
export async function selectExportRows(engine: SearchEngine, source: ExportSource, origin: string, filter: RowFilter): Promise<ExportRow[]> {
  const { index } = engine;
  const base: PermalinkBase = { origin, view: viewOf(source, filter) };
  const keep = (row: number) => !filter.mask || filter.mask[row] === 1;
  const records = (rows: ArrayLike<number>) => Array.from(rows).filter(keep).map((row) => exportRow(index, row, base));
  switch (source.kind) {
    case 'ids':
      return records(rowsOfIds(index, source.ids));
    case 'slice':
      return records(filter.rows());
    case 'search':
      return records((await searchPapers(engine, { ...source, filter })).results.map((r) => r.row));
    case 'collection':
      return source.collection.papers.flatMap(({ id }) => {
        const row = index.rowById.get(id);
        if (row === undefined) return filter.mask ? [] : [missingRow(id, base)];
        return keep(row) ? [exportRow(index, row, base)] : [];
      });
  }
}
