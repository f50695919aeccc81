/**
 * @file Tests for src/text/tokenize.ts: the word splitting, stop words and stemming that the
 * lexical embedder, BM25 search and topic labels share.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, stem, STOP_WORDS, tokenize, tokenizePhrases } from '../../src/text/tokenize.js';

describe('tokenize', () => {
  it('lowercases and splits on anything that is not a letter or digit', () => {
    expect(tokenize('Graph Neural Networks: a survey (2nd ed.)')).toEqual(['graph', 'neural', 'networks', 'survey', '2nd', 'ed']);
  });

  it('splits hyphenated and apostrophised words into their parts', () => {
    expect(tokenize("state-of-the-art model's")).toEqual(['state', 'of', 'the', 'art', 'model']);
  });

  it('drops pure numbers and one-character tokens but keeps mixed ones', () => {
    expect(tokenize('GPT-4 and gpt4 in 3D, 2024, x 10%')).toEqual(['gpt', 'and', 'gpt4', 'in', '3d']);
  });

  it('folds ligatures and full-width forms (NFKC)', () => {
    expect(tokenize('ﬁne-tuning ＧＰＴ４')).toEqual(['fine', 'tuning', 'gpt4']);
  });

  it('strips accents from Latin letters only', () => {
    expect(tokenize('Naïve Poincaré Erdős')).toEqual(['naive', 'poincare', 'erdos']);
    expect(tokenize('Москва и मानव')).toEqual(['москва', 'मानव']);
  });

  it('returns nothing for text without words', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize('  -- 42 !? $')).toEqual([]);
  });

  it('is stable: tokenizing its own output gives it back', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (text) => {
        const tokens = tokenize(text);
        expect(tokenize(tokens.join(' '))).toEqual(tokens);
      }),
    );
  });
});

describe('tokenizePhrases', () => {
  it('splits at sentence and clause punctuation, then tokenizes each stretch', () => {
    expect(tokenizePhrases('Optimal transport (OT) maps: a survey')).toEqual([['optimal', 'transport'], ['ot'], ['maps'], ['survey']]);
    expect(tokenizePhrases('Sinkhorn; mirror descent — fast. “Online” use')).toEqual([['sinkhorn'], ['mirror', 'descent'], ['fast'], [], ['online'], ['use']]);
  });

  it('treats a TeX command as a break, not a word', () => {
    expect(tokenizePhrases('error \\varepsilon bound')).toEqual([['error'], ['bound']]);
  });

  it('keeps every token of tokenize, in order', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        expect(tokenizePhrases(text).flat()).toEqual(tokenize(text.replace(/\\[a-zA-Z]+/g, ' ')));
      }),
    );
  });
});

describe('STOP_WORDS', () => {
  it('holds common English function words', () => {
    for (const word of ['the', 'of', 'and', 'we', 'our', 'is', 'which', 'however', 'don']) expect(STOP_WORDS.has(word)).toBe(true);
  });

  it('keeps words that carry topics in paper abstracts', () => {
    for (const word of ['system', 'detail', 'interest', 'fire', 'part', 'model', 'learning']) expect(STOP_WORDS.has(word)).toBe(false);
  });

  it('holds only words tokenize can produce', () => {
    for (const word of STOP_WORDS) expect(tokenize(word)).toEqual([word]);
  });
});

describe('stem', () => {
  it('applies the Porter stemmer', () => {
    expect(['networks', 'learning', 'learned', 'generalization', 'gpt4'].map(stem)).toEqual(['network', 'learn', 'learn', 'gener', 'gpt4']);
  });

  it('gives the same stem on repeated calls', () => {
    expect(stem('optimization')).toBe(stem('optimization'));
  });
});

describe('analyze', () => {
  it('tokenizes, drops stop words, then stems', () => {
    expect(analyze('We propose learning graph networks')).toEqual(['propos', 'learn', 'graph', 'network']);
  });

  it('checks stop words before stemming', () => {
    // "used" stems to "us", a stop word, and is kept all the same: the filter sees words, not stems.
    expect(analyze('used by us')).toEqual(['us']);
  });

  it('returns nothing for stop words only', () => {
    expect(analyze('The, of and which we')).toEqual([]);
  });
});
