/**
 * @file An app over the demo index with a real collections database in a fresh temporary
 * data folder, for the tests of the collection, recommend and export routes.
 */
import type { Express } from 'express';
import type request from 'supertest';
import { expect } from 'vitest';
import { openCollectionStore, type CollectionStore } from '../../src/collections/store.js';
import { createApp, type AppState } from '../../src/server/app.js';
import type { SearchEngine } from '../../src/search/engine.js';
import { tempDir } from '../helpers/tempDir.js';

export interface CollectionsApp {
  app: Express;
  state: AppState;
  store: CollectionStore;
  dataDir: string;
  logs: string[];
}

/** An app serving `engine` with collections kept in `dataDir` (a new temporary folder unless given). */
export async function collectionsApp(engine: SearchEngine, dataDir?: string): Promise<CollectionsApp> {
  const dir = dataDir ?? (await tempDir('data'));
  const store = openCollectionStore(dir);
  const state: AppState = { engine };
  const logs: string[] = [];
  const app = createApp(state, { log: (m) => logs.push(m), webDir: '/nonexistent/paperscope-web-dist', collections: store });
  return { app, state, store, dataDir: dir, logs };
}

/** Asserts an API error: its status, its code, and a message naming the problem. */
export function expectError(res: request.Response, status: number, code: string, message: RegExp): void {
  expect(res.status).toBe(status);
  expect(res.body.error.code).toBe(code);
  expect(res.body.error.message).toMatch(message);
}
