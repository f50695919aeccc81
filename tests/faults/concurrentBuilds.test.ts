/**
 * Issue 18 item 5: one build per index folder. A second build into the same --out fails
 * naming the first one's pid; a stale lock, `.previous` and temporary folders left by a dead
 * build are cleared when the next build starts; racing swaps fail only with that clear
 * message; a symbolic-link --out is followed, a dangling one refused.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readManifest } from '../../src/store/indexFolder.js';
import { lockFileOf } from '../../src/store/buildLock.js';
import { buildIndex } from '../../src/pipeline/buildIndex.js';
import { DEFAULT_CORPUS } from '../../src/config.js';
import { demoIndexDir } from '../helpers/demoIndex.js';
import { answers, ensureCli, leftovers, runCli, spawnCli } from './helpers.js';

let main: string;
let work: string;
beforeAll(async () => {
  main = await ensureCli();
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'paperscope-concurrent-'));
});
afterAll(() => fs.rm(work, { recursive: true, force: true }));

/** The pid of a process that has exited: no process has it now. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

describe('two builds into the same --out', () => {
  it('the second fails at once with "another build (pid N) is writing DIR"; the first completes', async () => {
    const out = path.join(work, 'two', 'index');
    const first = spawnCli(main, ['build', '--corpus', DEFAULT_CORPUS, '--out', out, '--embedder', 'lexical']);
    await expect.poll(() => fs.access(lockFileOf(out)).then(() => true, () => false), { timeout: 30_000, interval: 10 }).toBe(true);
    const second = await runCli(main, ['build', '--corpus', DEFAULT_CORPUS, '--out', out, '--embedder', 'lexical']);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`another build (pid ${first.child.pid}) is writing ${out}`);
    const done = await first.done;
    expect(done.code, done.stderr).toBe(0);
    expect((await answers(out)).papers).toBe(119);
    expect(await leftovers(out)).toEqual([]);
  }, 120_000);
});

describe('what a dead build left', () => {
  it('a stale lock is taken over and removed', async () => {
    const out = path.join(work, 'stale', 'index');
    await fs.mkdir(path.dirname(out), { recursive: true });
    await fs.writeFile(lockFileOf(out), `${await deadPid()}\n`);
    await buildIndex({ corpus: DEFAULT_CORPUS, out, embedder: 'lexical' });
    expect(await leftovers(out)).toEqual([]);
  }, 120_000);

  it('`.previous` and dead temporary folders are removed when the next build starts, even one that fails', async () => {
    const out = path.join(work, 'leftover', 'index');
    await fs.cp(await demoIndexDir('lexical'), out, { recursive: true });
    const parent = path.dirname(out);
    await fs.cp(out, path.join(parent, '.index.previous'), { recursive: true });
    await fs.mkdir(path.join(parent, `.index.tmp-${await deadPid()}-abc`));
    const badCorpus = path.join(work, 'bad.jsonl');
    await fs.writeFile(badCorpus, '{"title": "no abstract"}\n');
    await expect(buildIndex({ corpus: badCorpus, out, embedder: 'lexical' })).rejects.toThrow(/missing "abstract"/);
    expect(await leftovers(out)).toEqual([]);
    expect((await readManifest(out)).papers).toBe(119);
  }, 60_000);
});

/** A child process doing `swaps` index swaps into `out`, printing its failures by message. */
function swapper(out: string, swaps: number): Promise<Record<string, number>> {
  const artifacts = path.join(path.dirname(main), '..', 'store', 'indexFolder.js');
  const script = `
    const { writeIndexFolder } = await import(${JSON.stringify(artifacts)});
    const fields = { embedder: { kind: 'lexical', model: 'x', dims: 1 }, papers: 1, corpus: { file: 'c', format: 'jsonl', sha256: 'x' }, build: {}, builtAt: 'now' };
    const failures = {};
    for (let i = 0; i < ${swaps}; i++) {
      try { await writeIndexFolder(${JSON.stringify(out)}, { 'a.txt': String(i) }, fields); }
      catch (err) { const m = err.message.replace(/pid \\d+/, 'pid N'); failures[m] = (failures[m] ?? 0) + 1; }
    }
    process.stdout.write(JSON.stringify(failures));`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  return new Promise((resolve) => child.once('close', () => resolve(JSON.parse(stdout || '{}'))));
}

describe('racing swaps', () => {
  it('2 processes × 150 swaps, with a reader: every failure is "another build (pid N) is writing DIR"', async () => {
    const out = path.join(work, 'swaps', 'index');
    let reading = true;
    const readerErrors = new Set<string>();
    const reader = (async () => {
      while (reading) await readManifest(out).catch((err: Error) => readerErrors.add(err.name));
    })();
    const results = await Promise.all([swapper(out, 150), swapper(out, 150)]);
    reading = false;
    await reader;
    for (const failures of results) {
      for (const message of Object.keys(failures)) expect(message).toBe(`another build (pid N) is writing ${out}; wait for it to finish, or stop it`);
    }
    const failed = results.flatMap((failures) => Object.values(failures)).reduce((a, b) => a + b, 0);
    expect(failed).toBeLessThan(300);
    expect([...readerErrors].filter((name) => name !== 'IndexError')).toEqual([]);
    const manifest = await readManifest(out);
    expect(manifest.files['a.txt'].bytes).toBe((await fs.readFile(path.join(out, 'a.txt'))).length);
    expect(await leftovers(out)).toEqual([]);
    console.log(`faults: racing swaps: ${JSON.stringify(results)}`);
  }, 120_000);
});

describe('a symbolic link as --out', () => {
  it('is followed: the link stays, its target gets the new index', async () => {
    const real = path.join(work, 'real', 'index');
    await fs.cp(await demoIndexDir('lexical'), real, { recursive: true });
    const link = path.join(work, 'link-to-index');
    await fs.symlink(real, link);
    const subset = path.join(work, 'subset.jsonl');
    await fs.writeFile(subset, '{"id":"a","title":"One paper","abstract":"About graphs."}\n{"id":"b","title":"Two papers","abstract":"About trees."}\n{"id":"c","title":"Three","abstract":"About forests."}\n');
    const built = await runCli(main, ['build', '--corpus', subset, '--out', link, '--embedder', 'lexical']);
    expect(built.code, built.stderr).toBe(0);
    expect(built.stdout + built.stderr).toContain(`--out ${link} is a symbolic link: building into its target ${real}`);
    expect((await fs.lstat(link)).isSymbolicLink()).toBe(true);
    expect((await readManifest(real)).papers).toBe(3);
    expect(await leftovers(real)).toEqual([]);
  }, 120_000);

  it('pointing nowhere is refused with a message', async () => {
    const link = path.join(work, 'dangling');
    await fs.symlink(path.join(work, 'nothing-here'), link);
    const built = await runCli(main, ['build', '--out', link, '--embedder', 'lexical']);
    expect(built.code).toBe(1);
    expect(built.stderr).toContain(`--out ${link}: is a symbolic link to ${path.join(work, 'nothing-here')}, which does not exist`);
    expect((await fs.lstat(link)).isSymbolicLink()).toBe(true);
  }, 60_000);
});
