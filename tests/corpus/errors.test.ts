/**
 * @file CorpusError and formatIssue: the one shape corpus problems are reported in.
 */
import { describe, expect, it } from 'vitest';
import { CorpusError, formatIssue } from '../../src/corpus/errors.js';

describe('CorpusError', () => {
  describe('when built for a line', () => {
    it('carries file, line and problem and says them in the message', () => {
      const error = new CorpusError('papers.csv', 42, 'missing "abstract"');
      expect(error).toBeInstanceOf(Error);
      expect([error.file, error.line, error.problem]).toEqual(['papers.csv', 42, 'missing "abstract"']);
      expect(error.message).toBe('corpus: papers.csv line 42: missing "abstract"');
    });
  });

  describe('when built for the whole file', () => {
    it('leaves the line out', () => {
      expect(new CorpusError('a.json', undefined, 'file is empty').message).toBe('corpus: a.json: file is empty');
    });
  });
});

describe('formatIssue', () => {
  describe('when given a skipped record', () => {
    it('reads like a CorpusError message', () => {
      expect(formatIssue({ file: 'a.jsonl', line: 3, message: 'missing "title"' })).toBe('corpus: a.jsonl line 3: missing "title"');
    });
  });
});
