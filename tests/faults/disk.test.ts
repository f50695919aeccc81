/**
 * Fault injection on real file systems: an index folder on a read-only mount, and on a full
 * one (a small tmpfs filled to seeded levels). A build must fail with an error naming the
 * folder and the cause, leave the previous index byte for byte, and leave no temporary folder.
 * Needs mount (root, as in CI); without it, read-only falls back to chattr +i (root) or chmod
 * (non-root), and a full disk to an ENOSPC injected into fs.writeFile of the CLI process.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACT_FILES } from '../../src/store/indexFolder.js';
import { buildIndex } from '../../src/pipeline/buildIndex.js';
import { DEFAULT_CORPUS } from '../../src/config.js';
import { createSeededRandom } from '../../src/util/random.js';
import { FUZZ_SEED } from '../fuzz/fuzzConfig.js';
import { answers, canMount, demoSubset, ensureCli, fillDisk, fingerprint, leftovers, mountTmpfs, remount, runCli, unmount } from './helpers.js';
import { tempDir } from '../helpers/tempDir.js';

const run = promisify(execFile);

let main: string;
let work: string;
let oldCorpus: string;
let pristine: string;
let oldResults: unknown[];
let mounting: boolean;
const mounts: string[] = [];

beforeAll(async () => {
  [main, mounting] = await Promise.all([ensureCli(), canMount()]);
  work = await tempDir('disk');
  oldCorpus = await demoSubset(path.join(work, 'old.txt'), 40);
  pristine = path.join(work, 'pristine', 'index');
  await buildIndex({ corpus: oldCorpus, out: pristine, embedder: 'lexical' });
  oldResults = (await answers(pristine)).results;
});

afterAll(async () => {
  // Unmount even when a test failed, before tempDir's hook (registered first, so run last) removes the folders.
  for (const dir of mounts.splice(0)) await unmount(dir);
});

/** A folder for an index: on a fresh tmpfs of `bytes` when mounting works, else a plain folder. */
async function volume(name: string, bytes: number): Promise<string> {
  const dir = path.join(work, name);
  await fs.mkdir(dir);
  if (mounting) {
    await mountTmpfs(dir, bytes);
    mounts.push(dir);
  }
  return dir;
}

/** The previous index is byte for byte what it was, loads, and answers as before; nothing is left beside it. */
async function expectPreviousIntact(indexDir: string, before: Record<string, string>): Promise<void> {
  expect(await fingerprint(indexDir)).toEqual(before);
  expect(await leftovers(indexDir)).toEqual([]);
  expect((await answers(indexDir)).results).toEqual(oldResults);
}

describe('an index folder on a read-only file system', () => {
  let vol: string;
  let indexDir: string;
  let how: string;
  beforeAll(async () => {
    vol = await volume('readonly', 8 * 2 ** 20);
    indexDir = path.join(vol, 'index');
    await fs.cp(pristine, indexDir, { recursive: true });
    if (mounting) {
      await remount(vol, 'ro');
      how = 'tmpfs remounted read-only (mount -o remount,ro)';
    } else if (process.getuid?.() === 0) {
      await run('chattr', ['+i', vol]);
      how = 'chattr +i on the parent folder (root ignores permissions)';
    } else {
      await fs.chmod(vol, 0o555);
      how = 'chmod 555 on the parent folder';
    }
    console.log(`faults: read-only output folder made with: ${how}`);
  });
  afterAll(async () => {
    if (!vol) return;
    if (mounting) await remount(vol, 'rw').catch(() => undefined);
    else if (process.getuid?.() === 0) await run('chattr', ['-i', vol]).catch(() => undefined);
    else await fs.chmod(vol, 0o755).catch(() => undefined);
  });

  it('refuses the build with a clear error, and keeps the previous index and nothing else', async () => {
    const before = await fingerprint(indexDir);
    const built = await runCli(main, ['build', '--corpus', DEFAULT_CORPUS, '--out', indexDir, '--embedder', 'lexical']);
    expect(built.code).toBe(1);
    const reason = mounting ? /the file system is read-only \(EROFS\)/ : /(permission denied \(EACCES\)|operation not permitted \(EPERM\))/;
    expect(built.stderr).toMatch(new RegExp(`paperscope: index: ${indexDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: cannot write the new index: ${reason.source}; the previous index there, if any, is unchanged`));
    expect(built.stderr).not.toMatch(/\n\s+at /);
    await expectPreviousIntact(indexDir, before);
  });

  it('still serves the index read-only (loading needs no writes)', async () => {
    expect((await answers(indexDir)).results).toEqual(oldResults);
  });
});

describe.runIf(await canMount())('an index on a read-only file system beside a dead build\'s temporary folder', () => {
  it('still loads: cleaning up after the dead build is best effort', async () => {
    const vol = await volume('readonly-stale', 8 * 2 ** 20);
    const indexDir = path.join(vol, 'index');
    await fs.cp(pristine, indexDir, { recursive: true });
    // A build killed long ago (no process has this pid) left its temporary folder; then the disk went read-only.
    await fs.mkdir(path.join(vol, '.index.tmp-2147483646-stale'));
    await remount(vol, 'ro');
    expect((await answers(indexDir)).results).toEqual(oldResults);
    await remount(vol, 'rw');
  });
});

