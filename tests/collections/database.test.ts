/**
 * The collections database: WAL and full sync, migrations applied in order from user_version
 * and never twice, a newer schema refused, and a server refusing a data folder inside its index.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { COLLECTIONS_DB_FILE, MIGRATIONS, migrate, openCollectionsDb } from '../../src/collections/database.js';
import { serve } from '../../src/server/listen.js';
import { tempDir } from '../helpers/tempDir.js';

describe('openCollectionsDb', () => {
  it('creates the folder and the database in WAL mode with full sync, at the current schema', async () => {
    const dir = path.join(await tempDir('db'), 'nested', 'userdata');
    const db = openCollectionsDb(dir);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    db.close();
    await fs.access(path.join(dir, COLLECTIONS_DB_FILE));
  });

  it('refuses a database written by a newer paperscope', async () => {
    const dir = await tempDir('db');
    const db = new Database(path.join(dir, COLLECTIONS_DB_FILE));
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(() => openCollectionsDb(dir)).toThrow(/has schema version 2, newer than this paperscope knows \(1\)/);
  });
});

describe('migrate', () => {
  it('applies only the steps above user_version, keeping the data', async () => {
    const db = new Database(path.join(await tempDir('db'), 'm.sqlite'));
    expect(migrate(db)).toBe(1);
    db.prepare("INSERT INTO collections VALUES ('c1', 'kept', 't', 't')").run();
    const next = [...MIGRATIONS, 'ALTER TABLE collections ADD COLUMN colour TEXT'];
    expect(migrate(db, next)).toBe(2);
    expect(migrate(db, next)).toBe(2);
    expect(db.prepare('SELECT id, name, colour FROM collections').all()).toEqual([{ id: 'c1', name: 'kept', colour: null }]);
    db.close();
  });

  it('leaves user_version where it was when a step fails', async () => {
    const db = new Database(path.join(await tempDir('db'), 'm.sqlite'));
    expect(() => migrate(db, [...MIGRATIONS, 'CREATE TABLE broken (;'])).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    db.close();
  });
});

describe('serve with a data folder', () => {
  it('refuses a data folder inside the index folder, which a rebuild replaces', async () => {
    const indexDir = path.join(await tempDir('db'), 'index');
    await expect(serve({ indexDir, dataDir: path.join(indexDir, 'userdata'), port: 0, log: () => {} })).rejects.toThrow(/inside the index folder/);
  });
});
