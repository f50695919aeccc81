import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extendPostings } from '../../src/bm25/extendPostings.js';
import { buildPostings } from '../../src/bm25/postings.js';

const WORDS = ['graph', 'network', 'transport', 'optimal', 'bandit', 'matroid', 'language', 'model', 'sparse', 'attention'];
const text = fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 8 }).map((words) => words.join(' '));

describe('extendPostings', () => {
  it('equals a fresh build over the texts with the changes applied', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 12 }), fc.array(fc.tuple(fc.nat(20), text), { maxLength: 8 }), (texts, edits) => {
        const after = [...texts];
        const changes = new Map<number, string>();
        for (const [at, newText] of edits) {
          // A row inside the old texts is replaced; one past the end is appended.
          const row = Math.min(at, after.length);
          after[row] = newText;
          changes.set(row, newText);
        }
        const extended = extendPostings(buildPostings(texts), [...changes].map(([row, t]) => ({ row, text: t })));
        const fresh = buildPostings(after);
        expect(extended.vocab).toEqual(fresh.vocab);
        expect(Array.from(extended.termStarts)).toEqual(Array.from(fresh.termStarts));
        expect(Array.from(extended.rows)).toEqual(Array.from(fresh.rows));
        expect(Array.from(extended.termFreqs)).toEqual(Array.from(fresh.termFreqs));
        expect(Array.from(extended.docLengths)).toEqual(Array.from(fresh.docLengths));
      }),
    );
  });
});
