/**
 * @file The lineage an index records in its manifest (`build.lineage`) once papers have been
 * added to it: the full build it started from and every add since.
 */
import type { Manifest } from '../store/indexFolder.js';

export interface AddRecord {
  builtAt: string;
  /** Corpus file names the add read. */
  files: string[];
  added: number;
  replaced: number;
  updated: number;
  unchanged: number;
}

export interface Lineage {
  /** The full build the index started from. */
  base: { builtAt: string; papers: number; corpusSha256: string };
  /** Adds since, oldest first; the last one's `builtAt` is the index's. */
  adds: AddRecord[];
}

/** The lineage recorded in `manifest`, or undefined for an index no add has touched. */
export function lineageOf(manifest: Manifest): Lineage | undefined {
  return (manifest.build as { lineage?: Lineage }).lineage;
}

/** The lineage of the index an add writes over the index of `manifest`. */
export function nextLineage(manifest: Manifest, add: Omit<AddRecord, 'builtAt'>, builtAt: string): Lineage {
  const previous = lineageOf(manifest);
  const base = previous?.base ?? { builtAt: manifest.builtAt, papers: manifest.papers, corpusSha256: manifest.corpus.sha256 };
  return { base, adds: [...(previous?.adds ?? []), { builtAt, ...add }] };
}
