/**
 * Fault injection: corrupted index artifacts. The real server (`node dist/cli/main.js serve`)
 * must refuse to start, exit non-zero and name the file, for a flipped byte in the HNSW graph,
 * a truncated vector file and a manifest from another build; and loadIndex must refuse every
 * artifact flipped, truncated, extended or deleted (seeded offsets), naming that file.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IndexError } from '../../src/store/indexFolder.js';
import { INDEX_SCHEMA_VERSION } from '../../src/config.js';
import { buildIndex } from '../../src/pipeline/buildIndex.js';
import { createSeededRandom } from '../../src/util/random.js';
import { loadIndex } from '../../src/search/loadIndex.js';
import { demoIndexDir, schema2Copy } from '../helpers/demoIndex.js';
import { FUZZ_SEED } from '../fuzz/fuzzConfig.js';
import { answers, demoSubset, ensureCli, runCli } from './helpers.js';
import { tempDir } from '../helpers/tempDir.js';

let main: string;
let work: string;
let source: string;
let sourceAnswers: Awaited<ReturnType<typeof answers>>;
let otherManifest: string;
const random = createSeededRandom(FUZZ_SEED);
const pick = (n: number) => Math.floor(random.uniform() * n);

beforeAll(async () => {
  [main, source] = await Promise.all([ensureCli(), demoIndexDir('lexical')]);
  work = await tempDir('corrupt');
  const other = path.join(work, 'other', 'index');
  await buildIndex({ corpus: await demoSubset(path.join(work, 'other.txt'), 40), out: other, embedder: 'lexical' });
  otherManifest = path.join(other, 'manifest.json');
  sourceAnswers = await answers(source);
});

afterAll(async () => {
});

let copies = 0;
/** A fresh copy of the demo index with `damage` applied to it. */
async function damagedCopy(damage: (dir: string) => Promise<void>): Promise<string> {
  const dir = path.join(work, `copy-${copies++}`, 'index');
  await fs.cp(source, dir, { recursive: true });
  await damage(dir);
  return dir;
}

async function flipByte(file: string): Promise<number> {
  const bytes = await fs.readFile(file);
  const at = pick(bytes.length);
  bytes[at] ^= 1 + pick(255);
  await fs.writeFile(file, bytes);
  return at;
}

async function truncate(file: string): Promise<number> {
  const { size } = await fs.stat(file);
  const to = pick(size);
  await fs.truncate(file, to);
  return to;
}

describe('serve on a corrupted index', () => {
  it.each([
    ['a flipped byte in the HNSW graph', 'hnsw.bin', (dir: string) => flipByte(path.join(dir, 'hnsw.bin')), /hnsw\.bin: checksum does not match the manifest/],
    ['a truncated vector file', 'vectors.f32', (dir: string) => truncate(path.join(dir, 'vectors.f32')), /vectors\.f32: is \d+ bytes, the manifest says \d+/],
    ['a manifest from another build', 'papers.jsonl', (dir: string) => fs.copyFile(otherManifest, path.join(dir, 'manifest.json')), /papers\.jsonl: .*(manifest says|does not match the manifest).*another build/],
  ])('refuses to start with %s, naming the file', async (_name, file, damage, problem) => {
    const dir = await damagedCopy(async (d) => void (await damage(d)));
    const served = await runCli(main, ['serve', '--index', dir, '--port', '0'], 30_000);
    expect(served.signal, 'the server must exit by itself').toBeNull();
    expect(served.code).not.toBe(0);
    expect(served.stderr).toContain(`index: ${path.join(dir, file)}`);
    expect(served.stderr).toMatch(problem);
    expect(served.stderr).toMatch(/rebuild it with `paperscope build`/);
    expect(served.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses an index written by an older paperscope (schema 2), saying how to rebuild it', async () => {
    const dir = await schema2Copy(source, path.join(work, `copy-${copies++}`, 'index'));
    const served = await runCli(main, ['serve', '--index', dir, '--port', '0'], 30_000);
    expect(served.signal, 'the server must exit by itself').toBeNull();
    expect(served.code).not.toBe(0);
    expect(served.stderr).toContain(`index: ${path.join(dir, 'manifest.json')}: schema version 2 is not ${INDEX_SCHEMA_VERSION}`);
    expect(served.stderr).toMatch(/rebuild it with `paperscope build`/);
    expect(served.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('loadIndex on every artifact damaged', () => {
  it('refuses each flipped, truncated, extended or deleted file with an IndexError naming it', async () => {
    const names = (await fs.readdir(source)).filter((name) => name !== 'manifest.json');
    const damages: Record<string, (file: string) => Promise<unknown>> = {
      'a flipped byte': flipByte,
      truncation: truncate,
      'an extra byte': (file) => fs.appendFile(file, Buffer.from([pick(256)])),
      deletion: (file) => fs.rm(file),
    };
    const refused: string[] = [];
    for (const name of names) {
      for (const [how, damage] of Object.entries(damages)) {
        const dir = await damagedCopy((d) => damage(path.join(d, name)).then(() => undefined));
        const error = await loadIndex(dir).then(() => undefined, (err: unknown) => err);
        expect(error, `${how} in ${name}`).toBeInstanceOf(IndexError);
        expect((error as IndexError).file, `${how} in ${name}`).toBe(path.join(dir, name));
        refused.push(`${name} (${how})`);
      }
    }
    console.log(`faults: loadIndex refused ${refused.length} damaged artifacts, each naming its file: ${names.join(', ')} × ${Object.keys(damages).join(', ')}`);
  });

  it('loads unchanged or refuses when the manifest itself has a flipped byte, never answers differently', async () => {
    const text = await fs.readFile(path.join(source, 'manifest.json'), 'latin1');
    // Seeded random offsets, plus the first character of the values that steer loading.
    const fields = ['"schemaVersion": ', '"kind": "', '"dims": ', '"papers": '].map((key) => text.indexOf(key) + key.length);
    const offsets = [...fields, ...Array.from({ length: 24 }, () => pick(text.length))];
    const outcomes = { refused: 0, harmless: 0 };
    for (const at of offsets) {
      const dir = await damagedCopy(async (d) => {
        const bytes = await fs.readFile(path.join(d, 'manifest.json'));
        bytes[at] ^= 1;
        await fs.writeFile(path.join(d, 'manifest.json'), bytes);
      });
      const loaded = await loadIndex(dir).then(() => true, (err: unknown) => {
        expect(err, `flipped byte ${at}: ${String(err)}`).toBeInstanceOf(IndexError);
        return false;
      });
      if (loaded) expect((await answers(dir)).results).toEqual(sourceAnswers.results);
      outcomes[loaded ? 'harmless' : 'refused']++;
    }
    console.log(`faults: ${offsets.length} flipped bytes in manifest.json: ${outcomes.refused} refused with an IndexError, ${outcomes.harmless} harmless (metadata such as builtAt), none answered a search differently`);
  });
});
