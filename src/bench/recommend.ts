/**
 * @file Recommendation quality and speed on a built index whose papers carry arXiv categories
 * (the 98,085-paper arXiv index: `paperscope build --corpus <arxiv-daily/papers.jsonl.gz>
 * --embedder lexical`). Quality: for each category with at least 30 papers, 5 of its papers
 * as seeds, precision@20 (seeds excluded) of the same category, per method against the
 * baseline of one seed's nearest neighbours. Speed: ms per recommendation from 10 positives.
 * `node dist/bench/recommend.js --index <dir> [--trials 3] [--speed-runs 200] [--sections speed,quality]`
 */
import { parseArgs } from 'node:util';
import { backgroundRows, rocchioDirection, svmDirection, type Examples } from '../recommend/directions.js';
import { nearestToDirection } from '../recommend/recommend.js';
import { loadIndex, type LoadedIndex } from '../search/loadIndex.js';
import { topRows } from '../ranking/topRows.js';
import { createSeededRandom } from '../util/random.js';
import { describeMachine } from '../report/machine.js';
import { formatSection, quantile, writeBenchJson, type BenchSection } from './report.js';

const MIN_CATEGORY_PAPERS = 30;
const SEEDS = 5;
const K = 20;

/** A way of turning examples into a direction; the baseline uses the first positive alone. */
type Method = { name: string; direction: (index: LoadedIndex, examples: Examples) => Float32Array | undefined };

const rowVector = (index: LoadedIndex, row: number) => index.vectors.slice(row * index.dims, (row + 1) * index.dims);

const METHODS: Method[] = [
  { name: 'baseline: one seed’s nearest neighbours', direction: (index, { pos }) => rowVector(index, pos[0]) },
  { name: 'Rocchio (centroid of the seeds)', direction: (index, examples) => rocchioDirection(index, examples) },
  ...[
    [0.01, 1000],
    [0.1, 1000],
    [1, 1000],
    [0.1, 2000],
  ].map(([c, background]) => ({ name: `SVM C=${c}, ${background.toLocaleString('en')} background`, direction: (index: LoadedIndex, examples: Examples) => svmDirection(index, examples, { c, background }) })),
];

/** Rows of each category with at least MIN_CATEGORY_PAPERS papers. */
function categoryRows(index: LoadedIndex): Map<string, number[]> {
  const rows = new Map<string, number[]>();
  index.papers.forEach((paper, row) => {
    for (const category of paper.categories ?? []) {
      let list = rows.get(category);
      if (!list) rows.set(category, (list = []));
      list.push(row);
    }
  });
  return new Map([...rows].filter(([, list]) => list.length >= MIN_CATEGORY_PAPERS).sort(([a], [b]) => a.localeCompare(b)));
}

/** `count` distinct members of `rows`, drawn with `random`. */
function sample(rows: readonly number[], count: number, uniform: () => number): number[] {
  const chosen = new Set<number>();
  while (chosen.size < Math.min(count, rows.length)) chosen.add(rows[Math.floor(uniform() * rows.length)]);
  return [...chosen];
}

/** The exact top k by cosine over every row (for the HNSW recall column). */
function exactNearest(index: LoadedIndex, direction: Float32Array, k: number, skip: ReadonlySet<number>): number[] {
  const { vectors, dims } = index;
  const scores = new Float64Array(vectors.length / dims);
  for (let row = 0; row < scores.length; row++) {
    if (skip.has(row)) continue;
    let dot = 0;
    for (let j = 0, off = row * dims; j < dims; j++) dot += direction[j] * vectors[off + j];
    // topRows keeps positive scores only; shifting by 2 keeps the order of cosines in [-1, 1].
    scores[row] = dot + 2;
  }
  return topRows(scores, k).map((r) => r.row);
}

interface Tally {
  precision: number;
  recall: number;
  wins: number;
  ties: number;
  ms: number;
}

