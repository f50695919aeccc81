/**
 * @file The two ways of turning example papers into one direction in embedding space whose
 * nearest papers are the recommendations: Rocchio (centroid of the positives minus a share of
 * the negatives' centroid) and a linear SVM (positives against the negatives and a sample of
 * the rest, as arxiv-sanity does). Paper vectors are unit norm, so ranking by the SVM's
 * w·x + b is ranking by the cosine of x and w: both methods end in a nearest-neighbour search.
 */
import { createSeededRandom } from '../util/random.js';
import { trainLinearSvm } from './linearSvm.js';

/** The rows a recommendation starts from. */
export interface Examples {
  pos: readonly number[];
  neg: readonly number[];
}

/** Row-major unit vectors, `dims` wide. */
export interface VectorTable {
  vectors: Float32Array;
  dims: number;
}

/** Rocchio's weights (SMART's classic beta 0.75, gamma 0.15): the negatives' centroid counts 0.2 of the positives'. */
export const ROCCHIO_NEGATIVE_WEIGHT = 0.2;

/** The SVM's settings, measured on the 98,085 arXiv papers (docs/BENCHMARKS.md). */
export const SVM_DEFAULTS = Object.freeze({ c: 0.1, background: 1000, seed: 7 });

function scaledToUnit(v: Float64Array): Float32Array | undefined {
  let norm = 0;
  for (const x of v) norm += x * x;
  norm = Math.sqrt(norm);
  return norm > 0 ? Float32Array.from(v, (x) => x / norm) : undefined;
}

function addRows(table: VectorTable, rows: readonly number[], weight: number, into: Float64Array): void {
  const { vectors, dims } = table;
  for (const row of rows) for (let j = 0, off = row * dims; j < dims; j++) into[j] += weight * vectors[off + j];
}

/** mean(pos) − ROCCHIO_NEGATIVE_WEIGHT · mean(neg), unit norm; undefined when it vanishes. */
export function rocchioDirection(table: VectorTable, { pos, neg }: Examples, negativeWeight = ROCCHIO_NEGATIVE_WEIGHT): Float32Array | undefined {
  const sum = new Float64Array(table.dims);
  if (pos.length > 0) addRows(table, pos, 1 / pos.length, sum);
  if (neg.length > 0) addRows(table, neg, -negativeWeight / neg.length, sum);
  return scaledToUnit(sum);
}

/**
 * `count` rows of the table, none of them an example, drawn with a seed so the same examples
 * always give the same recommendations. Training on a sample keeps the SVM at a few
 * milliseconds at 100,000 papers; the rest would only add more of the same "not this".
 */
export function backgroundRows(total: number, examples: ReadonlySet<number>, count: number, seed: number): number[] {
  const available = total - examples.size;
  if (available <= count) return Array.from({ length: total }, (_, row) => row).filter((row) => !examples.has(row));
  const random = createSeededRandom(seed);
  const chosen = new Set<number>();
  while (chosen.size < count) {
    const row = Math.floor(random.uniform() * total);
    if (!examples.has(row)) chosen.add(row);
  }
  return [...chosen].sort((a, b) => a - b);
}

export interface SvmDirectionOptions {
  c?: number;
  background?: number;
  seed?: number;
}

/** The normal of a linear SVM separating the positives from the negatives and a background sample, unit norm. */
export function svmDirection(table: VectorTable, { pos, neg }: Examples, opts: SvmDirectionOptions = {}): Float32Array | undefined {
  const { c, background, seed } = { ...SVM_DEFAULTS, ...opts };
  if (pos.length === 0) return undefined;
  const total = table.vectors.length / table.dims;
  const examples = new Set([...pos, ...neg]);
  const negatives = [...neg, ...backgroundRows(total, examples, background, seed)];
  if (negatives.length === 0) return rocchioDirection(table, { pos, neg });
  const model = trainLinearSvm(table.vectors, table.dims, pos, negatives, { c, seed });
  return scaledToUnit(model.weights);
}
