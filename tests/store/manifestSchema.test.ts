/**
 * Issue 18 item 6: a damaged manifest.json is blamed on manifest.json, naming the field,
 * never on an artifact whose size or checksum it no longer gives.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IndexError } from '../../src/store/indexFolder.js';
import { loadIndex } from '../../src/search/loadIndex.js';
import { demoIndexDir } from '../helpers/demoIndex.js';

let work: string;
let source: string;
let manifestText: string;
beforeAll(async () => {
  source = await demoIndexDir('lexical');
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'paperscope-manifest-'));
  manifestText = await fs.readFile(path.join(source, 'manifest.json'), 'utf8');
});
afterAll(() => fs.rm(work, { recursive: true, force: true }));

let copies = 0;
/** A copy of the demo index whose manifest.json text is `text`. */
async function withManifest(text: string): Promise<string> {
  const dir = path.join(work, `copy-${copies++}`);
  await fs.cp(source, dir, { recursive: true });
  await fs.writeFile(path.join(dir, 'manifest.json'), text);
  return dir;
}

async function loadError(dir: string): Promise<IndexError | undefined> {
  try {
    await loadIndex(dir);
    return undefined;
  } catch (err) {
    expect(err).toBeInstanceOf(IndexError);
    return err as IndexError;
  }
}

describe('a damaged manifest.json', () => {
  it('with a flipped byte in a field name names manifest.json and the field', async () => {
    const at = manifestText.indexOf('"bytes"', manifestText.indexOf('"vectors.f32"'));
    const flipped = `${manifestText.slice(0, at + 1)}c${manifestText.slice(at + 2)}`;
    const error = await loadError(await withManifest(flipped));
    expect(error?.file).toBe(path.join(work, `copy-${copies - 1}`, 'manifest.json'));
    expect(error?.message).toContain('files.vectors.f32.bytes: is missing');
    expect(error?.message).not.toContain('undefined');
  });

  it.each([
    ['a negative size', (m: any) => (m.files['hnsw.bin'].bytes = -1), /files\.hnsw\.bin\.bytes/],
    ['a checksum that is not hex', (m: any) => (m.files['map.f32'].sha256 = 'zz'), /files\.map\.f32\.sha256: must be 64 lower-case hex digits/],
    ['a paper count that is text', (m: any) => (m.papers = '119'), /papers: /],
    ['dims of 0', (m: any) => (m.embedder.dims = 0), /embedder\.dims: /],
    ['an unknown embedder kind', (m: any) => (m.embedder.kind = 'lexicaL'), /embedder\.kind: must be "transformer" or "lexical"/],
    ['no corpus checksum', (m: any) => delete m.corpus.sha256, /corpus\.sha256: is missing/],
    ['files that is a list', (m: any) => (m.files = []), /files: /],
  ])('with %s is refused naming manifest.json and the field', async (_name, damage, problem) => {
    const manifest = JSON.parse(manifestText);
    damage(manifest);
    const error = await loadError(await withManifest(JSON.stringify(manifest)));
    expect(error?.message).toMatch(/manifest\.json: damaged or incomplete: /);
    expect(error?.message).toMatch(problem);
  });

  it('with any one letter of any field name changed is refused naming manifest.json, or still loads', async () => {
    const names = [...manifestText.matchAll(/"([a-zA-Z0-9]+)":/g)];
    expect(names.length).toBeGreaterThan(20);
    for (const match of names) {
      const at = match.index + 1;
      const flipped = `${manifestText.slice(0, at)}${manifestText[at] === 'q' ? 'r' : 'q'}${manifestText.slice(at + 1)}`;
      const error = await loadError(await withManifest(flipped));
      if (error) expect(error.file, `"${match[1]}" renamed`).toMatch(/manifest\.json$/);
    }
  }, 120_000);
});
