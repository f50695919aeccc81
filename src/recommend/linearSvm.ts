/**
 * @file A linear SVM trainer over rows of a Float32 matrix: L2-regularised squared-hinge loss
 * solved in the dual by coordinate descent with shrinking (Hsieh et al. 2008), the default
 * solver of liblinear and so of scikit-learn's LinearSVC, which arxiv-sanity uses for its
 * recommendations. The bias is a constant feature, regularised as liblinear does.
 */
import { createSeededRandom } from '../util/random.js';

export interface LinearSvmOptions {
  /** Regularisation: larger C fits the examples harder. */
  c: number;
  /** Weigh each class by n / (2 n_class), as scikit-learn's class_weight='balanced'. */
  balanced?: boolean;
  maxEpochs?: number;
  /** Stop once the projected gradient's spread over an epoch is at most this (liblinear's eps, 0.1). */
  tolerance?: number;
  seed?: number;
}

export interface LinearModel {
  /** One weight per column. */
  weights: Float64Array;
  bias: number;
}

const DEFAULTS = { balanced: true, maxEpochs: 100, tolerance: 0.1, seed: 1 };

/** The dual problem being solved: per example its row, label, diagonal terms and alpha. */
interface Dual {
  vectors: Float32Array;
  dims: number;
  rows: readonly number[];
  y: Int8Array;
  diag: Float64Array;
  qii: Float64Array;
  alpha: Float64Array;
  w: Float64Array;
  bias: number;
}

function squaredNorm(vectors: Float32Array, dims: number, row: number): number {
  let sum = 0;
  for (let j = 0, off = row * dims; j < dims; j++) sum += vectors[off + j] * vectors[off + j];
  return sum;
}

/** The gradient of the dual in coordinate i. */
function gradientAt(d: Dual, i: number): number {
  let dot = d.bias;
  for (let j = 0, off = d.rows[i] * d.dims; j < d.dims; j++) dot += d.vectors[off + j] * d.w[j];
  return d.y[i] * dot - 1 + d.diag[i] * d.alpha[i];
}

/** The exact minimisation along coordinate i, keeping alpha ≥ 0. */
function stepAt(d: Dual, i: number, gradient: number): void {
  const previous = d.alpha[i];
  d.alpha[i] = Math.max(previous - gradient / d.qii[i], 0);
  const step = (d.alpha[i] - previous) * d.y[i];
  for (let j = 0, off = d.rows[i] * d.dims; j < d.dims; j++) d.w[j] += step * d.vectors[off + j];
  d.bias += step;
}

function createDual(vectors: Float32Array, dims: number, positives: readonly number[], negatives: readonly number[], c: number, balanced: boolean): Dual {
  const rows = [...positives, ...negatives];
  const n = rows.length;
  const y = new Int8Array(n).fill(-1).fill(1, 0, positives.length);
  // Squared hinge: the dual's diagonal gains 1 / (2 C_i) and alpha has no upper bound.
  const cOf = (label: number) => (balanced ? (c * n) / (2 * (label > 0 ? positives.length : negatives.length)) : c);
  const diag = Float64Array.from(y, (label) => 1 / (2 * cOf(label)));
  // x_i·x_i with the constant bias feature 1, plus the diagonal term.
  const qii = Float64Array.from(rows, (row, i) => squaredNorm(vectors, dims, row) + 1 + diag[i]);
  return { vectors, dims, rows, y, diag, qii, alpha: new Float64Array(n), w: new Float64Array(dims), bias: 0 };
}

/**
 * Trains w, b so that w·x + b is positive for `positives` and negative for `negatives`
 * (row numbers of `vectors`, row-major, `dims` wide). Shrinking (liblinear's) stops visiting
 * examples that sit at alpha = 0 well inside the margin, most of the negatives here.
 * @example trainLinearSvm(vectors, 256, [3, 9], [1, 2, 4], { c: 0.1 }).weights.length // => 256
 */
export function trainLinearSvm(vectors: Float32Array, dims: number, positives: readonly number[], negatives: readonly number[], opts: LinearSvmOptions): LinearModel {
  const { balanced, maxEpochs, tolerance, seed } = { ...DEFAULTS, ...opts };
  const d = createDual(vectors, dims, positives, negatives, opts.c, balanced);
  const n = d.rows.length;
  const order = Uint32Array.from({ length: n }, (_, i) => i);
  const random = createSeededRandom(seed);
  let active = n;
  // The previous epoch's largest projected gradient: an example at alpha = 0 whose gradient exceeds it is shrunk.
  let maxOld = Infinity;
  for (let epoch = 0; epoch < maxEpochs; epoch++) {
    for (let i = active - 1; i > 0; i--) {
      const j = Math.floor(random.uniform() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let [maxPg, minPg] = [-Infinity, Infinity];
    for (let s = 0; s < active; s++) {
      const i = order[s];
      const gradient = gradientAt(d, i);
      if (d.alpha[i] === 0 && gradient > maxOld) {
        // Shrink: at its bound and pushing outwards; visited again only in a final full pass.
        active--;
        [order[s], order[active]] = [order[active], order[s]];
        s--;
        continue;
      }
      const projected = d.alpha[i] === 0 ? Math.min(gradient, 0) : gradient;
      maxPg = Math.max(maxPg, projected);
      minPg = Math.min(minPg, projected);
      if (Math.abs(projected) > 1e-12) stepAt(d, i, gradient);
    }
    if (maxPg - minPg <= tolerance) {
      if (active === n) break;
      // Converged on the shrunk set: check every example once more before stopping.
      active = n;
      maxOld = Infinity;
      continue;
    }
    maxOld = maxPg <= 0 ? Infinity : maxPg;
  }
  return { weights: d.w, bias: d.bias };
}
