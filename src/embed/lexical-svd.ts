/**
 * @file Truncated SVD of a sparse matrix by randomized subspace iteration (Halko, Martinsson
 * & Tropp 2011, algorithms 4.4 and 5.1): the LSA step of the lexical embedder. It touches the
 * matrix only through CSR products and keeps dense blocks (rows × width) row-major, so memory
 * stays O(nnz + (rows + cols) × width) and 100,000 abstracts fit in a few hundred MB.
 */
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { createSeededRandom } from './seededRandom.js';

/** A sparse matrix in compressed sparse row form; column indices ascend within a row. */
export interface CsrMatrix {
  rows: number;
  cols: number;
  /** Row r's entries are at [rowPtr[r], rowPtr[r + 1]). */
  rowPtr: Int32Array;
  colIdx: Int32Array;
  values: Float64Array;
}

export interface SvdOptions {
  /** Singular triplets wanted. */
  k: number;
  /** Extra random directions that make the top k accurate (Halko et al. suggest 5–10). */
  oversample: number;
  /** Passes of A·Aᵀ that sharpen a slowly decaying spectrum, as text spectra are. */
  powerIterations: number;
  seed: number;
  /** Called after each pass over the matrix (2 + 2 × powerIterations passes in all). */
  onPass?: () => void;
}

export interface TruncatedSvd {
  /** Columns actually computed: min(k, rows, cols). */
  k: number;
  /** Descending; directions the matrix lacks (rank < k) have 0 and a zero vector. */
  singularValues: Float64Array;
  /** Right singular vectors, cols × k row-major. */
  v: Float64Array;
}

/** A singular value below this fraction of the largest is numerical noise (its vector is too). */
const RELATIVE_RANK_TOLERANCE = 1e-6;
/** A Gram pivot below this fraction of its diagonal marks a column dependent on earlier ones. */
const DEPENDENT_COLUMN_TOLERANCE = 1e-10;

/** The top-k singular values and right singular vectors of `a`, deterministic for a seed. */
export function randomizedSvd(a: CsrMatrix, opts: SvdOptions): TruncatedSvd {
  const width = Math.min(opts.k + opts.oversample, a.rows, a.cols);
  const pass = <T>(result: T): T => (opts.onPass?.(), result);
  const q = pass(multiply(a, gaussianBlock(a.cols, width, opts.seed), width));
  orthonormalize(q, width);
  for (let it = 0; it < opts.powerIterations; it++) {
    const z = pass(multiplyTransposed(a, q, width));
    orthonormalize(z, width);
    q.set(pass(multiply(a, z, width)));
    orthonormalize(q, width);
  }
  const bt = pass(multiplyTransposed(a, q, width));
  return rightSingularVectors(bt, width, Math.min(opts.k, width));
}

/** A · X for X cols × width (row-major); returns rows × width. */
function multiply(a: CsrMatrix, x: Float64Array, width: number): Float64Array {
  const out = new Float64Array(a.rows * width);
  for (let r = 0; r < a.rows; r++) {
    const o = r * width;
    for (let p = a.rowPtr[r]; p < a.rowPtr[r + 1]; p++) {
      const v = a.values[p];
      const xo = a.colIdx[p] * width;
      for (let t = 0; t < width; t++) out[o + t] += v * x[xo + t];
    }
  }
  return out;
}

/** Aᵀ · Y for Y rows × width (row-major); returns cols × width. */
function multiplyTransposed(a: CsrMatrix, y: Float64Array, width: number): Float64Array {
  const out = new Float64Array(a.cols * width);
  for (let r = 0; r < a.rows; r++) {
    const yo = r * width;
    for (let p = a.rowPtr[r]; p < a.rowPtr[r + 1]; p++) {
      const v = a.values[p];
      const o = a.colIdx[p] * width;
      for (let t = 0; t < width; t++) out[o + t] += v * y[yo + t];
    }
  }
  return out;
}

/**
 * Orthonormalizes the columns of a row-major block in place by Cholesky QR, twice
 * ("CholeskyQR2"): row-wise passes suit the layout, and the second pass restores the
 * orthogonality the first loses to rounding. Dependent columns become zero columns.
 */
function orthonormalize(y: Float64Array, width: number): void {
  for (let round = 0; round < 2; round++) solveRows(y, width, choleskyUpper(gram(y, width), width));
}

