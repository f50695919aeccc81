/**
 * @file The index folder on disk: the one module that knows its file names,
 * writes them (atomically, with a sha256 per file in manifest.json) and reads
 * them back, refusing a folder whose files don't match their manifest.
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { INDEX_SCHEMA_VERSION } from '../config.js';
import type { Paper } from '../corpus/paper.js';
import { EMBEDDER_FILES, type EmbedderInfo } from '../embed/types.js';
import { float32View } from '../util/float32.js';
import { finishInTurns } from '../util/slices.js';
import { recoverInterruptedSwap, replaceDirAtomically } from './atomicDir.js';
import { ManifestSchema, manifestProblem } from './manifestSchema.js';

export { recoverInterruptedSwap } from './atomicDir.js';

/** File names inside an index folder. */
export const ARTIFACT_FILES = Object.freeze({
  manifest: 'manifest.json',
  papers: 'papers.jsonl',
  vectors: 'vectors.f32',
  hnsw: 'hnsw.bin',
  map: 'map.f32',
  topics: 'topics.json',
  bm25: 'bm25.bin',
  facets: 'facets.bin',
  ...EMBEDDER_FILES,
});

export interface Manifest {
  schemaVersion: number;
  embedder: EmbedderInfo;
  papers: number;
  corpus: { file: string; format: string; sha256: string };
  build: Record<string, unknown>;
  /** sha256 and size of every other file in the folder. */
  files: Record<string, { sha256: string; bytes: number }>;
  builtAt: string;
}

/** One file to write into a new index: its bytes, or a function that writes it to a path. */
export type ArtifactWriter = Uint8Array | string | ((filePath: string) => Promise<void>);

/** Thrown when an index folder is missing, corrupt or from an incompatible build. */
export class IndexError extends Error {
  constructor(readonly file: string, problem: string) {
    super(`index: ${file}: ${problem}`);
    this.name = 'IndexError';
  }
}

export const REBUILD_HINT = 'rebuild it with `paperscope build` (or delete the folder and run `npm start`)';

export async function sha256File(filePath: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  const handle = await fs.open(filePath, 'r');
  try {
    for await (const chunk of handle.createReadStream()) hash.update(chunk as Buffer);
  } finally {
    await handle.close();
  }
  return hash.digest('hex');
}

