/**
 * forEachWord finds exactly the words a Unicode regex finds (runs of letters, marks and
 * digits), at the same places, on any text, with the right ASCII and all-digits flags.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forEachWord } from '../../src/text/wordScan.js';

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

function scanned(text: string) {
  const words: { start: number; word: string; ascii: boolean; digits: boolean }[] = [];
  forEachWord(text, (start, end, ascii, digits) => words.push({ start, word: text.slice(start, end), ascii, digits }));
  return words;
}

describe('forEachWord', () => {
  it('finds the words of a Unicode regex, with their flags', () => {
    const text = fc.oneof(fc.string({ unit: 'grapheme-composite', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ maxLength: 40 }));
    fc.assert(
      fc.property(text, (t) => {
        const expected = Array.from(t.matchAll(WORD), (m) => ({ start: m.index, word: m[0], ascii: /^[A-Za-z0-9]+$/.test(m[0]), digits: /^[0-9]+$/.test(m[0]) }));
        expect(scanned(t)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('handles accents, astral letters and digits', () => {
    expect(scanned('GPT-4 naïve 𝑥y 2024').map((w) => [w.word, w.ascii, w.digits])).toEqual([
      ['GPT', true, false],
      ['4', true, true],
      ['naïve', false, false],
      ['𝑥y', false, false],
      ['2024', true, true],
    ]);
  });
});
