/**
 * @file The record an export writes per paper: the paper's metadata, its topic labels and the
 * permalink of the view it was exported from, with the paper opened. Papers a collection
 * holds but the current index lacks are kept, with only their id.
 */
import type { Paper, PaperId } from '../corpus/paper.js';
import type { LoadedIndex } from '../search/loadIndex.js';

export interface ExportRow {
  id: PaperId;
  title: string;
  authors: string[];
  /** "YYYY" or "YYYY-MM"; null when unknown. */
  date: string | null;
  categories: string[];
  url: string | null;
  /** Labels of the paper's coarse then fine topic. */
  topics: string[];
  permalink: string;
}

/** A new-style arXiv id (2506.09813, with an optional version) or an old-style one (hep-th/9901001). */
const NEW_ARXIV_ID = /^(\d{2})(\d{2})\.\d{4,5}(v\d+)?$/;
const OLD_ARXIV_ID = /^[a-z-]+(\.[A-Z]{2})?\/\d{7}(v\d+)?$/;

export function isArxivId(id: string): boolean {
  return NEW_ARXIV_ID.test(id) || OLD_ARXIV_ID.test(id);
}

/** The paper's year, else the month its new-style arXiv id encodes (2506.09813 → 2025-06). */
export function paperDate(paper: Pick<Paper, 'id' | 'year'>): string | null {
  if (paper.year !== undefined) return String(paper.year);
  const match = NEW_ARXIV_ID.exec(paper.id);
  return match ? `20${match[1]}-${match[2]}` : null;
}

export function paperUrl(paper: Pick<Paper, 'id' | 'url'>): string | null {
  return paper.url ?? (isArxivId(paper.id) ? `https://arxiv.org/abs/${paper.id}` : null);
}

function topicLabels(index: LoadedIndex, row: number): string[] {
  const { topics } = index;
  const labels = new Map(topics.clusters.map((c) => [c.id, c.label]));
  return [topics.coarseAssignments[row], topics.assignments[row]].filter((id) => id !== undefined && id >= 0).map((id) => labels.get(id) ?? '');
}

/**
 * Where the exported view lives: the page's URL with its view parameters (e.g. `q`, `mode`)
 * and `paper` set to each row's id.
 */
export interface PermalinkBase {
  origin: string;
  view: Record<string, string>;
}

export function permalinkOf(base: PermalinkBase, id: PaperId): string {
  const params = new URLSearchParams({ ...base.view, paper: id });
  return `${base.origin}/?${params.toString()}`;
}

/** The export record of row `row` of the index. */
export function exportRow(index: LoadedIndex, row: number, base: PermalinkBase): ExportRow {
  const paper = index.papers[row];
  return {
    id: paper.id,
    title: paper.title,
    authors: paper.authors ?? [],
    date: paperDate(paper),
    categories: paper.categories ?? [],
    url: paperUrl(paper),
    topics: topicLabels(index, row),
    permalink: permalinkOf(base, paper.id),
  };
}

/** The record of a paper id the index does not have (kept in a collection across a rebuild). */
export function missingRow(id: PaperId, base: PermalinkBase): ExportRow {
  return { id, title: '', authors: [], date: paperDate({ id }), categories: [], url: paperUrl({ id }), topics: [], permalink: permalinkOf(base, id) };
}
