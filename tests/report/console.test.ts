/** The CLI's progress rate: measured over the work seen in a stage, and only once there is enough of it. */
import { describe, expect, it } from 'vitest';
import { rateAndEta } from '../../src/report/console.js';

describe('rateAndEta', () => {
  it('counts only the work done since the stage was first reported', () => {
    expect(rateAndEta({ start: 0, startDone: 1000 }, 3000, 5000, 2000)).toBe('1000.0/s, ETA 2s');
  });

  it('shows nothing before a second has passed or before any progress', () => {
    expect(rateAndEta({ start: 0, startDone: 1000 }, 5183, 5183, 3)).toBe('');
    expect(rateAndEta({ start: 0, startDone: 10 }, 10, 300, 5000)).toBe('');
  });
});