/** Yᵀ · Y (width × width, both triangles filled) of a row-major block. */
function gram(y: Float64Array, width: number): Float64Array {
  const g = new Float64Array(width * width);
  for (let o = 0; o < y.length; o += width) {
    for (let i = 0; i < width; i++) {
      const yi = y[o + i];
      if (yi === 0) continue;
      const gi = i * width;
      for (let j = i; j < width; j++) g[gi + j] += yi * y[o + j];
    }
  }
  for (let i = 0; i < width; i++) for (let j = 0; j < i; j++) g[i * width + j] = g[j * width + i];
  return g;
}

/** Upper R with RᵀR = G; a dependent column gets an all-zero row in R. */
function choleskyUpper(g: Float64Array, width: number): Float64Array {
  const r = new Float64Array(width * width);
  for (let j = 0; j < width; j++) {
    let pivot = g[j * width + j];
    for (let i = 0; i < j; i++) pivot -= r[i * width + j] ** 2;
    if (!(pivot > DEPENDENT_COLUMN_TOLERANCE * g[j * width + j])) continue;
    const d = Math.sqrt(pivot);
    r[j * width + j] = d;
    for (let c = j + 1; c < width; c++) {
      let s = g[j * width + c];
      for (let i = 0; i < j; i++) s -= r[i * width + j] * r[i * width + c];
      r[j * width + c] = s / d;
    }
  }
  return r;
}

/** Replaces each row y of the block by y · R⁻¹ (zero where R marks a dependent column). */
function solveRows(y: Float64Array, width: number, r: Float64Array): void {
  for (let o = 0; o < y.length; o += width) {
    for (let j = 0; j < width; j++) {
      const d = r[j * width + j];
      if (d === 0) {
        y[o + j] = 0;
        continue;
      }
      let s = y[o + j];
      for (let i = 0; i < j; i++) s -= y[o + i] * r[i * width + j];
      y[o + j] = s / d;
    }
  }
}

/**
 * SVD of B = Qᵀ·A from Bᵀ (cols × width): eigenvectors W of B·Bᵀ (small, dense) give
 * V = Bᵀ·W·Σ⁻¹. Signs are fixed so each vector's largest entry is positive.
 */
function rightSingularVectors(bt: Float64Array, width: number, k: number): TruncatedSvd {
  const eig = new EigenvalueDecomposition(toMatrix(gram(bt, width), width), { assumeSymmetric: true });
  const order = eig.realEigenvalues.map((_, i) => i).sort((i, j) => eig.realEigenvalues[j] - eig.realEigenvalues[i]);
  const w = eig.eigenvectorMatrix;
  const rows = bt.length / width;
  const singularValues = new Float64Array(k);
  const v = new Float64Array(rows * k);
  const top = Math.sqrt(Math.max(eig.realEigenvalues[order[0]] ?? 0, 0));
  for (let c = 0; c < k; c++) {
    const sigma = Math.sqrt(Math.max(eig.realEigenvalues[order[c]], 0));
    if (!(sigma > RELATIVE_RANK_TOLERANCE * top)) continue;
    singularValues[c] = sigma;
    const wc = w.getColumn(order[c]).map((x) => x / sigma);
    for (let r = 0; r < rows; r++) {
      let s = 0;
      for (let t = 0; t < width; t++) s += bt[r * width + t] * wc[t];
      v[r * k + c] = s;
    }
    flipSign(v, k, c);
  }
  return { k, singularValues, v };
}

function toMatrix(g: Float64Array, width: number): Matrix {
  return new Matrix(Array.from({ length: width }, (_, i) => Array.from(g.subarray(i * width, (i + 1) * width))));
}

/** Makes the largest-magnitude entry of column c positive (an SVD fixes vectors only up to sign). */
function flipSign(v: Float64Array, k: number, c: number): void {
  let best = 0;
  for (let o = c; o < v.length; o += k) if (Math.abs(v[o]) > Math.abs(best)) best = v[o];
  if (best < 0) for (let o = c; o < v.length; o += k) v[o] = -v[o];
}

/** A rows × width block of standard normal draws, the same for the same seed. */
function gaussianBlock(rows: number, width: number, seed: number): Float64Array {
  const random = createSeededRandom(seed);
  const out = new Float64Array(rows * width);
  for (let i = 0; i < out.length; i++) out[i] = random.normal();
  return out;
}
