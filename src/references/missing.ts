/**
 * @file "What did my draft miss": the papers closest to a draft's text (or, without one, to the
 * references it already cites), leaving out those references and any other paper of the same title (a
 * second version or a duplicate of a cited paper).
 */
import { paperText } from '../corpus/text.js';
import { FUSION_DEPTH } from '../config.js';
import { searchPapers, type SearchEngine } from '../search/engine.js';
import type { RankedRow } from '../ranking/rankedRow.js';
import { nearestRows } from '../search/semantic.js';
import type { SignalLists } from '../search/why.js';
import { parseReferences } from './parse.js';
import { normalizeTitle, resolveReferences, sameTitleRows, type ReferenceMatch } from './resolve.js';

export interface MissingRequest {
  text: string;
  references: string;
  k: number;
}

export interface MissingOutcome {
  matched: ReferenceMatch[];
  /** Best first, at most k; never a matched reference or a paper titled like one. */
  results: RankedRow[];
  /** The ranked lists behind the results, for `why`. */
  lists: SignalLists;
  /** What the results are explained against: the text, else the matched papers' titles and abstracts. */
  source: string;
}

/** The mean of the matched papers' unit vectors, scaled to unit length (a zero vector for none). */
function centroid(engine: SearchEngine, rows: readonly number[]): Float32Array {
  const { dims, vectors } = engine.index;
  const mean = new Float32Array(dims);
  for (const row of rows) for (let j = 0; j < dims; j++) mean[j] += vectors[row * dims + j];
  const norm = Math.hypot(...mean);
  return norm > 0 ? mean.map((v) => v / norm) : mean;
}

/** The rows results must not hold: the matched papers and every paper sharing a title with one. */
function excludedRows(engine: SearchEngine, matchedRows: readonly number[]): Set<number> {
  return new Set(matchedRows.flatMap((row) => [row, ...sameTitleRows(engine.index, row)]));
}

/** `rows` without excluded ones and without a second paper of a title already listed. */
function keepNew(engine: SearchEngine, rows: readonly RankedRow[], excluded: ReadonlySet<number>, k: number): RankedRow[] {
  const titles = new Set<string>();
  const kept: RankedRow[] = [];
  for (const r of rows) {
    const title = normalizeTitle(engine.index.papers[r.row].title);
    if (excluded.has(r.row) || titles.has(title)) continue;
    titles.add(title);
    kept.push(r);
    if (kept.length === k) break;
  }
  return kept;
}

/**
 * Resolves `references` and ranks the papers nearest to `text` (hybrid search), or without a
 * text, nearest to the resolved references (their mean embedding). Fusing both rankings was
 * tried: the references' neighbours pushed papers the draft itself describes out of the top.
 * @example await findMissing(engine, { text: draft, references: bibtex, k: 20 }) // => { matched: [...], results: [...], … }
 */
export async function findMissing(engine: SearchEngine, { text, references, k }: MissingRequest): Promise<MissingOutcome> {
  const matched = resolveReferences(engine.index, engine.index.bm25, parseReferences(references));
  const matchedRows = [...new Set(matched.flatMap((m) => (m.row === undefined ? [] : [m.row])))];
  const excluded = excludedRows(engine, matchedRows);
  const depth = Math.max(FUSION_DEPTH, k + excluded.size);
  let lists: SignalLists;
  let ranked: readonly RankedRow[];
  if (text) {
    const found = await searchPapers(engine, { q: text, k: depth, mode: 'hybrid' });
    [lists, ranked] = [found.lists, found.results];
  } else {
    ranked = nearestRows(engine.index, centroid(engine, matchedRows), depth);
    lists = { references: ranked };
  }
  const source = text || matchedRows.map((row) => paperText(engine.index.papers[row])).join('\n');
  return { matched, results: keepNew(engine, ranked, excluded, k), lists, source };
}
