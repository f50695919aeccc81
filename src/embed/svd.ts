/**
 * @file Truncated SVD of a sparse matrix by randomized subspace iteration (Halko, Martinsson
 * & Tropp 2011, algorithms 4.4 and 5.1, run on Aᵀ): the LSA step of the lexical embedder. It
 * touches the matrix only through CSR products and keeps dense blocks row-major, so memory is
 * O(nnz + (rows + cols) × width): about 0.5 GB for 100,000 abstracts.
 */
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { createSeededRandom } from '../util/random.js';
import type { CsrMatrix } from '../util/csrMatrix.js';

export interface SvdOptions {
  /** Singular triplets wanted. */
  k: number;
  /** Extra random directions that make the top k accurate (Halko et al. suggest 5–10). */
  oversample: number;
  /** Extra applications of Aᵀ·A, which sharpen a slowly decaying spectrum such as text's. */
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
/** A Cholesky pivot below this fraction of its diagonal marks a column dependent on earlier ones. */
const DEPENDENT_COLUMN_TOLERANCE = 1e-10;

/**
 * The top-k singular values and right singular vectors of `a`, deterministic for a seed.
 * Halko's scheme run on Aᵀ: Z = orth(Aᵀ·Ω), then Z = orth(Aᵀ·A·Z) per power iteration, so
 * only the cols × width block is ever orthonormalized (A·Z is at most as ill-conditioned as
 * A, and Aᵀ·A·Z as its square: far from what Cholesky QR loses in float64). Finally A ≈ A·Z·Zᵀ,
 * and the SVD of the small-width A·Z turns Z into the singular vectors.
 */
export function randomizedSvd(a: CsrMatrix, opts: SvdOptions): TruncatedSvd {
  const width = Math.min(opts.k + opts.oversample, a.rows, a.cols);
  const pass = <T>(result: T): T => (opts.onPass?.(), result);
  const z = pass(multiplyTransposed(a, gaussianBlock(a.rows, width, opts.seed), width));
  orthonormalize(z, width);
  for (let it = 0; it < opts.powerIterations; it++) {
    z.set(pass(multiplyTransposed(a, pass(multiply(a, z, width)), width)));
    orthonormalize(z, width);
  }
  return rightSingularVectors(pass(multiply(a, z, width)), z, width, Math.min(opts.k, width));
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
  for (let round = 0; round < 2; round++) solveRows(y, width, choleskyLower(gram(y, width), width));
}

/** Yᵀ·Y (width × width, upper triangle only) of a row-major block, four rows per sweep. */
function gram(y: Float64Array, width: number): Float64Array {
  const g = new Float64Array(width * width);
  const quadEnd = y.length - (y.length % (4 * width));
  for (let o0 = 0; o0 < quadEnd; o0 += 4 * width) {
    const o1 = o0 + width, o2 = o1 + width, o3 = o2 + width;
    for (let i = 0; i < width; i++) {
      const y0 = y[o0 + i], y1 = y[o1 + i], y2 = y[o2 + i], y3 = y[o3 + i];
      for (let j = i, gi = i * width; j < width; j++) g[gi + j] += y0 * y[o0 + j] + y1 * y[o1 + j] + y2 * y[o2 + j] + y3 * y[o3 + j];
    }
  }
  for (let o = quadEnd; o < y.length; o += width) {
    for (let i = 0; i < width; i++) for (let j = i, gi = i * width; j < width; j++) g[gi + j] += y[o + i] * y[o + j];
  }
  return g;
}

/** Lower L with L·Lᵀ = G (G's upper triangle read); a dependent column gets an all-zero row. */
function choleskyLower(g: Float64Array, width: number): Float64Array {
  const l = new Float64Array(width * width);
  for (let j = 0; j < width; j++) {
    const lj = j * width;
    for (let i = 0; i <= j; i++) {
      const li = i * width;
      let s = g[li + j];
      for (let t = 0; t < i; t++) s -= l[lj + t] * l[li + t];
      if (i < j) l[lj + i] = l[li + i] === 0 ? 0 : s / l[li + i];
      else if (s > DEPENDENT_COLUMN_TOLERANCE * g[lj + j]) l[lj + j] = Math.sqrt(s);
      else l.fill(0, lj, lj + j);
    }
  }
  return l;
}

/** Replaces each row y of the block by the x with x·Lᵀ = y (0 where L marks a dependent column). */
function solveRows(y: Float64Array, width: number, l: Float64Array): void {
  const quadEnd = y.length - (y.length % (4 * width));
  for (let o = 0; o < quadEnd; o += 4 * width) solveFourRows(y, o, width, l);
  for (let o = quadEnd; o < y.length; o += width) {
    for (let j = 0, lj = 0; j < width; j++, lj += width) {
      let s = y[o + j];
      for (let i = 0; i < j; i++) s -= y[o + i] * l[lj + i];
      y[o + j] = l[lj + j] === 0 ? 0 : s / l[lj + j];
    }
  }
}

/** solveRows on rows o…o+3 at once: each entry of L is read once for four rows. */
function solveFourRows(y: Float64Array, o0: number, width: number, l: Float64Array): void {
  const o1 = o0 + width, o2 = o1 + width, o3 = o2 + width;
  for (let j = 0, lj = 0; j < width; j++, lj += width) {
    let s0 = y[o0 + j], s1 = y[o1 + j], s2 = y[o2 + j], s3 = y[o3 + j];
    for (let i = 0; i < j; i++) {
      const lji = l[lj + i];
      s0 -= y[o0 + i] * lji;
      s1 -= y[o1 + i] * lji;
      s2 -= y[o2 + i] * lji;
      s3 -= y[o3 + i] * lji;
    }
    const d = l[lj + j];
    y[o0 + j] = d === 0 ? 0 : s0 / d;
    y[o1 + j] = d === 0 ? 0 : s1 / d;
    y[o2 + j] = d === 0 ? 0 : s2 / d;
    y[o3 + j] = d === 0 ? 0 : s3 / d;
  }
}

/**
 * From A·Z (rows × width) and Z (cols × width, orthonormal): the eigenvectors W of
 * (A·Z)ᵀ·(A·Z) are the right singular vectors of A·Z, so V = Z·W, Σ² = eigenvalues.
 * Signs are fixed so each vector's largest entry is positive.
 */
function rightSingularVectors(az: Float64Array, z: Float64Array, width: number, k: number): TruncatedSvd {
  const eig = new EigenvalueDecomposition(toMatrix(gram(az, width), width), { assumeSymmetric: true });
  const eigenvalues = eig.realEigenvalues;
  const order = eigenvalues.map((_, i) => i).sort((i, j) => eigenvalues[j] - eigenvalues[i]);
  const top = Math.sqrt(Math.max(eigenvalues[order[0]] ?? 0, 0));
  const singularValues = new Float64Array(k);
  const w = new Float64Array(width * k); // the kept eigenvectors, width × k row-major
  const vectors = eig.eigenvectorMatrix;
  for (let c = 0; c < k; c++) {
    const sigma = Math.sqrt(Math.max(eigenvalues[order[c]], 0));
    if (!(sigma > RELATIVE_RANK_TOLERANCE * top)) continue;
    singularValues[c] = sigma;
    for (let t = 0; t < width; t++) w[t * k + c] = vectors.get(t, order[c]);
  }
  const v = multiplyDense(z, width, w, k);
  for (let c = 0; c < k; c++) flipSign(v, k, c);
  return { k, singularValues, v };
}

/** X (rows × inner) · W (inner × k), both row-major. */
function multiplyDense(x: Float64Array, inner: number, w: Float64Array, k: number): Float64Array {
  const out = new Float64Array((x.length / inner) * k);
  for (let xo = 0, o = 0; xo < x.length; xo += inner, o += k) {
    for (let t = 0; t < inner; t++) {
      const xt = x[xo + t];
      for (let c = 0, wo = t * k; c < k; c++) out[o + c] += xt * w[wo + c];
    }
  }
  return out;
}

/** The symmetric ml-matrix Matrix whose upper triangle is `g`'s. */
function toMatrix(g: Float64Array, width: number): Matrix {
  const m = new Matrix(width, width);
  for (let i = 0; i < width; i++) {
    for (let j = i; j < width; j++) {
      m.set(i, j, g[i * width + j]);
      m.set(j, i, g[i * width + j]);
    }
  }
  return m;
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
