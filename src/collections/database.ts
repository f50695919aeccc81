/**
 * @file Opens the collections database (SQLite, better-sqlite3) in the data folder and
 * brings its schema up to date. The data folder is not the index folder: a build replaces
 * index/ whole, and a user's collections must outlive every rebuild.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export type CollectionsDb = Database.Database;

export const COLLECTIONS_DB_FILE = 'collections.sqlite';

/**
 * The schema, one step per version; step i takes `PRAGMA user_version` from i to i + 1.
 * Steps are only ever appended: a database of any earlier version migrates forward.
 */
export const MIGRATIONS: readonly string[] = Object.freeze([
  `CREATE TABLE collections (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );
   CREATE TABLE collection_papers (
     collection_id TEXT NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
     paper_id TEXT NOT NULL,
     label TEXT NOT NULL CHECK (label IN ('pos', 'neg')),
     added_at TEXT NOT NULL,
     PRIMARY KEY (collection_id, paper_id)
   );`,
]);

/** Applies the migrations above the database's user_version, each in its own transaction. */
export function migrate(db: CollectionsDb, migrations: readonly string[] = MIGRATIONS): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    throw new Error(`collections: ${db.name} has schema version ${current}, newer than this paperscope knows (${migrations.length}); upgrade paperscope`);
  }
  for (let version = current; version < migrations.length; version++) {
    db.transaction(() => {
      db.exec(migrations[version]);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
  return migrations.length;
}

/**
 * Opens (creating if needed) `<dataDir>/collections.sqlite`, migrated to the current schema.
 * WAL with synchronous=FULL: each commit is fsynced to the log before the call returns, so a
 * write the server has acknowledged survives kill -9 and power loss alike; user writes are
 * rare enough that the fsync per write costs nothing anyone notices.
 * @example const db = openCollectionsDb('userdata'); // => userdata/collections.sqlite, schema current
 */
export function openCollectionsDb(dataDir: string): CollectionsDb {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, COLLECTIONS_DB_FILE));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // Another process (a CLI export) may hold the write lock for a moment.
    db.pragma('busy_timeout = 5000');
    migrate(db);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}