/** Macro precision@K per method over categories × trials, with HNSW's recall against exact search. */
export function qualityBench(index: LoadedIndex, trials: number): BenchSection {
  const categories = categoryRows(index);
  const tallies = METHODS.map((): Tally => ({ precision: 0, recall: 0, wins: 0, ties: 0, ms: 0 }));
  let runs = 0;
  for (const [category, members] of categories) {
    for (let trial = 0; trial < trials; trial++) {
      const random = createSeededRandom(trial * 100_003 + category.length * 7919 + members.length);
      const pos = sample(members, SEEDS, random.uniform);
      const skip = new Set(pos);
      const precisions = METHODS.map((method, m) => {
        const start = performance.now();
        const direction = method.direction(index, { pos, neg: [] });
        const found = direction ? nearestToDirection(index, direction, K, (row) => skip.has(row)).map((r) => r.row) : [];
        tallies[m].ms += performance.now() - start;
        const exact = direction ? new Set(exactNearest(index, direction, K, skip)) : new Set<number>();
        tallies[m].recall += found.filter((row) => exact.has(row)).length / K;
        return found.filter((row) => index.papers[row].categories?.includes(category)).length / K;
      });
      precisions.forEach((p, m) => {
        tallies[m].precision += p;
        if (p > precisions[0]) tallies[m].wins++;
        if (p === precisions[0]) tallies[m].ties++;
      });
      runs++;
    }
  }
  return {
    name: `Recommendation quality: precision@${K} of the seeds' category, ${categories.size} categories × ${trials} seed sets of ${SEEDS}`,
    rows: METHODS.map((method, m) => ({
      method: method.name,
      [`precision@${K}`]: Number((tallies[m].precision / runs).toFixed(4)),
      'beats baseline': m === 0 ? '' : `${tallies[m].wins} of ${runs}`,
      'ties baseline': m === 0 ? '' : `${tallies[m].ties} of ${runs}`,
      'HNSW recall@20': Number((tallies[m].recall / runs).toFixed(3)),
      'mean ms': Number((tallies[m].ms / runs).toFixed(2)),
    })),
    notes: [
      `categories with at least ${MIN_CATEGORY_PAPERS} of the ${index.papers.length} papers; seeds drawn with a fixed seed; a paper counts when the category is any of its categories`,
      'HNSW recall@20: share of the returned 20 that exact search over every paper also returns',
    ],
  };
}

/** ms per recommendation (direction + search + re-rank) from 10 random positives, and with 5 negatives too. */
export function speedBench(index: LoadedIndex, runs: number): BenchSection {
  const total = index.papers.length;
  const rows: BenchSection['rows'] = [];
  for (const [name, direction] of [
    ['SVM (shipped)', (examples: Examples) => svmDirection(index, examples)],
    ['Rocchio', (examples: Examples) => rocchioDirection(index, examples)],
  ] as const) {
    for (const negatives of [0, 5]) {
      const random = createSeededRandom(99 + negatives);
      const times: number[] = [];
      const cpuTimes: number[] = [];
      for (let run = 0; run < runs + 5; run++) {
        const picked = backgroundRows(total, new Set(), 10 + negatives, Math.floor(random.uniform() * 2 ** 31));
        const examples = { pos: picked.slice(0, 10), neg: picked.slice(10) };
        const skip = new Set(picked);
        const start = performance.now();
        const cpu = process.cpuUsage();
        nearestToDirection(index, direction(examples)!, 10, (row) => skip.has(row));
        const { user, system } = process.cpuUsage(cpu);
        if (run >= 5) {
          times.push(performance.now() - start);
          cpuTimes.push((user + system) / 1000);
        }
      }
      times.sort((a, b) => a - b);
      cpuTimes.sort((a, b) => a - b);
      rows.push({ method: name, examples: `10 positives${negatives ? `, ${negatives} negatives` : ''}`, runs, 'p50 ms': Number(quantile(times, 0.5).toFixed(2)), 'p90 ms': Number(quantile(times, 0.9).toFixed(2)), 'p99 ms': Number(quantile(times, 0.99).toFixed(2)), 'p50 CPU ms': Number(quantile(cpuTimes, 0.5).toFixed(2)) });
    }
  }
  return {
    name: `Recommendation speed at ${total.toLocaleString('en')} papers (k = 10, in-process)`,
    rows,
    notes: ['ms: wall-clock time per recommendation; CPU ms: the time this process spent on it, which other load on the machine does not inflate'],
  };
}

const { values } = parseArgs({
  options: { index: { type: 'string' }, trials: { type: 'string', default: '3' }, 'speed-runs': { type: 'string', default: '200' }, sections: { type: 'string', default: 'speed,quality' } },
});
if (!values.index) throw new Error('recommend bench: --index <dir> is required (an index built from the arXiv corpus)');
const machine = describeMachine();
console.log(`machine: ${machine.cores} cores, ${machine.cpu}, ${machine.memoryGiB} GiB, Node ${machine.node}, load average ${machine.loadAverage.join(' ')}\n`);
const index = await loadIndex(values.index);
const asked = values.sections.split(',');
const sections = [
  ...(asked.includes('speed') ? [speedBench(index, Number(values['speed-runs']))] : []),
  ...(asked.includes('quality') ? [qualityBench(index, Number(values.trials))] : []),
];
for (const section of sections) console.log(`${formatSection(section)}\n`);
console.log(`wrote ${await writeBenchJson('recommend', sections)}`);
