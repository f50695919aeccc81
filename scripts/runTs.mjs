// @ts-check
/**
 * @file `node scripts/runTs.mjs <file.ts>`: runs a TypeScript script through
 * Vite's module runner (already a dependency), so dev scripts need no extra
 * TypeScript loader. The script does its work when imported.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const file = process.argv[2];
if (!file) {
  console.error('usage: node scripts/runTs.mjs <file.ts>');
  process.exit(2);
}
await runnerImport(path.resolve(file), { root, configFile: false, logLevel: 'warn' });