async function writeAndSync(filePath: string, writer: ArtifactWriter): Promise<void> {
  if (typeof writer === 'function') await writer(filePath);
  else await fs.writeFile(filePath, writer);
  const handle = await fs.open(filePath, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Writes `files` and a manifest into a temporary folder beside `outDir`, then
 * swaps it into place. A failure at any point leaves the previous index intact.
 */
export async function writeIndexFolder(
  outDir: string,
  files: Record<string, ArtifactWriter>,
  manifest: Omit<Manifest, 'files' | 'schemaVersion'>,
): Promise<Manifest> {
  let written: Manifest | undefined;
  try {
    await replaceDirAtomically(outDir, async (tmpDir) => {
      const checksums: Manifest['files'] = {};
      for (const [name, writer] of Object.entries(files)) {
        const filePath = path.join(tmpDir, name);
        await writeAndSync(filePath, writer);
        checksums[name] = { sha256: await sha256File(filePath), bytes: (await fs.stat(filePath)).size };
      }
      written = { schemaVersion: INDEX_SCHEMA_VERSION, ...manifest, files: checksums };
      await writeAndSync(path.join(tmpDir, ARTIFACT_FILES.manifest), JSON.stringify(written, null, 2) + '\n');
    });
  } catch (err) {
    throw asWriteFailure(outDir, err);
  }
  return written!;
}

/**
 * A file system refusal met while writing the index `outDir` as an IndexError naming the
 * folder (node's own message, "ENOSPC: no space left on device, write", names none); any
 * other error as it is.
 */
export function asWriteFailure(outDir: string, err: unknown): unknown {
  const code = (err as NodeJS.ErrnoException).code;
  if (typeof code !== 'string' || !Object.hasOwn(WRITE_FAILURES, code)) return err;
  return Object.assign(new IndexError(outDir, `cannot write the new index: ${WRITE_FAILURES[code]} (${code}); the previous index there, if any, is unchanged`), { cause: err });
}

/** File system refusals a build can meet while writing, in words. */
const WRITE_FAILURES: Readonly<Record<string, string>> = Object.freeze({
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EIO: 'input/output error',
  ENOTEMPTY: 'a folder in the way is not empty (did another program write beside the index?)',
  ENOENT: 'a folder disappeared during the swap (did another program move or delete it?)',
  EBUSY: 'the folder is in use (a mount point, or open in another program)',
  ENOTDIR: 'a file stands where a folder should be',
  EXDEV: 'the index and its temporary folder are on different file systems',
});

/** Reads and checks manifest.json: present, parseable, of this schema version, every field as ManifestSchema says. */
export async function readManifest(dir: string): Promise<Manifest> {
  await recoverInterruptedSwap(dir);
  const file = path.join(dir, ARTIFACT_FILES.manifest);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    throw new IndexError(file, `not found: no index here; build one with \`paperscope build --out ${dir}\``);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new IndexError(file, `not valid JSON; ${REBUILD_HINT}`);
  }
  const version = (json as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (version !== INDEX_SCHEMA_VERSION) {
    throw new IndexError(file, `schema version ${String(version)} is not ${INDEX_SCHEMA_VERSION}, the version this paperscope reads; ${REBUILD_HINT}`);
  }
  const parsed = ManifestSchema.safeParse(json);
  if (!parsed.success) throw new IndexError(file, `damaged or incomplete: ${manifestProblem(parsed.error.issues)}; ${REBUILD_HINT}`);
  return parsed.data as Manifest;
}

/** Bytes hashed per step: about 2 ms of sha256 here. */
const HASH_BYTES_PER_STEP = 4 << 20;

/** The sha256 of `bytes` (hex), in steps, so a server loading an index for a hot swap keeps answering (finishInTurns). */
function* sha256Steps(bytes: Buffer): Generator<void, string> {
  const hash = crypto.createHash('sha256');
  for (let at = 0; at < bytes.length; at += HASH_BYTES_PER_STEP) {
    hash.update(bytes.subarray(at, at + HASH_BYTES_PER_STEP));
    yield;
  }
  return hash.digest('hex');
}

/**
 * Reads artifact `name` of the index in `dir` once, checks its size and sha256 against the
 * manifest, and gives the same bytes to `parse`. (Hashing the buffer in hand runs at about
 * 1.8 GB/s here; WebCrypto's off-thread digest first copies the buffer on the main thread,
 * which costs nearly as much: docs/BENCHMARKS.md.) Throws IndexError naming the file when it
 * is missing, not listed, of another size or checksum than the manifest says, or when `parse`
 * fails on it.
 * @example const papers = await loadArtifact(dir, manifest, ARTIFACT_FILES.papers, (bytes, file) => parsePapers(bytes, file, manifest.papers))
 * @param parse  Reads the bytes; may throw.
 */
export async function loadArtifact<T>(dir: string, manifest: Manifest, name: string, parse: (bytes: Buffer, file: string) => T | Promise<T>): Promise<T> {
  const file = path.join(dir, name);
  const expected = Object.hasOwn(manifest.files, name) ? manifest.files[name] : undefined;
  if (!expected) throw new IndexError(file, `not listed in ${ARTIFACT_FILES.manifest} (from another build or version); ${REBUILD_HINT}`);
  const bytes = await fs.readFile(file).catch(() => {
    throw new IndexError(file, `missing; ${REBUILD_HINT}`);
  });
  if (bytes.length !== expected.bytes) {
    throw new IndexError(file, `is ${bytes.length} bytes, the manifest says ${expected.bytes} (truncated or from another build); ${REBUILD_HINT}`);
  }
  if ((await finishInTurns(sha256Steps(bytes))) !== expected.sha256) {
    throw new IndexError(file, `checksum does not match the manifest (corrupted or from another build); ${REBUILD_HINT}`);
  }
  try {
    return await parse(bytes, file);
  } catch (err) {
    if (err instanceof IndexError) throw err;
    throw new IndexError(file, `cannot be read (${err instanceof Error ? err.message : String(err)}); ${REBUILD_HINT}`);
  }
}

/** Encodes papers one JSON object per line. */
export function encodePapers(papers: Paper[]): string {
  return papers.map((p) => JSON.stringify(p)).join('\n') + '\n';
}

/**
 * Parses papers.jsonl bytes, `expected` papers long. Each line is decoded on its own: decoded
 * whole, a 150 MB file with one non-ASCII character becomes one 300 MB two-byte string, and
 * making it cost as much as parsing every line (docs/BENCHMARKS.md).
 */
export function parsePapers(bytes: Buffer, file: string, expected: number): Paper[] {
  const papers: Paper[] = [];
  for (let start = 0; start < bytes.length; ) {
    const newline = bytes.indexOf(0x0a, start);
    const end = newline < 0 ? bytes.length : newline;
    if (end > start) papers.push(JSON.parse(bytes.toString('utf8', start, end)) as Paper);
    start = end + 1;
  }
  if (papers.length !== expected) throw new IndexError(file, `holds ${papers.length} papers, the manifest says ${expected}; ${REBUILD_HINT}`);
  return papers;
}

/** Little-endian Float32 bytes as `rows × cols` values: a view on `bytes`, copied only when they are not 4-byte aligned. */
export function float32Rows(bytes: Uint8Array, file: string, rows: number, cols: number): Float32Array {
  if (bytes.byteLength !== rows * cols * 4) {
    throw new IndexError(file, `is ${bytes.byteLength} bytes, expected ${rows} × ${cols} floats; ${REBUILD_HINT}`);
  }
  return float32View(bytes);
}
