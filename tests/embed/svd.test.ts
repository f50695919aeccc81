/**
 * @file Tests for src/embed/svd.ts: the randomized truncated SVD against ml-matrix's
 * exact dense SVD, on small sparse matrices.
 */
import { Matrix, SingularValueDecomposition } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { randomizedSvd, type TruncatedSvd } from '../../src/embed/svd.js';
import type { CsrMatrix } from '../../src/util/csrMatrix.js';

/** A deterministic sparse matrix: entry (r, c) is kept when a hash of it falls under `density`. */
function sparseMatrix(rows: number, cols: number, density: number): number[][] {
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => {
      const h = Math.abs(Math.sin(r * 12.9898 + c * 78.233) * 43758.5453) % 1;
      return h < density ? 1 + ((h * 997) % 3) : 0;
    }),
  );
}

function toCsr(dense: number[][]): CsrMatrix {
  const rowPtr = [0];
  const colIdx: number[] = [];
  const values: number[] = [];
  for (const row of dense) {
    row.forEach((v, c) => v !== 0 && (colIdx.push(c), values.push(v)));
    rowPtr.push(colIdx.length);
  }
  return { rows: dense.length, cols: dense[0].length, rowPtr: Int32Array.from(rowPtr), colIdx: Int32Array.from(colIdx), values: Float64Array.from(values) };
}

function column(svd: TruncatedSvd, c: number): number[] {
  return Array.from({ length: svd.v.length / svd.k }, (_, r) => svd.v[r * svd.k + c]);
}

const dot = (x: number[], y: number[]): number => x.reduce((s, xi, i) => s + xi * y[i], 0);

describe('randomizedSvd', () => {
  describe('when the sketch spans the whole row space', () => {
    const dense = sparseMatrix(50, 30, 0.2);
    const exact = new SingularValueDecomposition(new Matrix(dense));
    const svd = randomizedSvd(toCsr(dense), { k: 8, oversample: 30, powerIterations: 2, seed: 7 });

    it('matches the exact singular values', () => {
      expect(svd.k).toBe(8);
      svd.singularValues.forEach((sigma, c) => expect(sigma).toBeCloseTo(exact.diagonal[c], 8));
    });

    it('matches the exact right singular vectors up to sign', () => {
      for (let c = 0; c < svd.k; c++) expect(Math.abs(dot(column(svd, c), exact.rightSingularVectors.getColumn(c)))).toBeCloseTo(1, 8);
    });
  });

  describe('when the sketch is smaller than the matrix', () => {
    const dense = sparseMatrix(120, 80, 0.1);
    const svd = randomizedSvd(toCsr(dense), { k: 10, oversample: 10, powerIterations: 2, seed: 1 });
    const exact = new SingularValueDecomposition(new Matrix(dense));

    it('returns orthonormal vectors in descending singular value order', () => {
      for (let i = 0; i < svd.k; i++) for (let j = 0; j < svd.k; j++) expect(dot(column(svd, i), column(svd, j))).toBeCloseTo(i === j ? 1 : 0, 10);
      for (let c = 1; c < svd.k; c++) expect(svd.singularValues[c]).toBeLessThanOrEqual(svd.singularValues[c - 1]);
    });

    it('never overestimates a singular value, and gets them within 3% even on this flat spectrum', () => {
      expect(svd.singularValues[0] / exact.diagonal[0]).toBeCloseTo(1, 3);
      svd.singularValues.forEach((sigma, c) => {
        expect(sigma).toBeLessThanOrEqual(exact.diagonal[c] * (1 + 1e-12));
        expect(sigma / exact.diagonal[c]).toBeGreaterThan(0.97);
      });
    });

    it('is deterministic for a seed', () => {
      expect(randomizedSvd(toCsr(dense), { k: 10, oversample: 10, powerIterations: 2, seed: 1 })).toEqual(svd);
    });
  });

  describe('when the matrix has lower rank than k', () => {
    const base = sparseMatrix(3, 12, 0.5);
    const dense = [...base, ...base, base[0].map((v, c) => v + base[1][c])];

    it('gives zero singular values and zero vectors beyond the rank', () => {
      const svd = randomizedSvd(toCsr(dense), { k: 5, oversample: 3, powerIterations: 2, seed: 3 });
      expect(svd.singularValues[2]).toBeGreaterThan(0);
      expect(Array.from(svd.singularValues.slice(3))).toEqual([0, 0]);
      expect(column(svd, 4).every((x) => x === 0)).toBe(true);
      expect(svd.v.every(Number.isFinite)).toBe(true);
    });
  });
});
