/**
 * @file Shared pieces of the fault-injection tests: the real CLI compiled once (into a private
 * folder, so the shared dist/ of a working tree is never rebuilt under someone's feet), child
 * processes, small real file systems (tmpfs mounts), and fingerprints of index folders.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../../src/config.js';
import { createSearchEngine, SEARCH_MODES, searchPapers } from '../../src/search/engine.js';
import { loadIndex } from '../../src/search/loadIndex.js';
import { similarPapers } from '../../src/search/semantic.js';
import { tempDir } from '../helpers/tempDir.js';

const run = promisify(execFile);

async function sourceHash(): Promise<string> {
  const hash = createHash('sha256');
  const files = (await fs.readdir(path.join(PROJECT_ROOT, 'src'), { recursive: true })).filter((f) => f.endsWith('.ts')).sort();
  for (const file of [...files.map((f) => path.join('src', f)), 'tsconfig.json', 'tsconfig.build.json', 'package.json']) {
    hash.update(file).update(await fs.readFile(path.join(PROJECT_ROOT, file)));
  }
  return hash.digest('hex').slice(0, 16);
}

let cli: Promise<string> | undefined;

/**
 * Path of the compiled CLI (`…/dist/cli/main.js`) for the current sources: `tsc -p tsconfig.build.json`
 * into a temporary folder named after their hash, beside links to node_modules, data/ and web/.
 * Test processes share it; the folder appears by rename, complete or not at all.
 */
export function ensureCli(): Promise<string> {
  cli ??= (async () => {
    const dir = path.join(os.tmpdir(), `paperscope-cli-${await sourceHash()}`);
    const main = path.join(dir, 'dist', 'cli', 'main.js');
    if (existsSync(main)) return main;
    const scratch = await tempDir('cli-tmp');
    const tsc = path.join(PROJECT_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    await run(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', path.join(scratch, 'dist')], { cwd: PROJECT_ROOT }).catch((err: { stdout?: string }) => {
      // Type errors still emit JavaScript; only a missing CLI is fatal here.
      if (!existsSync(path.join(scratch, 'dist', 'cli', 'main.js'))) throw new Error(`tsc failed: ${err.stdout ?? err}`);
    });
    for (const link of ['node_modules', 'data', 'web', 'package.json']) await fs.symlink(path.join(PROJECT_ROOT, link), path.join(scratch, link));
    await fs.rename(scratch, dir).catch(() => fs.rm(scratch, { recursive: true, force: true }));
    await pruneOldClis(dir);
    return main;
  })();
  return cli;
}

/** Removes compiled CLIs of older sources (each source change makes one), once a day old. */
async function pruneOldClis(current: string): Promise<void> {
  const dayAgo = Date.now() - 24 * 3600 * 1000;
  for (const name of await fs.readdir(os.tmpdir())) {
    const dir = path.join(os.tmpdir(), name);
    if (!name.startsWith('paperscope-cli-') || dir === current) continue;
    const stat = await fs.stat(dir).catch(() => undefined);
    if (stat && stat.mtimeMs < dayAgo) await fs.rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Spawns `node <cli> ...args`; `done` resolves when it exits (never rejects). */
export function spawnCli(main: string, args: string[]): { child: ChildProcess; done: Promise<Finished>; output: () => string } {
  const child = spawn(process.execPath, [main, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<Finished>((resolve) => child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, done, output: () => stdout + stderr };
}

/** Runs the CLI to the end, killing it after `timeoutMs`. */
export async function runCli(main: string, args: string[], timeoutMs = 60_000): Promise<Finished> {
  const { child, done } = spawnCli(main, args);
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const finished = await done;
  clearTimeout(timer);
  return finished;
}

/** sha256 of every file in `dir`, by name. */
export async function fingerprint(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of (await fs.readdir(dir)).sort()) files[name] = createHash('sha256').update(await fs.readFile(path.join(dir, name))).digest('hex');
  return files;
}

/** Entries beside `indexDir` that an interrupted or failed build may leave: `.<name>.tmp-*` and `.<name>.previous`. */
export async function leftovers(indexDir: string): Promise<string[]> {
  const prefix = `.${path.basename(indexDir)}.`;
  return (await fs.readdir(path.dirname(indexDir))).filter((name) => name.startsWith(prefix));
}

const QUERIES = ['optimal transport', 'mixture of experts routing', 'diffusion models for images', 'reinforcement learning agents', 'graph neural networks'];

/** What an index answers: its corpus checksum and paper count, searches in every mode and similar papers of a few ids. */
export async function answers(indexDir: string): Promise<{ corpus: string; papers: number; results: unknown[] }> {
  const engine = createSearchEngine(await loadIndex(indexDir));
  const results: unknown[] = [];
  for (const q of QUERIES) {
    for (const mode of SEARCH_MODES) results.push((await searchPapers(engine, { q, k: 10, mode })).results);
  }
  for (const row of [0, 7, engine.index.papers.length - 1]) results.push(similarPapers(engine.index, engine.index.papers[row].id, 10));
  return { corpus: engine.index.manifest.corpus.sha256, papers: engine.index.papers.length, results };
}

/** A corpus of the first `papers` papers of the demo corpus (same format), written to `file`. */
export async function demoSubset(file: string, papers: number): Promise<string> {
  const lines = (await fs.readFile(path.join(PROJECT_ROOT, 'data', 'trending-papers.txt'), 'utf8')).split('\n');
  // Two lines of page furniture, then a title line and an abstract line per paper.
  await fs.writeFile(file, lines.slice(0, 2 + 2 * papers).join('\n') + '\n');
  return file;
}

// ---- small real file systems

/** Whether this process may mount file systems (root with CAP_SYS_ADMIN, as in this project's CI). */
export async function canMount(): Promise<boolean> {
  const probe = await tempDir('mount-probe');
  try {
    await run('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]);
    await run('umount', [probe]);
    return true;
  } catch {
    return false;
  }
}

/** Mounts a tmpfs of `bytes` at `dir` (which must exist). */
export async function mountTmpfs(dir: string, bytes: number): Promise<void> {
  await run('mount', ['-t', 'tmpfs', '-o', `size=${bytes},mode=0755`, 'tmpfs', dir]);
}

/** Remounts the file system at `dir` read-only or read-write. */
export async function remount(dir: string, mode: 'ro' | 'rw'): Promise<void> {
  await run('mount', ['-o', `remount,${mode}`, dir]);
}

/** Unmounts `dir`, lazily if something still holds it; never throws (for afterAll). */
export async function unmount(dir: string): Promise<void> {
  await run('umount', [dir]).catch(() => run('umount', ['-l', dir]).catch(() => undefined));
}

/** Free bytes on the file system holding `dir`. */
export async function freeBytes(dir: string): Promise<number> {
  const stats = await fs.statfs(dir);
  return stats.bavail * stats.bsize;
}

/** Fills the file system holding `dir` until `leave` bytes are free, with a file named `name`. */
export async function fillDisk(dir: string, leave: number, name = 'filler'): Promise<void> {
  const file = path.join(dir, name);
  await fs.rm(file, { force: true });
  const bytes = (await freeBytes(dir)) - leave;
  if (bytes > 0) await fs.writeFile(file, Buffer.alloc(bytes));
}
