/**
 * @file Turns paper ids from a request into rows of a loaded index, naming the first id the
 * index does not have, so the server can answer 404 with it.
 */
import type { PaperId } from '../corpus/paper.js';
import type { LoadedIndex } from './loadIndex.js';

export class UnknownPaperError extends Error {
  constructor(readonly id: PaperId) {
    super(`no paper with id ${JSON.stringify(id.slice(0, 200))}`);
    this.name = 'UnknownPaperError';
  }
}

/** The rows of `ids`, in order; throws UnknownPaperError for the first id the index lacks. */
export function rowsOfIds(index: LoadedIndex, ids: readonly PaperId[]): number[] {
  return ids.map((id) => {
    const row = index.rowById.get(id);
    if (row === undefined) throw new UnknownPaperError(id);
    return row;
  });
}
