/**
 * @file Turns search rows and papers into the JSON bodies of API.md. Positions are
 * rounded the same way everywhere, so a paper sits at the same x, y in every reply.
 */
import { clusterOf, coarseClusterOf } from '../search/clusters.js';
import type { LoadedIndex } from '../search/loadIndex.js';
import type { RankedRow } from '../ranking/rankedRow.js';
import { bestSnippet } from '../search/snippet.js';
import { mapFacetColumns } from './facetViews.js';
import { mapInSlices } from '../util/slices.js';
import type { HealthBody, MapBody, PaperBody, ResultWithoutWhy, ScoredPaper, SearchResult, SimilarResult } from './apiShapes.js';

const round = (value: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};
/** Map units are O(10): 4 decimals is far below a pixel at any sensible zoom. */
const coord = (value: number) => round(value, 4);
const scoreOf = (value: number) => round(value, 6);

function position(index: LoadedIndex, row: number): { x: number; y: number } {
  return { x: coord(index.coords[2 * row]), y: coord(index.coords[2 * row + 1]) };
}

/** A map point (e.g. where a query lands), rounded like paper positions. */
export function pointView(point: { x: number; y: number } | null): { x: number; y: number } | null {
  return point && { x: coord(point.x), y: coord(point.y) };
}

/** One search or similar result; with `queryTerms`, also the best-matching abstract sentence. */
export function resultView(index: LoadedIndex, ranked: RankedRow): ResultWithoutWhy<SimilarResult>;
export function resultView(index: LoadedIndex, ranked: RankedRow, queryTerms: ReadonlySet<string>): ResultWithoutWhy<SearchResult>;
export function resultView(index: LoadedIndex, { row, score }: RankedRow, queryTerms?: ReadonlySet<string>): ResultWithoutWhy<ScoredPaper> {
  const paper = index.papers[row];
  const view: ResultWithoutWhy<ScoredPaper> = { id: paper.id, title: paper.title, score: scoreOf(score), ...position(index, row), cluster: clusterOf(index, row), coarseCluster: coarseClusterOf(index, row) };
  if (queryTerms) view.snippet = bestSnippet(paper.abstract, queryTerms);
  return view;
}

/** A paper with all its metadata plus its map position and clusters. */
export function paperView(index: LoadedIndex, row: number): PaperBody {
  return { ...index.papers[row], ...position(index, row), cluster: clusterOf(index, row), coarseCluster: coarseClusterOf(index, row) };
}

/** GET /api/health. */
export function healthView(index: LoadedIndex): HealthBody {
  const { embedder, builtAt, corpus, papers } = index.manifest;
  return {
    status: 'ok',
    papers,
    embedder: { kind: embedder.kind, model: embedder.model, dims: embedder.dims },
    index: { builtAt, corpusSha256: corpus.sha256 },
  };
}

/**
 * GET /api/map as a document: one column per field, row i is paper i (API.md). Every column
 * is built in slices, so the server answers other requests meanwhile: reading each paper's
 * record (for its id and title) alone takes about 0.75 s at 98,085 papers and 4.5 s at 1,000,000.
 */
export async function mapDocument(index: LoadedIndex): Promise<MapBody> {
  const n = index.papers.length;
  const rows = Array.from({ length: n }, (_, i) => i);
  const column = <T>(valueOf: (row: number) => T) => mapInSlices(rows, valueOf);
  return {
    count: n,
    ids: await column((i) => index.papers[i].id),
    titles: await column((i) => index.papers[i].title),
    x: await column((i) => coord(index.coords[2 * i])),
    y: await column((i) => coord(index.coords[2 * i + 1])),
    cluster: await column((i) => clusterOf(index, i)),
    coarseCluster: await column((i) => coarseClusterOf(index, i)),
    clusters: index.topics.clusters.map((c) => ({ ...c, x: coord(c.x), y: coord(c.y) })),
    ...(await mapFacetColumns(index, column)),
  };
}
