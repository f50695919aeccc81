/**
 * @file The process the hnsw.bin fuzz (hnswFuzz.ts) runs mutations in, so that a crash in
 * native code ends this process and not the fuzz. Usage:
 * `node hnswFuzzChild.js <index> <work> <seed> <from> <to>`: copies <index> to <work>, then for
 * each mutation n in [from, to) writes the mutated hnsw.bin with its checksum and size
 * recomputed in manifest.json, loads the index and searches it, and prints one JSON line.
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { searchHnsw } from '../ann/hnsw.js';
import { createSearchEngine, searchPapers } from '../search/engine.js';
import { loadIndex } from '../search/loadIndex.js';
import { IndexError } from '../store/indexFolder.js';
import { mutateHnsw } from './hnswMutate.js';

export type FuzzOutcome = 'refused' | 'answered' | 'failed';

export interface FuzzLine {
  n: number;
  what: string;
  outcome: FuzzOutcome;
  message?: string;
}

/** Loads the index in `dir` and searches it: each search must give rows of real papers. */
async function loadAndSearch(dir: string): Promise<void> {
  const index = await loadIndex(dir);
  const engine = createSearchEngine(index);
  const count = index.papers.length;
  for (let row = 0; row < count; row += Math.max(1, Math.floor(count / 20))) {
    const { rows } = searchHnsw(index.hnsw, index.vectors.subarray(row * index.dims, (row + 1) * index.dims), 10);
    if (rows.length === 0 || rows.some((r) => !Number.isInteger(r) || r < 0 || r >= count)) throw new Error(`search from row ${row} gave rows ${rows.join(',')}`);
  }
  const { results } = await searchPapers(engine, { q: 'graph neural networks', k: 10, mode: 'semantic' });
  if (results.length === 0) throw new Error('a semantic search found nothing');
}

async function runOne(dir: string, original: Buffer, manifest: Record<string, any>, seed: number, n: number): Promise<FuzzLine> {
  const { bytes, what } = mutateHnsw(original, seed, n);
  await fs.writeFile(path.join(dir, 'hnsw.bin'), bytes);
  const files = { ...manifest.files, 'hnsw.bin': { sha256: crypto.createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length } };
  await fs.writeFile(path.join(dir, 'manifest.json'), JSON.stringify({ ...manifest, files }));
  try {
    await loadAndSearch(dir);
    return { n, what, outcome: 'answered' };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { n, what, outcome: err instanceof IndexError ? 'refused' : 'failed', message };
  }
}

async function main(): Promise<void> {
  const [source, work, seed, from, to] = process.argv.slice(2);
  await fs.rm(work, { recursive: true, force: true });
  await fs.cp(source, work, { recursive: true });
  const original = await fs.readFile(path.join(source, 'hnsw.bin'));
  const manifest = JSON.parse(await fs.readFile(path.join(source, 'manifest.json'), 'utf8'));
  for (let n = Number(from); n < Number(to); n++) {
    // Announced first: if this mutation kills the process, the parent knows which one did.
    process.stdout.write(`${JSON.stringify({ n, start: true })}\n`);
    process.stdout.write(`${JSON.stringify(await runOne(work, original, manifest, Number(seed), n))}\n`);
  }
}

await main();
