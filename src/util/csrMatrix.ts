/**
 * @file The sparse matrix the lexical stages share: term counts per paper (src/text/terms.ts)
 * are built in this form and the randomized SVD (src/embed/svd.ts) reads it.
 */

/** A sparse matrix in compressed sparse row form; column indices ascend within a row. */
export interface CsrMatrix {
  rows: number;
  cols: number;
  /** Row r's entries are at [rowPtr[r], rowPtr[r + 1]). */
  rowPtr: Int32Array;
  colIdx: Int32Array;
  values: Float64Array;
}
