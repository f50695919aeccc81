/**
 * @file A user's collections of papers, each paper marked positive or negative: the reads and
 * writes of the collections database. Paper ids are kept as given, whether or not the
 * current index has them, so a rebuild that drops a paper never drops it from a collection.
 */
import { randomUUID } from 'node:crypto';
import type { PaperId } from '../corpus/paper.js';
import { openCollectionsDb, type CollectionsDb } from './database.js';
import type { Collection, CollectionPaper, CollectionSummary, PaperLabel } from './shapes.js';

interface CollectionRow {
  id: string;
  name: string;
  created_at: string;
  updated_at: string;
}

interface PaperRow {
  paper_id: string;
  label: PaperLabel;
  added_at: string;
}

const paperOf = (row: PaperRow): CollectionPaper => ({ id: row.paper_id, label: row.label, addedAt: row.added_at });

/** Collections over an open database; every method is one transaction, committed on return. */
export class CollectionStore {
  private readonly statements;

  constructor(readonly db: CollectionsDb) {
    this.statements = {
      list: db.prepare<[], CollectionRow & { size: number }>(
        `SELECT c.id, c.name, c.created_at, c.updated_at, COUNT(p.paper_id) AS size
           FROM collections c LEFT JOIN collection_papers p ON p.collection_id = c.id
          GROUP BY c.id ORDER BY c.updated_at DESC, c.id`,
      ),
      get: db.prepare<[string], CollectionRow>('SELECT id, name, created_at, updated_at FROM collections WHERE id = ?'),
      papers: db.prepare<[string], PaperRow>('SELECT paper_id, label, added_at FROM collection_papers WHERE collection_id = ? ORDER BY added_at, rowid'),
      paper: db.prepare<[string, string], PaperRow>('SELECT paper_id, label, added_at FROM collection_papers WHERE collection_id = ? AND paper_id = ?'),
      insert: db.prepare<[string, string, string, string]>('INSERT INTO collections (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)'),
      rename: db.prepare<[string, string, string]>('UPDATE collections SET name = ?, updated_at = ? WHERE id = ?'),
      touch: db.prepare<[string, string]>('UPDATE collections SET updated_at = ? WHERE id = ?'),
      remove: db.prepare<[string]>('DELETE FROM collections WHERE id = ?'),
      putPaper: db.prepare<[string, string, string, string]>(
        `INSERT INTO collection_papers (collection_id, paper_id, label, added_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (collection_id, paper_id) DO UPDATE SET label = excluded.label`,
      ),
      removePaper: db.prepare<[string, string]>('DELETE FROM collection_papers WHERE collection_id = ? AND paper_id = ?'),
    };
  }

  /** Every collection, most recently changed first. */
  list(): CollectionSummary[] {
    return this.statements.list.all().map((row) => ({ id: row.id, name: row.name, size: row.size, updatedAt: row.updated_at }));
  }

  /** The collection with its papers in the order they were added (rowid breaks same-millisecond ties), or undefined. */
  get(id: string): Collection | undefined {
    const row = this.statements.get.get(id);
    if (!row) return undefined;
    const papers = this.statements.papers.all(id).map(paperOf);
    return { id: row.id, name: row.name, papers, createdAt: row.created_at, updatedAt: row.updated_at };
  }

  create(name: string): Collection {
    const id = randomUUID();
    const now = new Date().toISOString();
    this.statements.insert.run(id, name, now, now);
    return { id, name, papers: [], createdAt: now, updatedAt: now };
  }

  /** Renames the collection; undefined when there is none with that id. */
  rename(id: string, name: string): Collection | undefined {
    const changed = this.statements.rename.run(name, new Date().toISOString(), id).changes > 0;
    return changed ? this.get(id) : undefined;
  }

  /** Deletes the collection and its papers; false when there was none. */
  remove(id: string): boolean {
    return this.statements.remove.run(id).changes > 0;
  }

  /** Whether the collection holds the paper. */
  hasPaper(id: string, paperId: PaperId): boolean {
    return this.statements.paper.get(id, paperId) !== undefined;
  }

  /** Adds the paper or changes its label (keeping when it was added); undefined for an unknown collection. */
  putPaper(id: string, paperId: PaperId, label: PaperLabel): CollectionPaper | undefined {
    return this.db.transaction(() => {
      const now = new Date().toISOString();
      if (this.statements.touch.run(now, id).changes === 0) return undefined;
      this.statements.putPaper.run(id, paperId, label, now);
      return paperOf(this.statements.paper.get(id, paperId)!);
    })();
  }

  /** Removes the paper: false when the collection did not hold it. */
  removePaper(id: string, paperId: PaperId): boolean {
    return this.db.transaction(() => {
      if (this.statements.removePaper.run(id, paperId).changes === 0) return false;
      this.statements.touch.run(new Date().toISOString(), id);
      return true;
    })();
  }

  close(): void {
    this.db.close();
  }
}

/** The collections of the data folder `dataDir` (created when missing). */
export function openCollectionStore(dataDir: string): CollectionStore {
  return new CollectionStore(openCollectionsDb(dataDir));
}
