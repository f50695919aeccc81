import fs from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { float32Rows, IndexError, loadArtifact, parsePapers, readManifest, recoverInterruptedSwap, writeIndexFolder } from '../../src/store/indexFolder.js';
import { replaceDirAtomically } from '../../src/store/atomicDir.js';
import { tempDir } from '../helpers/tempDir.js';

let parent: string;
let target: string;
const manifestFields = {
  embedder: { kind: 'lexical' as const, model: 'lsa-tfidf', dims: 2 },
  papers: 0,
  corpus: { file: 'c.txt', format: 'trending', sha256: 'x' },
  build: {},
  builtAt: '2026-01-01T00:00:00.000Z',
};

beforeEach(async () => {
  parent = await tempDir('artifacts');
  target = path.join(parent, 'index');
});

describe('writeIndexFolder', () => {
  it('writes the files and a manifest with the sha256 and size of each', async () => {
    const manifest = await writeIndexFolder(target, { 'a.txt': 'hello', 'b.bin': new Uint8Array([1, 2, 3]) }, manifestFields);
    expect(await fs.readFile(path.join(target, 'a.txt'), 'utf8')).toBe('hello');
    expect(manifest.files['a.txt']).toEqual({ sha256: '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824', bytes: 5 });
    expect(await readManifest(target)).toEqual(manifest);
    await expect(loadArtifact(target, manifest, 'a.txt', (bytes) => bytes.toString())).resolves.toBe('hello');
  });

  it('leaves no temporary folder behind', async () => {
    await writeIndexFolder(target, { 'a.txt': 'one' }, manifestFields);
    await writeIndexFolder(target, { 'a.txt': 'two' }, manifestFields);
    expect(await fs.readdir(parent)).toEqual(['index']);
  });

  describe('when writing fails midway', () => {
    it('keeps the previous folder intact and removes the temporary one', async () => {
      await writeIndexFolder(target, { 'a.txt': 'old' }, manifestFields);
      const failing = async () => {
        throw new Error('disk full');
      };
      await expect(writeIndexFolder(target, { 'a.txt': 'new', 'b.txt': failing }, manifestFields)).rejects.toThrow('disk full');
      expect(await fs.readFile(path.join(target, 'a.txt'), 'utf8')).toBe('old');
      expect(await fs.readdir(parent)).toEqual(['index']);
    });
  });
});

describe('loadArtifact', () => {
  const asText = (bytes: Buffer) => bytes.toString();

  it('names the file whose bytes changed', async () => {
    const manifest = await writeIndexFolder(target, { 'a.txt': 'hello' }, manifestFields);
    await fs.writeFile(path.join(target, 'a.txt'), 'jello');
    await expect(loadArtifact(target, manifest, 'a.txt', asText)).rejects.toThrow(/a\.txt: checksum does not match/);
  });

  it('names a truncated file', async () => {
    const manifest = await writeIndexFolder(target, { 'a.txt': 'hello' }, manifestFields);
    await fs.writeFile(path.join(target, 'a.txt'), 'hel');
    await expect(loadArtifact(target, manifest, 'a.txt', asText)).rejects.toThrow(/a\.txt: is 3 bytes, the manifest says 5/);
  });

  it('names a missing file, and one the manifest does not list', async () => {
    const manifest = await writeIndexFolder(target, { 'a.txt': 'hello' }, manifestFields);
    await fs.writeFile(path.join(target, 'b.txt'), 'extra');
    await expect(loadArtifact(target, manifest, 'b.txt', asText)).rejects.toThrow(/b\.txt: not listed in manifest\.json/);
    await fs.rm(path.join(target, 'a.txt'));
    await expect(loadArtifact(target, manifest, 'a.txt', asText)).rejects.toThrow(/a\.txt: missing/);
  });

  it('checks the checksum before parsing: damaged bytes are reported as such, not as what the parser made of them', async () => {
    const manifest = await writeIndexFolder(target, { 'a.json': '{"ok":true}' }, manifestFields);
    await fs.writeFile(path.join(target, 'a.json'), '{"ok":tru!}');
    await expect(loadArtifact(target, manifest, 'a.json', (bytes) => JSON.parse(bytes.toString()))).rejects.toThrow(/a\.json: checksum does not match/);
  });

  it('turns a parse failure of intact bytes into an IndexError naming the file', async () => {
    const manifest = await writeIndexFolder(target, { 'a.json': 'not json' }, manifestFields);
    const error = await loadArtifact(target, manifest, 'a.json', (bytes) => JSON.parse(bytes.toString())).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(IndexError);
    expect((error as IndexError).message).toMatch(/a\.json: cannot be read \(.*JSON.*\); rebuild it/);
  });
});

describe('parsePapers', () => {
  it('reads one paper per line, non-ASCII text included, and checks the count', () => {
    const bytes = Buffer.from('{"id":"1","title":"Naïve ∞","abstract":"a"}\n\n{"id":"2","title":"B","abstract":"b"}\n');
    expect(parsePapers(bytes, 'papers.jsonl', 2).map((p) => p.title)).toEqual(['Naïve ∞', 'B']);
    expect(() => parsePapers(bytes, 'papers.jsonl', 3)).toThrow(/papers\.jsonl: holds 2 papers, the manifest says 3/);
  });
});

describe('float32Rows', () => {
  it('reads little-endian floats, also from bytes that do not start on a 4-byte boundary', () => {
    const floats = Float32Array.of(1.5, -2, 3.25, 4);
    const shifted = new Uint8Array(17);
    shifted.set(new Uint8Array(floats.buffer), 1);
    expect(Array.from(float32Rows(shifted.subarray(1), 'f', 2, 2))).toEqual([1.5, -2, 3.25, 4]);
    expect(() => float32Rows(shifted, 'f', 2, 2)).toThrow(/f: is 17 bytes, expected 2 × 2 floats/);
  });
});

describe('readManifest', () => {
  it('throws IndexError with a build hint when there is no index', async () => {
    await expect(readManifest(target)).rejects.toThrow(IndexError);
    await expect(readManifest(target)).rejects.toThrow(/paperscope build/);
  });

  it('refuses another schema version', async () => {
    await writeIndexFolder(target, {}, manifestFields);
    const file = path.join(target, 'manifest.json');
    const manifest = JSON.parse(await fs.readFile(file, 'utf8'));
    await fs.writeFile(file, JSON.stringify({ ...manifest, schemaVersion: 999 }));
    await expect(readManifest(target)).rejects.toThrow(/schema version 999/);
  });
});

describe('recoverInterruptedSwap', () => {
  it('restores the previous folder when a swap stopped between its renames', async () => {
    await replaceDirAtomically(target, async (dir) => fs.writeFile(path.join(dir, 'a.txt'), 'old'));
    await fs.rename(target, path.join(parent, '.index.previous'));
    await recoverInterruptedSwap(target);
    expect(await fs.readFile(path.join(target, 'a.txt'), 'utf8')).toBe('old');
  });

  it('removes temporary folders of builds that are gone', async () => {
    await fs.mkdir(path.join(parent, '.index.tmp-999999999-abc'));
    await fs.mkdir(path.join(parent, `.index.tmp-${process.pid}-abc`));
    await recoverInterruptedSwap(target);
    expect(await fs.readdir(parent)).toEqual([`.index.tmp-${process.pid}-abc`]);
  });
});