describe('an index folder on a full file system', () => {
  /** Sizes of a complete new index, in the order writeIndexFolder writes them (manifest last). */
  let newSizes: Array<[string, number]>;
  beforeAll(async () => {
    const reference = path.join(work, 'reference', 'index');
    await buildIndex({ corpus: DEFAULT_CORPUS, out: reference, embedder: 'lexical' });
    const order = [ARTIFACT_FILES.papers, ARTIFACT_FILES.vectors, ARTIFACT_FILES.hnsw, ARTIFACT_FILES.map, ARTIFACT_FILES.topics, ARTIFACT_FILES.lexicalModel, ARTIFACT_FILES.lexicalComponents, ARTIFACT_FILES.manifest];
    newSizes = await Promise.all(order.map(async (name) => [name, (await fs.stat(path.join(reference, name))).size] as [string, number]));
  });

  it('fails cleanly wherever the disk runs out, then builds once there is room', async () => {
    const random = createSeededRandom(FUZZ_SEED);
    const vol = await volume('full', 4 * 2 ** 20);
    const indexDir = path.join(vol, 'index');
    await fs.cp(pristine, indexDir, { recursive: true });
    const before = await fingerprint(indexDir);
    const total = newSizes.reduce((sum, [, bytes]) => sum + bytes, 0);
    // Run out of space: at once, inside the HNSW graph, inside a seeded random file of the new index, and just before the manifest.
    const inFile = newSizes[Math.floor(random.uniform() * (newSizes.length - 1))];
    const upTo = (name: string) => newSizes.slice(0, newSizes.findIndex(([n]) => n === name)).reduce((sum, [, bytes]) => sum + bytes, 0);
    const levels: Array<[string, number]> = [
      ['no space at all', 0],
      // hnswlib's native writer truncates silently on a full disk; the next write must still catch it.
      ['inside hnsw.bin', upTo(ARTIFACT_FILES.hnsw) + Math.floor(newSizes.find(([n]) => n === ARTIFACT_FILES.hnsw)![1] / 2)],
      [`inside ${inFile[0]}`, upTo(inFile[0]) + Math.floor(random.uniform() * inFile[1])],
      ['before the manifest', total - newSizes.at(-1)![1] - 4096],
    ];
    const failures: string[] = [];
    for (const [where, free] of levels) {
      const cli = where === 'before the manifest';
      if (mounting) await fillDisk(vol, free);
      const env: Record<string, string> = mounting ? {} : { PAPERSCOPE_TEST_DISK_BYTES: String(free) };
      const message = await failingBuild(indexDir, cli, env);
      expect(message, where).toMatch(/cannot write the new index: no space left on the device \(ENOSPC\); the previous index there, if any, is unchanged/);
      expect(message, where).toContain(indexDir);
      await expectPreviousIntact(indexDir, before);
      failures.push(`${where} (${Math.round(free / 1024)} KB free${cli ? ', CLI' : ''})`);
    }
    if (mounting) await fs.rm(path.join(vol, 'filler'), { force: true });
    if (mounting) {
      await buildIndex({ corpus: DEFAULT_CORPUS, out: indexDir, embedder: 'lexical' });
      expect((await answers(indexDir)).papers).toBe(119);
      expect(await leftovers(indexDir)).toEqual([]);
    }
    console.log(`faults: full disk (${mounting ? 'a 4 MB tmpfs filled with a file' : 'ENOSPC injected into fs.writeFile'}): build failed cleanly ${failures.length} times: ${failures.join('; ')}`);
  });
});

/** Builds the full demo corpus into `indexDir`, expecting failure; returns the error message. */
async function failingBuild(indexDir: string, cli: boolean, env: Record<string, string>): Promise<string> {
  if (cli || Object.keys(env).length > 0) {
    const args = ['build', '--corpus', DEFAULT_CORPUS, '--out', indexDir, '--embedder', 'lexical'];
    const built = await runCliWithEnv(args, env);
    expect(built.code).toBe(1);
    return built.stderr;
  }
  const error = await buildIndex({ corpus: DEFAULT_CORPUS, out: indexDir, embedder: 'lexical' }).then(() => undefined, (err: unknown) => err);
  expect(error, 'the build should have failed').toBeInstanceOf(Error);
  return (error as Error).message;
}

/** The CLI, with a full disk simulated in its fs.writeFile when PAPERSCOPE_TEST_DISK_BYTES is set (no mount available). */
async function runCliWithEnv(args: string[], env: Record<string, string>) {
  if (!env.PAPERSCOPE_TEST_DISK_BYTES) return runCli(main, args);
  const preload = path.join(work, 'enospc.mjs');
  await fs.writeFile(
    preload,
    `import fs from 'node:fs/promises';
const budget = ${Number(env.PAPERSCOPE_TEST_DISK_BYTES)};
let used = 0;
const writeFile = fs.writeFile;
fs.writeFile = async (file, data, opts) => {
  used += typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
  if (used > budget) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
  return writeFile(file, data, opts);
};
`,
  );
  return runCli('--import', [preload, main, ...args]);
}
