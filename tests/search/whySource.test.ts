/**
 * The source side of `why` matches a result's words by their stems' hashes (whyText.ts,
 * stemHashes), not their strings: it must find exactly the words whose stem the source has,
 * including when two stems share the filter's key.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { whySource } from '../../src/search/whySource.js';
import { stemHashes, whyText } from '../../src/search/whyText.js';
import { stem } from '../../src/text/tokenize.js';

const idf = () => 1;

/** The words of `text` whose stem is one of `source`'s, by comparing strings. */
function sharedByString(source: string, text: string): number[] {
  const stems = new Set(whyText(source).words.map((w) => w.stem));
  return whyText(text).words.flatMap((w, i) => (stems.has(w.stem) ? [i] : []));
}

const sharedByHash = (source: string, text: string) => whySource(source, 0, idf).sharedWordsOf(whyText(text)).words;

/** Two words that are their own stems and share the 30-bit key (found by trying "z…q" letter strings in order). */
const ONE_KEY = ['zblgq', 'zgoaaaq'];

describe('whySource.sharedWordsOf', () => {
  it('finds the same words as comparing stems as strings', () => {
    const vocabulary = ['transport', 'transports', 'optimal', 'optimization', 'networks', 'network', 'graph', 'graphs', 'Sinkhorn', 'entropy', 'naïve', 'Bayes', 'the', 'of', 'regret', 'bandit'];
    const text = fc.array(fc.constantFrom(...vocabulary), { maxLength: 30 }).map((words) => words.join(' '));
    fc.assert(
      fc.property(text, text, (source, result) => {
        expect(sharedByHash(source, result)).toEqual(sharedByString(source, result));
      }),
    );
  });

  it('tells apart two stems that share the filter key', () => {
    const [a, b] = ONE_KEY;
    expect([stem(a), stem(b)]).toEqual(ONE_KEY);
    expect(stemHashes(a).key).toBe(stemHashes(b).key);
    expect(stemHashes(a).check).not.toBe(stemHashes(b).check);
    expect(sharedByHash(`${a} flows`, `${b} flows ${a}`)).toEqual([1, 2]);
    expect(sharedByHash(`${a} ${b}`, `${b} flows ${a}`)).toEqual([0, 2]);
    expect(sharedByHash(b, a)).toEqual([]);
  });
});
