/**
 * @file Temporary folders for tests: `await tempDir('corpus')` makes a new empty
 * folder `paperscope-corpus-XXXXXX` in the OS temp folder, and the test file's
 * last hook removes every folder it made, whether its tests passed or not.
 * For vitest test files only: the hook is registered when a test file imports this.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

const made: string[] = [];

afterAll(async () => {
  await Promise.all(made.splice(0).map((dir) => fs.rm(dir, { recursive: true, force: true })));
});

/** A new empty folder, removed after the test file's tests. */
export async function tempDir(prefix: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), `paperscope-${prefix}-`));
  made.push(dir);
  return dir;
}
