import { describe, expect, it } from 'vitest';
import { l2Normalize, meanPool } from '../../src/embed/pooling.js';

describe('meanPool', () => {
  it('averages only the unmasked tokens of each row', () => {
    // Two rows, three positions, two dims; row 0 has one padding position, row 1 none.
    const hidden = Float32Array.of(1, 2, 3, 4, 100, 100, 1, 1, 2, 2, 3, 3);
    const pooled = meanPool(hidden, [2, 3, 2], [1, 1, 0, 1, 1, 1]);
    expect(pooled.map((v) => [...v])).toEqual([[2, 3], [2, 2]]);
  });

  it('accepts a BigInt64 mask, as fed to the model', () => {
    const pooled = meanPool(Float32Array.of(2, 4, 9, 9), [1, 2, 2], BigInt64Array.of(1n, 0n));
    expect([...pooled[0]]).toEqual([2, 4]);
  });

  describe('when a row has no unmasked token', () => {
    it('gives a zero vector', () => {
      expect([...meanPool(Float32Array.of(5, 5), [1, 1, 2], [0])[0]]).toEqual([0, 0]);
    });
  });

  it('throws if the data does not match the dims', () => {
    expect(() => meanPool(new Float32Array(5), [1, 3, 2], [1, 1, 1])).toThrow(/pooling: got 5 hidden values/);
  });
});

describe('l2Normalize', () => {
  it('scales a vector to unit length in place', () => {
    const v = Float32Array.of(3, 4);
    expect(l2Normalize(v)).toBe(v);
    expect([...v]).toEqual([Math.fround(0.6), Math.fround(0.8)]);
  });

  it('leaves a zero vector at zero', () => {
    expect([...l2Normalize(new Float32Array(3))]).toEqual([0, 0, 0]);
  });
});
