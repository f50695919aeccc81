/**
 * @file paperText and paperIdFromTitle: the text a paper is embedded as, and ids derived from titles.
 */
import { describe, expect, it } from 'vitest';
import { paperIdFromTitle, paperText } from '../../src/corpus/text.js';

describe('paperText', () => {
  describe('when given a paper', () => {
    it('joins title and abstract with a full stop', () => {
      expect(paperText({ title: 'Attention Is All You Need', abstract: 'We propose a new architecture.' })).toBe(
        'Attention Is All You Need. We propose a new architecture.',
      );
    });
  });
});

describe('paperIdFromTitle', () => {
  describe('when the title is plain ASCII', () => {
    it('is a slug plus a sha1 prefix, fixed across runs and releases', () => {
      expect(paperIdFromTitle('Attention Is All You Need')).toBe('attention-is-all-you-need-37f63852');
    });
  });

  describe('when titles differ only in case, whitespace or Unicode composition', () => {
    it('gives the same id', () => {
      const id = paperIdFromTitle('Café au lait');
      expect(paperIdFromTitle('  CAFE\u0301 \n au   LAIT ')).toBe(id);
    });
  });

  describe('when the title has accents, other scripts or is very long', () => {
    it('stays URL-safe and short', () => {
      expect(paperIdFromTitle('Émile und die Detektive')).toBe('emile-und-die-detektive-89330080');
      expect(paperIdFromTitle('深度学习')).toMatch(/^[0-9a-f]{8}$/);
      const long = paperIdFromTitle('word '.repeat(100));
      expect(long.length).toBeLessThanOrEqual(48 + 9);
      expect(long).toMatch(/^[a-z0-9-]*[a-z0-9]-[0-9a-f]{8}$/);
    });
  });

  describe('when titles differ', () => {
    it('gives different ids even if the truncated slugs agree', () => {
      const prefix = 'a very long shared prefix that fills the whole slug part';
      expect(paperIdFromTitle(`${prefix} one`)).not.toBe(paperIdFromTitle(`${prefix} two`));
    });
  });
});
