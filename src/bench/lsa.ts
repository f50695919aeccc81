/**
 * @file Benchmark of the lexical (LSA) embedder at scale: fits it on up to ~100,000 real
 * abstracts and prints fit time, peak RSS and retrieval quality (title → paper rank,
 * same-category neighbours). Run after `npm run build:ts`: `node dist/bench/lsa.js --help`.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../config.js';
import { paperText } from '../corpus/text.js';
import { readCorpus } from '../corpus/parse.js';
import { type Paper } from '../corpus/paper.js';
import { fitLsaEmbedder, type FittedLsaEmbedder } from '../embed/lsa.js';

/** 98,085 arXiv titles + abstracts kept beside the project (see its SOURCE.md); benchmarks only. */
const ARXIV_DAILY = path.join(PROJECT_ROOT, '..', 'shared', 'data', 'arxiv-daily', 'papers.jsonl.gz');

const USAGE = `usage: node dist/bench/lsa.js [options]
  --corpus <file>    corpus to fit (default: ${ARXIV_DAILY})
  --limit <n>        use the first n papers only
  --queries <n>      papers sampled for the quality figures (default 500)
  --dims <n>         LSA dimensions (default: the embedder's)
  --min-df <n>       minimum document frequency (default: the embedder's)
  --[no-]bigrams     index two-word phrases or not (default: the embedder's, by corpus size)
  --abstract-only    fit on abstracts without titles (makes title → paper a real test)`;

const ARGS = {
  corpus: { type: 'string', default: ARXIV_DAILY },
  limit: { type: 'string' },
  queries: { type: 'string', default: '500' },
  dims: { type: 'string' },
  'min-df': { type: 'string' },
  bigrams: { type: 'boolean' },
  'abstract-only': { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
} as const;

/** Quality on sampled papers: where the paper ranks for its own title, and its neighbours' categories. */
interface Quality {
  queries: number;
  titleHitAt1: number;
  titleHitAt10: number;
  titleMrr: number;
  /** Share of each sampled paper's 10 nearest papers with the same primary category. */
  sameCategoryAt10: number;
}

function optionalInt(value: string | undefined): number | undefined {
  return value === undefined ? undefined : Number.parseInt(value, 10);
}

function mb(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(0)} MB`;
}

/** Dot products of `query` with every row of the papers × dims matrix. */
function scoresAgainst(vectors: Float32Array, dims: number, query: ArrayLike<number>): Float64Array {
  const scores = new Float64Array(vectors.length / dims);
  for (let r = 0, o = 0; r < scores.length; r++, o += dims) {
    let dot = 0;
    for (let c = 0; c < dims; c++) dot += query[c] * vectors[o + c];
    scores[r] = dot;
  }
  return scores;
}

/** The k best-scoring rows other than `exclude`, best first (a short sorted list, not a full sort). */
function topRows(scores: Float64Array, k: number, exclude: number): number[] {
  const top: number[] = [];
  for (let r = 0; r < scores.length; r++) {
    if (r === exclude || (top.length === k && scores[r] <= scores[top[k - 1]])) continue;
    let i = top.length;
    while (i > 0 && scores[top[i - 1]] < scores[r]) i--;
    top.splice(i, 0, r);
    if (top.length > k) top.pop();
  }
  return top;
}

function measureQuality(papers: Paper[], fit: FittedLsaEmbedder, queries: number): Quality {
  const dims = fit.info.dims;
  const sample = Array.from({ length: Math.min(queries, papers.length) }, (_, i) => Math.floor((i * papers.length) / Math.min(queries, papers.length)));
  let hit1 = 0, hit10 = 0, mrr = 0, sameCategory = 0;
  for (const row of sample) {
    const titleScores = scoresAgainst(fit.corpusVectors, dims, fit.embed(papers[row].title));
    const rank = titleScores.reduce((above, s) => above + (s > titleScores[row] ? 1 : 0), 0);
    hit1 += rank === 0 ? 1 : 0;
    hit10 += rank < 10 ? 1 : 0;
    mrr += 1 / (rank + 1);
    const own = fit.corpusVectors.subarray(row * dims, (row + 1) * dims);
    const neighbours = topRows(scoresAgainst(fit.corpusVectors, dims, own), 10, row);
    const category = papers[row].categories?.[0];
    sameCategory += neighbours.filter((r) => papers[r].categories?.[0] === category).length / 10;
  }
  const n = sample.length;
  return { queries: n, titleHitAt1: hit1 / n, titleHitAt10: hit10 / n, titleMrr: mrr / n, sameCategoryAt10: sameCategory / n };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: ARGS, allowNegative: true });
  if (values.help) return void console.log(USAGE);
  const { papers: all } = await readCorpus(values.corpus);
  const papers = all.slice(0, optionalInt(values.limit) ?? all.length);
  const texts = papers.map((p) => (values['abstract-only'] ? p.abstract : paperText(p)));
  console.log(`corpus: ${papers.length} papers from ${values.corpus}; RSS after reading ${mb(process.memoryUsage().rss)}`);
  const start = performance.now();
  const marks: string[] = [];
  const fit = fitLsaEmbedder(texts, {
    dims: optionalInt(values.dims),
    minDf: optionalInt(values['min-df']),
    bigrams: values.bigrams,
    onProgress: (done) => done % papers.length === 0 && marks.push(`${((performance.now() - start) / 1000).toFixed(1)}s`),
  });
  const seconds = (performance.now() - start) / 1000;
  const peakRss = process.resourceUsage().maxRSS * 1024;
  const { json, components } = fit.serialize();
  console.log(`fit: ${seconds.toFixed(1)} s (analysis, SVD passes, projection done at ${marks.join(', ')}); peak RSS ${mb(peakRss)}`);
  console.log(`model: ${fit.info.dims} dims, vocabulary ${json.vocab.length} terms, components ${mb(components.byteLength)}`);
  const quality = measureQuality(papers, fit, optionalInt(values.queries) ?? 500);
  console.log(`quality on ${quality.queries} papers: title hit@1 ${quality.titleHitAt1.toFixed(3)}, hit@10 ${quality.titleHitAt10.toFixed(3)}, MRR ${quality.titleMrr.toFixed(3)}, same primary category in top 10 ${quality.sameCategoryAt10.toFixed(3)}`);
  console.log(JSON.stringify({ papers: papers.length, seconds, peakRssBytes: peakRss, dims: fit.info.dims, vocab: json.vocab.length, bigrams: json.bigrams, abstractOnly: values['abstract-only'], ...quality }));
}

await main();
