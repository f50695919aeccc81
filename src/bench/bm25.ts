/**
 * @file BM25 at 100,000 papers (part of `npm run bench`): building the index, its bm25.bin
 * size and load time, and the time per query for queries of common and of rare words
 * (100 results, as hybrid search asks for). Papers are the real arXiv records.
 */
import { buildBm25, loadBm25 } from '../bm25/bm25.js';
import type { BenchSection } from './report.js';
import { benchPapers } from './scale.js';

/** Queries whose words are in tens of thousands of abstracts, and queries whose words are in a few thousand or fewer. */
const QUERIES = {
  common: ['graph neural', 'optimal transport learning', 'neural network training results', 'deep learning model data', 'large language models reasoning'],
  rare: ['sinkhorn', 'wasserstein barycenter', 'protein folding', 'spectral sparsification', 'submodular maximization'],
};

function msPerQuery(search: () => unknown, repeats: number): number {
  for (let i = 0; i < 3; i++) search();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    search();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(repeats / 2)];
}

/** Builds, saves and reloads the BM25 index of `count` papers, then times each query (median of `repeats`). */
export async function bm25Bench(count = 100_000, repeats = 21): Promise<BenchSection> {
  const papers = await benchPapers(count);
  let start = performance.now();
  const bytes = buildBm25(papers).toBytes();
  const buildSeconds = (performance.now() - start) / 1000;
  start = performance.now();
  const index = loadBm25(bytes);
  const loadMs = performance.now() - start;
  const rows = Object.entries(QUERIES).flatMap(([words, queries]) =>
    queries.map((q) => ({ words, query: q, 'papers matched': index.search(q, count).length, 'ms/query': Number(msPerQuery(() => index.search(q, 100), repeats).toFixed(3)) })),
  );
  return {
    name: `BM25 at ${papers.length.toLocaleString('en')} papers (top 100 per query)`,
    rows,
    notes: [`build ${buildSeconds.toFixed(1)} s; bm25.bin ${(bytes.length / 1e6).toFixed(1)} MB, loaded in ${loadMs.toFixed(0)} ms (reading and checksumming the file come on top)`, `ms/query is the median of ${repeats} runs`],
  };
}
