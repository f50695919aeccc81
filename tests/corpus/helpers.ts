/**
 * @file Shared helpers for the corpus tests: fixture paths and catching a CorpusError.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { CorpusError } from '../../src/corpus/errors.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const FIXTURES = path.join(here, '..', 'fixtures', 'corpus');
export const DEMO_CORPUS = path.join(here, '..', '..', 'data', 'trending-papers.txt');

/** Runs `fn`, asserts it throws a CorpusError and returns it. */
export function corpusError(fn: () => unknown): CorpusError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(CorpusError);
    return err as CorpusError;
  }
  throw new Error('expected a CorpusError, but nothing was thrown');
}

/** JSON Lines text with one line per record. */
export function jsonl(...records: unknown[]): string {
  return records.map((record) => JSON.stringify(record)).join('\n') + '\n';
}
