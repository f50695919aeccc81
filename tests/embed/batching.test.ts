import { describe, expect, it } from 'vitest';
import { frameTokens, padBatch, planBatches } from '../../src/embed/batching.js';

const BERT = { prefix: [2], suffix: [3], pad: 0 };

describe('frameTokens', () => {
  it('wraps a short text in the special tokens', () => {
    expect(frameTokens([7, 8], BERT, 256)).toEqual([2, 7, 8, 3]);
  });

  it('cuts the text, not the special tokens, to fit maxTokens', () => {
    expect(frameTokens([7, 8, 9, 10], BERT, 4)).toEqual([2, 7, 8, 3]);
  });

  it('throws if maxTokens leaves no room for text', () => {
    expect(() => frameTokens([7], BERT, 2)).toThrow(/maxTokens 2 leaves no room/);
  });
});

describe('planBatches', () => {
  it('puts the longest texts first and keeps input order among equal lengths', () => {
    expect(planBatches([5, 1, 9, 5], 2, true)).toEqual([[2, 0], [3, 1]]);
  });

  it('keeps input order when sorting is off', () => {
    expect(planBatches([5, 1, 9], 2, false)).toEqual([[0, 1], [2]]);
  });

  it('covers every index exactly once', () => {
    const lengths = Array.from({ length: 101 }, (_, i) => (i * 37) % 50);
    const flat = planBatches(lengths, 8, true).flat();
    expect([...flat].sort((a, b) => a - b)).toEqual(lengths.map((_, i) => i));
  });

  it('throws if the batch size is not a positive integer', () => {
    expect(() => planBatches([1], 0, true)).toThrow(/batch size 0/);
  });
});

describe('padBatch', () => {
  it('right-pads rows to the longest and masks the padding', () => {
    const batch = padBatch([[2, 7, 3], [2, 3]], 0);
    expect(batch.dims).toEqual([2, 3]);
    expect([...batch.inputIds]).toEqual([2n, 7n, 3n, 2n, 3n, 0n]);
    expect([...batch.attentionMask]).toEqual([1n, 1n, 1n, 1n, 1n, 0n]);
    expect([...batch.tokenTypeIds]).toEqual([0n, 0n, 0n, 0n, 0n, 0n]);
  });
});
