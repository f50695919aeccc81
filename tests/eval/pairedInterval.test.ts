/** The paired bootstrap interval that the held-out fusion benchmark reads differences against. */
import { describe, expect, it } from 'vitest';
import { pairedInterval } from '../../src/eval/pairedInterval.js';

describe('pairedInterval', () => {
  it('is the difference itself when every query moves alike', () => {
    const { mean, low, high } = pairedInterval([0.1, 0.1, 0.1]);
    expect(mean).toBeCloseTo(0.1, 12);
    expect(low).toBeCloseTo(0.1, 12);
    expect(high).toBeCloseTo(0.1, 12);
  });

  it('reaches 0 when one query of twelve loses and one gains, and not when most lose', () => {
    const mixed = pairedInterval([-0.095, 0, 0, -0.002, 0, 0.072, 0.004, -0.108, 0, 0, 0, 0]);
    expect(mixed.low).toBeLessThan(0);
    expect(mixed.high).toBeGreaterThan(0);
    expect(mixed.mean).toBeCloseTo(-0.129 / 12, 12);
    const losing = pairedInterval(Array.from({ length: 40 }, (_, i) => -0.05 - (i % 5) * 0.01));
    expect(losing.high).toBeLessThan(0);
    expect(losing.low).toBeLessThanOrEqual(losing.mean);
  });

  it('repeats its figures for a seed, and refuses an empty set', () => {
    const differences = [0.3, -0.1, 0.2, 0, 0.05];
    expect(pairedInterval(differences, 7)).toEqual(pairedInterval(differences, 7));
    expect(() => pairedInterval([])).toThrow(/no differences/);
  });
});
