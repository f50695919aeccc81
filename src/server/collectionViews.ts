/**
 * @file The JSON bodies of the collection routes: each paper with its label and, when the
 * served index has it, its title and map position; `missing: true` when it has not.
 */
import type { Collection, CollectionPaper } from '../collections/shapes.js';
import type { LoadedIndex } from '../search/loadIndex.js';
import type { CollectionBody, CollectionPaperBody } from './collectionShapes.js';
import { resultView } from './views.js';

export function collectionPaperView(index: LoadedIndex, paper: CollectionPaper): CollectionPaperBody {
  const row = index.rowById.get(paper.id);
  if (row === undefined) return { ...paper, missing: true };
  const { id: _id, score: _score, ...place } = resultView(index, { row, score: 0 });
  return { ...paper, missing: false, ...place };
}

export function collectionView(index: LoadedIndex, collection: Collection): CollectionBody {
  const papers = collection.papers.map((p) => collectionPaperView(index, p));
  return {
    id: collection.id,
    name: collection.name,
    size: papers.length,
    missing: papers.filter((p) => p.missing).length,
    papers,
    createdAt: collection.createdAt,
    updatedAt: collection.updatedAt,
  };
}
