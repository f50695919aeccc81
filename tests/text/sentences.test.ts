/**
 * Sentence splitting of abstracts: abbreviations, decimals and TeX math never end a
 * sentence; real sentence ends still do; every sentence is a slice of the text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/text/sentences.js';

describe('splitSentences', () => {
  it.each([
    ['The accuracy is 0.95 vs. 0.90 for e.g. BERT. Second sentence here.', ['The accuracy is 0.95 vs. 0.90 for e.g. BERT.', 'Second sentence here.']],
    ['We use approx. 10 GPUs (cf. Sec. 3). Then we stop.', ['We use approx. 10 GPUs (cf. Sec. 3).', 'Then we stop.']],
    ['As Smith et al. showed, it works. Fig. 2 shows it.', ['As Smith et al. showed, it works.', 'Fig. 2 shows it.']],
    ['Our model reaches 92.3% on ImageNet. It is fast! Is it? Yes.', ['Our model reaches 92.3% on ImageNet.', 'It is fast!', 'Is it?', 'Yes.']],
  ])('keeps abbreviations and decimals inside sentences: %s', (text, expected) => {
    expect(splitSentences(text)).toEqual(expected);
  });

  it('never breaks inside TeX math', () => {
    expect(splitSentences('Using $\\mathcal{N}=4$ SYM we compute $a.b$ terms. We obtain $E = mc^2.$ The next one. Then \\(x. Y\\) holds.')).toEqual([
      'Using $\\mathcal{N}=4$ SYM we compute $a.b$ terms.',
      'We obtain $E = mc^2.$ The next one.',
      'Then \\(x. Y\\) holds.',
    ]);
  });

  it('returns trimmed, non-empty slices of the text that cover all its words', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('We', 'e.g.', 'vs.', '3.5', '$a.b$', 'Fig.', 'end.', 'Yes!', 'why?', '$x', '\n', 'al.', 'The'), { maxLength: 30 }), (words) => {
        const text = words.join(' ');
        const sentences = splitSentences(text);
        for (const s of sentences) {
          expect(s).toBe(s.trim());
          expect(s.length).toBeGreaterThan(0);
          expect(text).toContain(s);
        }
        expect(sentences.join(' ').split(/\s+/).filter(Boolean)).toEqual(text.split(/\s+/).filter(Boolean));
      }),
    );
  });
});
