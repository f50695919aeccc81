/**
 * @file BM25 keyword search over titles and abstracts (MiniSearch), built once when an
 * index is loaded. Terms go through src/text's analyzer, the same one the lexical (LSA)
 * embedder and the topic labels use, so "networks" finds "network".
 */
import MiniSearch from 'minisearch';
import type { Paper } from '../corpus/paper.js';
import { stem, STOP_WORDS, tokenize } from '../text/tokenize.js';
import type { RankedRow } from './semantic.js';

/**
 * Lucene/Anserini-style BM25: k1 0.9, b 0.4; d = 0 turns MiniSearch's BM25+ into plain BM25.
 * Titles count a little more than abstract words: a title is a deliberate summary.
 */
export const LEXICAL_BM25 = Object.freeze({ k: 0.9, b: 0.4, d: 0 });
export const TITLE_BOOST = 1.5;

interface LexicalDoc {
  row: number;
  title: string;
  abstract: string;
}

/** A BM25 index over the papers of one loaded index; rows are its row numbers. */
export interface LexicalIndex {
  /** The `k` best rows for `query`, BM25 score (higher is better), best first; [] when no term matches. */
  search(query: string, k: number): RankedRow[];
}

/** The analyzer's per-token step, in MiniSearch's processTerm shape (tokenize has already lowercased). */
function processTerm(term: string): string | null {
  return STOP_WORDS.has(term) ? null : stem(term);
}

/**
 * Indexes the title and abstract of every paper.
 * @example createLexicalIndex(papers).search('submodular maximization', 3) // => [{ row: 31, score: 14.2 }, …]
 * @param papers  Papers in row order.
 */
export function createLexicalIndex(papers: readonly Paper[]): LexicalIndex {
  const mini = new MiniSearch<LexicalDoc>({
    idField: 'row',
    fields: ['title', 'abstract'],
    storeFields: [],
    tokenize: (text) => tokenize(text),
    processTerm,
    searchOptions: { boost: { title: TITLE_BOOST }, bm25: LEXICAL_BM25, prefix: false, fuzzy: false, combineWith: 'OR' },
  });
  mini.addAll(papers.map((p, row) => ({ row, title: p.title, abstract: p.abstract })));
  return {
    search(query, k) {
      return mini
        .search(query)
        .slice(0, k)
        .map((hit) => ({ row: hit.id as number, score: hit.score }));
    },
  };
}
