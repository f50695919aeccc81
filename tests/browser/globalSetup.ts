/**
 * @file Once per browser-test run: build the web app and a demo index, start
 * the real server, and hand its URL to the tests (`inject('baseUrl')`).
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildTestIndex, buildWebApp, startServer } from './helpers/server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    indexDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await buildWebApp();
  const indexDir = await buildTestIndex();
  const server = await startServer(indexDir);
  project.provide('baseUrl', server.url);
  project.provide('indexDir', indexDir);
  return async () => {
    await server.close();
    rmSync(path.dirname(indexDir), { recursive: true, force: true });
  };
}
