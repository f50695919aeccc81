/**
 * @file Filtered search on a built index (docs/BENCHMARKS.md, "Filtered search"), in-process:
 *   plan      exact scan against filtered HNSW over random filters of falling selectivity,
 *             the measurement behind FILTER_EXACT_SCAN_MAX_ROWS;
 *   semantic  the planned search for filters keeping 50/10/1/0.1% of the papers (random, and
 *             the category nearest each share): recall@10 against the exact filtered top 10,
 *             p50/p95 ms and the fewest results returned;
 *   modes     lexical and hybrid with the same category filters: results never fewer than
 *             the mode can find among the matching papers (min(k, matching) for hybrid);
 *   facets    facet counts against counts made straight from the corpus file.
 * `node dist/bench/filters.js <index folder> [plan] [semantic] [modes] [facets] [--corpus papers.jsonl.gz]`
 * (the corpus the facets check reads; SHARED_DATA_DIR's arXiv file unless given)
 */
import { fileURLToPath } from 'node:url';
import { createSearchEngine, searchPapers, type SearchEngine, type SearchMode } from '../search/engine.js';
import { exactNearest, nearestFiltered, type FilteredOptions } from '../search/filteredNearest.js';
import { loadIndex } from '../search/loadIndex.js';
import { resolveFilter, rowFilterOf, type RowFilter } from '../search/rowFilter.js';
import { createSeededRandom } from '../util/random.js';
import { facetsBench } from './filterFacets.js';
import { describeMachine } from '../report/machine.js';
import { formatSection, quantile, type BenchSection } from './report.js';

const K = 10;
const SHARES = [0.5, 0.1, 0.01, 0.001];

const ms = (value: number) => Number(value.toFixed(3));

/** Titles of `count` papers picked with a seed: the bench's queries. */
function queryTitles(engine: SearchEngine, count: number, seed: number): string[] {
  const random = createSeededRandom(seed);
  return Array.from({ length: count }, () => engine.index.papers[Math.floor(random.uniform() * engine.index.papers.length)].title);
}

/** A filter keeping each row with probability `share` (seeded): uncorrelated with any query. */
function randomFilter(rows: number, share: number, seed: number): RowFilter {
  const random = createSeededRandom(seed);
  const mask = Uint8Array.from({ length: rows }, () => (random.uniform() < share ? 1 : 0));
  return rowFilterOf({}, mask, rows);
}

/** The category whose share of the papers is nearest `share`, as a filter. */
function categoryFilter(engine: SearchEngine, share: number): { name: string; filter: RowFilter } {
  const { categoryNames, categoryIds } = engine.index.facets;
  const counts = new Uint32Array(categoryNames.length);
  for (const id of categoryIds) counts[id]++;
  const target = share * engine.index.papers.length;
  let best = 0;
  for (let id = 1; id < counts.length; id++) if (Math.abs(counts[id] - target) < Math.abs(counts[best] - target)) best = id;
  return { name: `cat=${categoryNames[best]}`, filter: resolveFilter(engine.index, { cat: [categoryNames[best]] }) };
}

/** Times the planned search of every query under `filter` and scores it against the exact filtered top k. */
function measure(engine: SearchEngine, vectors: Float32Array[], filter: RowFilter, options: FilteredOptions = {}) {
  const times: number[] = [];
  const cpu: number[] = [];
  let recall = 0;
  let fewest = Infinity;
  const plans = new Set<string>();
  for (const vector of vectors) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const { rows, plan } = nearestFiltered(engine.index, vector, K, filter, options);
    const used = process.cpuUsage(cpuStart);
    times.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
    plans.add(plan);
    const truth = new Set(exactNearest(engine.index, vector, K, filter.rows()).map((r) => r.row));
    recall += truth.size === 0 ? 1 : rows.filter((r) => truth.has(r.row)).length / truth.size;
    fewest = Math.min(fewest, rows.length);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return { recall: Number((recall / vectors.length).toFixed(4)), p50: ms(quantile(times, 0.5)), p95: ms(quantile(times, 0.95)), cpuP50: ms(quantile(cpu, 0.5)), fewest, plans: [...plans].join('/') };
}

