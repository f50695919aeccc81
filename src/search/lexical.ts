/**
 * @file BM25 keyword search over titles and abstracts (MiniSearch), built once when an
 * index is loaded. Terms go through src/text's analyzer, the same one the lexical (LSA)
 * embedder and the topic labels use, so "networks" finds "network".
 *
 * Scored as Lucene/Anserini score BEIR: one field holding title + abstract, plain BM25
 * (k1 0.9, b 0.4), a document's score the sum over the query terms it holds. MiniSearch
 * departs from that in two ways, both undone here: it scores each field on its own (so a
 * title is one more short document), and it multiplies a document's score by the number
 * of query terms it matched (a coordination factor, which BM25 does not have). On
 * SciFact's train split the two together cost 0.03 nDCG@10 (0.660 against 0.691).
 */
import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import { paperText, type Paper } from '../corpus/index.js';
import { stem, STOP_WORDS, tokenize } from '../text/tokenize.js';
import type { RankedRow } from './semantic.js';

/** Lucene/Anserini-style BM25: k1 0.9, b 0.4; d = 0 turns MiniSearch's BM25+ into plain BM25. */
export const LEXICAL_BM25 = Object.freeze({ k: 0.9, b: 0.4, d: 0 });

interface LexicalDoc {
  row: number;
  text: string;
}

/** A BM25 index over the papers of one loaded index; rows are its row numbers. */
export interface LexicalIndex {
  /** The `k` best rows for `query`, BM25 score (higher is better), best first; [] when no term matches. */
  search(query: string, k: number): RankedRow[];
  /** The index as JSON, for `loadLexicalIndex`: the build saves it so a server never re-indexes. */
  toJSON(): string;
}

/** The analyzer's per-token step, in MiniSearch's processTerm shape (tokenize has already lowercased). */
function processTerm(term: string): string | null {
  return STOP_WORDS.has(term) ? null : stem(term);
}

/** MiniSearch's score divided by its coordination factor (the count of distinct query terms matched): the BM25 sum. */
function bm25Score(hit: SearchResult): number {
  return hit.score / (hit.queryTerms.length || 1);
}

const MINISEARCH_OPTIONS: Options<LexicalDoc> = {
  idField: 'row',
  fields: ['text'],
  storeFields: [],
  tokenize: (text: string) => tokenize(text),
  processTerm,
  searchOptions: { bm25: LEXICAL_BM25, prefix: false, fuzzy: false, combineWith: 'OR' },
};

function lexicalIndexOver(mini: MiniSearch<LexicalDoc>): LexicalIndex {
  return {
    search(query, k) {
      return mini
        .search(query)
        .map((hit) => ({ row: hit.id as number, score: bm25Score(hit) }))
        .sort((a, b) => b.score - a.score || a.row - b.row)
        .slice(0, k);
    },
    toJSON: () => JSON.stringify(mini),
  };
}

/**
 * Indexes the title and abstract of every paper, as one text.
 * @example createLexicalIndex(papers).search('submodular maximization', 3) // => [{ row: 31, score: 14.2 }, …]
 * @param papers  Papers in row order.
 */
export function createLexicalIndex(papers: readonly Paper[]): LexicalIndex {
  const mini = new MiniSearch<LexicalDoc>(MINISEARCH_OPTIONS);
  mini.addAll(papers.map((p, row) => ({ row, text: paperText(p) })));
  return lexicalIndexOver(mini);
}

/** Restores an index saved with `toJSON` (5× faster than indexing 100,000 abstracts again). */
export function loadLexicalIndex(json: string): LexicalIndex {
  return lexicalIndexOver(MiniSearch.loadJSON<LexicalDoc>(json, MINISEARCH_OPTIONS));
}
