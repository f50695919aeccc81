/**
 * @file Finds the paper of the index each reference names: by arXiv id (a paper's id or its
 * arxiv.org url), by DOI (a doi.org url, or arXiv's own DOIs 10.48550/arXiv.<id>), by its
 * normalized title, and last by a fuzzy title match among BM25's best hits for the title,
 * so a typo or a different capitalisation still resolves.
 */
import { distance } from 'fastest-levenshtein';
import { FUZZY_TITLE_CANDIDATES, FUZZY_TITLE_SIMILARITY } from '../config.js';
import type { LoadedIndex } from '../search/loadIndex.js';
import type { Bm25Index } from '../bm25/bm25.js';
import { arxivIdIn, doiIn, type Reference } from './parse.js';

export type MatchHow = 'arxiv' | 'doi' | 'title' | 'fuzzy-title';

export interface ReferenceMatch {
  reference: string;
  /** The paper's id, or null when no paper of the index is this reference. */
  id: string | null;
  row?: number;
  how?: MatchHow;
  problem?: string;
}

/** Lookups from an index's papers, built once per loaded index. */
interface PaperKeys {
  arxiv: Map<string, number>;
  doi: Map<string, number>;
  title: Map<string, number[]>;
}

const keysByIndex = new WeakMap<LoadedIndex, PaperKeys>();

/** arXiv's DataCite DOIs name the paper's arXiv id: 10.48550/arXiv.2506.09813. */
const ARXIV_DOI = /^10\.48550\/arxiv\.(.+)$/;

/**
 * A title reduced to its words: TeX markup, accents, case and punctuation dropped.
 * @example normalizeTitle('The {Large} $N$ Limit of Super-conformal Théories') // => 'the large n limit of super conformal theories'
 */
export function normalizeTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/\\[a-zA-Z]+/g, ' ')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function paperKeys(index: LoadedIndex): PaperKeys {
  let keys = keysByIndex.get(index);
  if (keys) return keys;
  keys = { arxiv: new Map(), doi: new Map(), title: new Map() };
  index.papers.forEach((paper, row) => {
    for (const source of [paper.id, paper.url ?? '']) {
      const arxiv = /arxiv/i.test(source) || source === paper.id ? arxivIdIn(source) : undefined;
      if (arxiv && !keys!.arxiv.has(arxiv)) keys!.arxiv.set(arxiv, row);
      const doi = doiIn(source);
      if (doi && !keys!.doi.has(doi)) keys!.doi.set(doi, row);
    }
    addTo(keys!.title, normalizeTitle(paper.title), row);
  });
  keysByIndex.set(index, keys);
  return keys;
}

/** Every row whose normalized title is that of paper `row` (the row itself included). */
export function sameTitleRows(index: LoadedIndex, row: number): readonly number[] {
  return paperKeys(index).title.get(normalizeTitle(index.papers[row].title)) ?? [row];
}

/** Similarity of two normalized titles: 1 − edit distance / longer length. */
function titleSimilarity(a: string, b: string): number {
  return 1 - distance(a, b) / Math.max(a.length, b.length, 1);
}

/** The paper among BM25's best hits for `title` whose title is closest to it, if close enough. */
function fuzzyTitleRow(index: LoadedIndex, bm25: Bm25Index, title: string): number | undefined {
  const wanted = normalizeTitle(title);
  let best: number | undefined;
  let bestSimilarity = FUZZY_TITLE_SIMILARITY;
  for (const { row } of bm25.search(title, FUZZY_TITLE_CANDIDATES)) {
    const similarity = titleSimilarity(wanted, normalizeTitle(index.papers[row].title));
    if (similarity >= bestSimilarity) [best, bestSimilarity] = [row, similarity];
  }
  return best;
}

/** The row `reference` names and how it was found, or undefined. */
function findRow(index: LoadedIndex, bm25: Bm25Index, reference: Reference): { row: number; how: MatchHow } | undefined {
  const keys = paperKeys(index);
  const lookup = (map: Map<string, number>, key: string | undefined) => (key === undefined ? undefined : map.get(key));
  const byArxiv = lookup(keys.arxiv, reference.arxiv);
  if (byArxiv !== undefined) return { row: byArxiv, how: 'arxiv' };
  const arxivOfDoi = reference.doi === undefined ? undefined : ARXIV_DOI.exec(reference.doi)?.[1];
  const byDoi = lookup(keys.doi, reference.doi) ?? lookup(keys.arxiv, arxivOfDoi && arxivIdIn(arxivOfDoi));
  if (byDoi !== undefined) return { row: byDoi, how: 'doi' };
  if (!reference.title) return undefined;
  const byTitle = keys.title.get(normalizeTitle(reference.title))?.[0];
  if (byTitle !== undefined) return { row: byTitle, how: 'title' };
  const fuzzy = fuzzyTitleRow(index, bm25, reference.title);
  return fuzzy === undefined ? undefined : { row: fuzzy, how: 'fuzzy-title' };
}

/**
 * Resolves each reference to a paper of `index`, in order.
 * @example resolveReferences(index, bm25, parseReferences('hep-th/9901001')) // => [{ reference: 'hep-th/9901001', id: 'hep-th/9901001', row: 7, how: 'arxiv' }]
 */
export function resolveReferences(index: LoadedIndex, bm25: Bm25Index, references: readonly Reference[]): ReferenceMatch[] {
  return references.map((reference) => {
    if (reference.problem) return { reference: reference.text, id: null, problem: reference.problem };
    const found = findRow(index, bm25, reference);
    return found ? { reference: reference.text, id: index.papers[found.row].id, ...found } : { reference: reference.text, id: null };
  });
}