/** Exact scan against filtered HNSW at each share: where the planner should switch. */
function planBench(engine: SearchEngine, vectors: Float32Array[]): BenchSection {
  const rows = engine.index.papers.length;
  const shares = [0.5, 0.3, 0.2, 0.15, 0.1, 0.07, 0.05, 0.03, 0.02, 0.01];
  return {
    name: `Filtered semantic search: exact scan, over-fetched HNSW and callback-filtered HNSW (${rows.toLocaleString('en')} papers, ${vectors.length} queries, k ${K})`,
    rows: shares.map((share, i) => {
      const filter = randomFilter(rows, share, 100 + i);
      const exact = measure(engine, vectors, filter, { exactScanMaxRows: Infinity });
      const post = measure(engine, vectors, filter, { exactScanMaxRows: 0, hnswStrategy: 'postfilter' });
      const callback = measure(engine, vectors, filter, { exactScanMaxRows: 0, hnswStrategy: 'callback' });
      return {
        share, matching: filter.matching, 'exact p50 ms': exact.p50, 'exact cpu ms': exact.cpuP50,
        'postfilter p50 ms': post.p50, 'postfilter cpu ms': post.cpuP50, 'postfilter recall@10': post.recall, 'postfilter plans': post.plans,
        'callback p50 ms': callback.p50, 'callback cpu ms': callback.cpuP50, 'callback recall@10': callback.recall,
      };
    }),
    notes: ['random filters (each paper kept with the given probability); postfilter: unfiltered HNSW over-fetching 2 × 50 / share candidates (at most 2,000) with ef twice that, then callback and the exact scan when too few pass; callback: searchKnn with a filter callback, ef 2 × efSearch / sqrt(share); all re-ranked exactly; cpu: process CPU time per query'],
  };
}

function semanticBench(engine: SearchEngine, vectors: Float32Array[]): BenchSection {
  const rows = engine.index.papers.length;
  const filters = SHARES.flatMap((share, i) => [{ name: `random ${share * 100}%`, filter: randomFilter(rows, share, 200 + i) }, categoryFilter(engine, share)]);
  return {
    name: `Filtered semantic search, planned (${rows.toLocaleString('en')} papers, ${vectors.length} queries, k ${K})`,
    rows: filters.map(({ name, filter }) => ({ filter: name, matching: filter.matching, ...measure(engine, vectors, filter) })),
    notes: ['recall@10 against the exact top 10 among the matching papers; times are the search alone (the filter mask is cached per filter: see the mask row of the facets section)'],
  };
}

/** Lexical and hybrid under each category filter: how often a search returned fewer than it could. */
async function modesBench(engine: SearchEngine, queries: string[]): Promise<BenchSection> {
  const rows: BenchSection['rows'] = [];
  for (const share of SHARES) {
    const { name, filter } = categoryFilter(engine, share);
    for (const mode of ['lexical', 'hybrid'] as SearchMode[]) {
      let short = 0;
      const times: number[] = [];
      for (const q of queries) {
        const { results, tookMs } = await searchPapers(engine, { q, k: K, mode, filter });
        times.push(tookMs);
        const possible = mode === 'hybrid' ? filter.matching : engine.index.bm25.search(q, engine.index.papers.length, filter.mask).length;
        if (results.length < Math.min(K, possible)) short++;
      }
      rows.push({ filter: name, matching: filter.matching, mode, 'short results': short, 'p50 ms': ms(quantile(times.sort((a, b) => a - b), 0.5)) });
    }
  }
  return { name: `Filtered lexical and hybrid search (${queries.length} queries, k ${K})`, rows, notes: ['short results: searches that returned fewer than min(k, what the mode can find among the matching papers); times include the query embedding'] };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const corpusAt = args.indexOf('--corpus');
  const corpus = corpusAt >= 0 ? args.splice(corpusAt, 2)[1] : undefined;
  const [dir, ...asked] = args;
  if (!dir) throw new Error('usage: node dist/bench/filters.js <index folder> [plan] [semantic] [modes] [facets]');
  const machine = describeMachine();
  process.stdout.write(`machine: ${machine.cores} cores, ${machine.cpu}, Node ${machine.node}, load average ${machine.loadAverage.join(' ')}\n\n`);
  const engine = createSearchEngine(await loadIndex(dir));
  const queries = queryTitles(engine, 200, 7);
  const vectors = await engine.index.queryEmbedder.embedBatch(queries);
  const sections = {
    plan: async () => planBench(engine, vectors.slice(0, 50)),
    semantic: async () => semanticBench(engine, vectors),
    modes: () => modesBench(engine, queries.slice(0, 50)),
    facets: () => facetsBench(engine, queries.slice(0, 20), corpus),
  };
  const names = asked.filter((name): name is keyof typeof sections => name in sections);
  for (const name of names.length > 0 ? names : (Object.keys(sections) as Array<keyof typeof sections>)) process.stdout.write(formatSection(await sections[name]()) + '\n\n');
}
