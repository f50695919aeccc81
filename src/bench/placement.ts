/**
 * @file Which way should `paperscope add` place a new paper on a finished map? Lays out a sample
 * of an index's papers with umap-js (fit on their vectors), then places held-out papers two
 * ways: umap-js `transform`, and the similarity-weighted mean of their nearest laid-out papers
 * (src/map/placement.ts). Reports, for each, how near the placed papers land to their true
 * neighbours. Run: `node dist/bench/placement.js --index DIR [--sample 5000] [--held-out 500]`.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { UMAP } from 'umap-js';
import { DEFAULT_UMAP } from '../config.js';
import { PLACEMENT_NEIGHBOURS, sampleRows } from '../map/layout.js';
import { weightedPosition } from '../map/placement.js';
import { loadIndex } from '../search/loadIndex.js';
import { createSeededRandom } from '../util/random.js';
import { exactTop } from './scale.js';

const ARGS = {
  index: { type: 'string' },
  sample: { type: 'string', default: '5000' },
  'held-out': { type: 'string', default: '500' },
} as const;
/** True neighbours each placed paper is judged against. */
const JUDGE_NEIGHBOURS = 15;

const cosineDistance = (a: number[], b: number[]) => 1 - a.reduce((sum, v, i) => sum + v * b[i], 0);

/** Mean map distance from each point to its true neighbours, and the share of its nearest map points that are true neighbours. */
function judge(points: number[][], truth: number[][], fitted: Float32Array): { meanDistance: number; knnPreserved: number } {
  let distance = 0;
  let preserved = 0;
  points.forEach(([x, y], i) => {
    distance += truth[i].reduce((sum, row) => sum + Math.hypot(x - fitted[2 * row], y - fitted[2 * row + 1]), 0) / truth[i].length;
    const byMap = Array.from({ length: fitted.length / 2 }, (_, row) => row).sort((a, b) => Math.hypot(x - fitted[2 * a], y - fitted[2 * a + 1]) - Math.hypot(x - fitted[2 * b], y - fitted[2 * b + 1]));
    const truthSet = new Set(truth[i]);
    preserved += byMap.slice(0, JUDGE_NEIGHBOURS).filter((row) => truthSet.has(row)).length / JUDGE_NEIGHBOURS;
  });
  return { meanDistance: Number((distance / points.length).toFixed(3)), knnPreserved: Number((preserved / points.length).toFixed(3)) };
}

async function main(): Promise<void> {
  const { values: o } = parseArgs({ options: ARGS });
  if (!o.index) throw new Error('placement bench: pass --index DIR');
  const index = await loadIndex(o.index);
  const { dims } = index;
  const rows = sampleRows(index.papers.length, Number(o.sample), 11);
  const heldOut = Number(o['held-out']);
  const vectorOf = (row: number) => index.vectors.subarray(row * dims, (row + 1) * dims);
  const fitRows = rows.slice(heldOut);
  const newRows = rows.slice(0, heldOut);
  const fitVectors = new Float32Array(fitRows.length * dims);
  fitRows.forEach((row, i) => fitVectors.set(vectorOf(row), i * dims));
  let start = performance.now();
  const umap = new UMAP({ nComponents: 2, nNeighbors: DEFAULT_UMAP.nNeighbors, minDist: DEFAULT_UMAP.minDist, distanceFn: cosineDistance, random: createSeededRandom(DEFAULT_UMAP.seed).uniform });
  const fitted = Float32Array.from(umap.fit(fitRows.map((row) => Array.from(vectorOf(row)))).flat());
  const fitSeconds = (performance.now() - start) / 1000;
  const truth = newRows.map((row) => exactTop(fitVectors, vectorOf(row), JUDGE_NEIGHBOURS, dims));
  start = performance.now();
  const transformed = umap.transform(newRows.map((row) => Array.from(vectorOf(row))));
  const transformSeconds = (performance.now() - start) / 1000;
  start = performance.now();
  const weighted = newRows.map((row) => {
    const near = exactTop(fitVectors, vectorOf(row), PLACEMENT_NEIGHBOURS, dims);
    const distances = near.map((r) => 1 - fitVectors.subarray(r * dims, (r + 1) * dims).reduce((sum, v, j) => sum + v * vectorOf(row)[j], 0));
    return weightedPosition({ rows: near, distances }, fitted);
  });
  const weightedSeconds = (performance.now() - start) / 1000;
  // What "near" means on this map: laid-out papers' own mean distance to their true neighbours.
  const reference = judge(fitRows.slice(0, heldOut).map((_, i) => [fitted[2 * i], fitted[2 * i + 1]]), fitRows.slice(0, heldOut).map((row) => exactTop(fitVectors, vectorOf(row), JUDGE_NEIGHBOURS + 1, dims).slice(1)), fitted);
  process.stdout.write(`${JSON.stringify({
    index: o.index, laidOut: fitRows.length, placed: heldOut, fitSeconds: Number(fitSeconds.toFixed(1)),
    laidOutPapers: reference,
    transform: { ...judge(transformed, truth, fitted), seconds: Number(transformSeconds.toFixed(2)) },
    weightedMean: { ...judge(weighted, truth, fitted), seconds: Number(weightedSeconds.toFixed(2)) },
    loadAverage: os.loadavg().map((l) => l.toFixed(2)).join(' '),
  }, null, 2)}\n`);
}

await main();
