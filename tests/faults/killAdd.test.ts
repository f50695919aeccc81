/**
 * Fault injection: `kill -9` of a real `paperscope add` at seeded random moments and while it
 * writes, over a folder holding a built index. After every kill the folder must load and answer
 * exactly as the old index did, or exactly as a complete add gives: never a mix.
 */
import { readdirSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/pipeline/buildIndex.js';
import { createSeededRandom } from '../../src/util/random.js';
import { FUZZ_SEED, fuzzRuns } from '../fuzz/fuzzConfig.js';
import { splitDemoCorpus } from '../helpers/splitCorpus.js';
import { answers, ensureCli, leftovers, runCli, spawnCli } from './helpers.js';
import { tempDir } from '../helpers/tempDir.js';

let main: string;
let work: string;
let pristine: string;
let incoming: string;
let oldAnswers: unknown;
let newAnswers: unknown;
let addMs: number;

beforeAll(async () => {
  main = await ensureCli();
  work = await tempDir('kill-add');
  const split = await splitDemoCorpus(work, 60);
  incoming = split.batches[0];
  pristine = path.join(work, 'pristine', 'index');
  await buildIndex({ corpus: split.base, out: pristine, embedder: 'lexical' });
  oldAnswers = await answers(pristine);
  const reference = path.join(work, 'reference', 'index');
  await fs.cp(pristine, reference, { recursive: true });
  const start = performance.now();
  const added = await runCli(main, ['add', '--index', reference, incoming]);
  addMs = performance.now() - start;
  expect(added.code, added.stderr).toBe(0);
  newAnswers = await answers(reference);
});


type Trigger = { afterMs: number } | { whileWritingMs: number };

/** Copies the old index to a fresh folder, starts an add over it and kills it at `trigger`; returns what the folder then holds. */
async function killAdd(n: number, trigger: Trigger): Promise<string> {
  const indexDir = path.join(work, `target-${n}`, 'index');
  await fs.cp(pristine, indexDir, { recursive: true });
  const { child, done } = spawnCli(main, ['add', '--index', indexDir, incoming]);
  if ('afterMs' in trigger) {
    setTimeout(() => child.kill('SIGKILL'), trigger.afterMs);
  } else {
    const tmpPrefix = `.${path.basename(indexDir)}.tmp-`;
    const watch = setInterval(() => {
      if (!readdirSync(path.dirname(indexDir)).some((name) => name.startsWith(tmpPrefix))) return;
      clearInterval(watch);
      setTimeout(() => child.kill('SIGKILL'), trigger.whileWritingMs);
    }, 1);
    void done.then(() => clearInterval(watch));
  }
  const finished = await done;
  const seen = await answers(indexDir);
  expect(await leftovers(indexDir)).toEqual([]);
  const left = finished.signal !== 'SIGKILL' ? 'add finished first' : JSON.stringify(seen) === JSON.stringify(oldAnswers) ? 'old index' : 'new index';
  expect(seen).toEqual(left === 'old index' ? oldAnswers : newAnswers);
  await fs.rm(path.dirname(indexDir), { recursive: true, force: true });
  return left;
}

describe('kill -9 of a real add', () => {
  it('leaves the old index or the complete new one, whenever it strikes', async () => {
    const random = createSeededRandom(FUZZ_SEED);
    const kills = fuzzRuns(3, true);
    const triggers: Trigger[] = Array.from({ length: kills }, (_, i) => ({ afterMs: addMs * ((i + random.uniform()) / kills) * 1.05 }));
    for (let i = 0; i < 2; i++) triggers.push({ whileWritingMs: Math.floor(random.uniform() * 20) });
    const outcomes: string[] = [];
    for (const [n, trigger] of triggers.entries()) outcomes.push(await killAdd(n, trigger));
    console.log(`faults: ${outcomes.length} × kill -9 of \`paperscope add\` (full add ${Math.round(addMs)} ms, seed ${FUZZ_SEED}): ${outcomes.join(', ')}`);
    expect(outcomes.filter((o) => o !== 'add finished first').length).toBeGreaterThan(0);
  });
});
