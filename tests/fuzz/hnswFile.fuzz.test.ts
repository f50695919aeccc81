/**
 * Issue 18 item 3: a crafted hnsw.bin whose checksum matches must never kill the process.
 * Seeded mutations (bit flips, words set to edge values, truncation, extension), each with
 * its checksum and size recomputed in manifest.json, run in a child process that may die:
 * each must be refused with an IndexError or load into an index that answers searches.
 * `npm run bench:hnsw-fuzz` runs 1,000 (docs/SECURITY.md); FUZZ_RUNS=n here.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hnswFileProblem } from '../../src/ann/hnswFile.js';
import { fuzzHnswFile } from '../../src/bench/hnswFuzzRun.js';
import { float32Rows } from '../../src/store/indexFolder.js';
import { ensureCli } from '../faults/helpers.js';
import { demoIndexDir } from '../helpers/demoIndex.js';
import { FUZZ_SEED, fuzzRuns } from './fuzzConfig.js';

let work: string;
let index: string;
beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'paperscope-hnsw-fuzz-'));
  index = await demoIndexDir('lexical');
});
afterAll(() => fs.rm(work, { recursive: true, force: true }));

describe('hnswFileProblem on targeted damage', () => {
  let bytes: Buffer;
  let expected: Parameters<typeof hnswFileProblem>[1];
  beforeAll(async () => {
    bytes = await fs.readFile(path.join(index, 'hnsw.bin'));
    const manifest = JSON.parse(await fs.readFile(path.join(index, 'manifest.json'), 'utf8'));
    const vectors = float32Rows(await fs.readFile(path.join(index, 'vectors.f32')), 'vectors.f32', manifest.papers, manifest.embedder.dims);
    expected = { count: manifest.papers, dims: manifest.embedder.dims, vectors };
  });
  const damaged = (damage: (b: Buffer) => void) => {
    const copy = Buffer.from(bytes);
    damage(copy);
    return hnswFileProblem(copy, expected);
  };
  const level0 = (element: number) => 96 + element * bytes.readUInt32LE(24);

  it('accepts the graph the build wrote', () => {
    expect(hnswFileProblem(bytes, expected)).toBeUndefined();
  });

  it.each([
    ['an element count other than the manifest', (b: Buffer) => b.writeUInt32LE(bytes.readUInt32LE(16) + 1, 16), /header: holds 120 elements, the manifest says 119/],
    ['an entry point out of range', (b: Buffer) => b.writeUInt32LE(5000, 52), /header: entry point 5000 is not an element/],
    ['a top level of -1', (b: Buffer) => b.writeInt32LE(-1, 48), /header: top level -1 is out of range/],
    ['a link count past maxM0', (b: Buffer) => b.writeUInt16LE(999, level0(3)), /element 3, level 0: 999 links, more than the 48 allowed/],
    ['a neighbour id out of range', (b: Buffer) => b.writeUInt32LE(119, level0(7) + 4), /element 7, level 0: neighbour 119 is not another element/],
    ['a deleted mark', (b: Buffer) => (b[level0(2) + 2] = 1), /element 2: marked deleted/],
    ['a label other than its row', (b: Buffer) => b.writeUInt32LE(9, level0(4) + bytes.readUInt32LE(32)), /element 4: labelled 9, not its row 4/],
    ['a changed vector', (b: Buffer) => b.writeFloatLE(0.5, level0(5) + bytes.readUInt32LE(40)), /element 5: its vector differs from row 5 of vectors\.f32/],
  ])('refuses %s', (_name, damage, problem) => {
    expect(damaged(damage)).toMatch(problem);
  });

  it('refuses a file with a byte cut off or added', () => {
    expect(hnswFileProblem(bytes.subarray(0, bytes.length - 1), expected)).toMatch(new RegExp(`is ${bytes.length - 1} bytes, its element tables end at|cut short`));
    expect(hnswFileProblem(Buffer.concat([bytes, Buffer.alloc(1)]), expected)).toBe(`is ${bytes.length + 1} bytes, its element tables end at ${bytes.length}`);
  });
});

describe('1,000-style mutation fuzz of the loader (in a child process)', () => {
  it('never kills the process: each mutation is refused with an IndexError or answers searches', async () => {
    const main = await ensureCli();
    const runs = fuzzRuns(150);
    const summary = await fuzzHnswFile({ index, work: path.join(work, 'mutated'), runs, seed: FUZZ_SEED, childScript: path.join(path.dirname(main), '..', 'bench', 'hnswFuzzChild.js') });
    expect(summary.deaths).toEqual([]);
    expect(summary.failed).toEqual([]);
    expect(summary.refused + summary.answered).toBe(runs);
    expect(summary.refused).toBeGreaterThan(0);
    expect(summary.answered).toBeGreaterThan(0);
    console.log(`fuzz: ${runs} hnsw.bin mutations: ${summary.refused} refused, ${summary.answered} answered searches, 0 deaths; ${JSON.stringify(summary.reasons)}`);
  }, 300_000);
});
