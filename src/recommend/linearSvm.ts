/**
 * @file A linear SVM trainer over rows of a Float32 matrix: L2-regularised squared-hinge loss
 * solved in the dual by coordinate descent (Hsieh et al. 2008), the default solver of
 * liblinear and so of scikit-learn's LinearSVC, which arxiv-sanity uses for its
 * recommendations. The bias is a constant feature, regularised as liblinear does.
 */
import { createSeededRandom } from '../util/random.js';

export interface LinearSvmOptions {
  /** Regularisation: larger C fits the examples harder. */
  c: number;
  /** Weigh each class by n / (2 n_class), as scikit-learn's class_weight='balanced'. */
  balanced?: boolean;
  maxEpochs?: number;
  /** Stop once the projected gradient's spread over an epoch falls below this. */
  tolerance?: number;
  seed?: number;
}

export interface LinearModel {
  /** One weight per column. */
  weights: Float64Array;
  bias: number;
}

const DEFAULTS = { balanced: true, maxEpochs: 50, tolerance: 0.01, seed: 1 };

/** Dot product of row `row` of `vectors` with `w`. */
function dotRow(vectors: Float32Array, dims: number, row: number, w: Float64Array): number {
  let dot = 0;
  for (let j = 0, off = row * dims; j < dims; j++) dot += vectors[off + j] * w[j];
  return dot;
}

function shuffle(order: Uint32Array, uniform: () => number): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(uniform() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
}

/**
 * Trains w, b so that w·x + b is positive for `positives` and negative for `negatives`
 * (row numbers of `vectors`, row-major, `dims` wide).
 * @example trainLinearSvm(vectors, 256, [3, 9], [1, 2, 4], { c: 0.1 }).weights.length // => 256
 */
export function trainLinearSvm(vectors: Float32Array, dims: number, positives: readonly number[], negatives: readonly number[], opts: LinearSvmOptions): LinearModel {
  const { balanced, maxEpochs, tolerance, seed } = { ...DEFAULTS, ...opts };
  const rows = [...positives, ...negatives];
  const n = rows.length;
  const y = new Int8Array(n).fill(-1).fill(1, 0, positives.length);
  // Squared hinge: the dual's diagonal gains 1 / (2 C_i) and alpha has no upper bound.
  const cOf = (label: number) => (balanced ? (opts.c * n) / (2 * (label > 0 ? positives.length : negatives.length)) : opts.c);
  const diag = Float64Array.from(y, (label) => 1 / (2 * cOf(label)));
  // x_i·x_i with the constant bias feature 1, plus the diagonal term.
  const qii = Float64Array.from(rows, (row, i) => squaredNorm(vectors, dims, row) + 1 + diag[i]);
  const alpha = new Float64Array(n);
  const w = new Float64Array(dims);
  let bias = 0;
  const order = Uint32Array.from({ length: n }, (_, i) => i);
  const random = createSeededRandom(seed);
  for (let epoch = 0; epoch < maxEpochs; epoch++) {
    shuffle(order, random.uniform);
    let maxPg = -Infinity;
    let minPg = Infinity;
    for (const i of order) {
      const row = rows[i];
      const gradient = y[i] * (dotRow(vectors, dims, row, w) + bias) - 1 + diag[i] * alpha[i];
      const projected = alpha[i] === 0 ? Math.min(gradient, 0) : gradient;
      maxPg = Math.max(maxPg, projected);
      minPg = Math.min(minPg, projected);
      if (Math.abs(projected) < 1e-12) continue;
      const previous = alpha[i];
      alpha[i] = Math.max(previous - gradient / qii[i], 0);
      const step = (alpha[i] - previous) * y[i];
      for (let j = 0, off = row * dims; j < dims; j++) w[j] += step * vectors[off + j];
      bias += step;
    }
    if (maxPg - minPg < tolerance) break;
  }
  return { weights: w, bias };
}

/** Squared norm of row `row`. */
function squaredNorm(vectors: Float32Array, dims: number, row: number): number {
  let sum = 0;
  for (let j = 0, off = row * dims; j < dims; j++) sum += vectors[off + j] * vectors[off + j];
  return sum;
}
