/**
 * Fault injection: `kill -9` of a real `paperscope build` (node dist/cli/main.js build) at seeded
 * random moments and at stage boundaries, over a folder holding a previous index. After every kill
 * the folder must load and answer exactly as the previous index did, or exactly as a complete new
 * build does: never a mix, never a half-written folder, no temporary folder left once loaded.
 */
import { readdirSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/pipeline/buildIndex.js';
import { DEFAULT_CORPUS } from '../../src/config.js';
import { createSeededRandom } from '../../src/util/random.js';
import { FUZZ_SEED, fuzzRuns } from '../fuzz/fuzzConfig.js';
import { answers, demoSubset, ensureCli, leftovers, runCli, spawnCli } from './helpers.js';
import { tempDir } from '../helpers/tempDir.js';

let main: string;
let work: string;
let oldCorpus: string;
let pristineOld: string;
let oldAnswers: unknown;
let newAnswers: unknown;
let buildMs: number;

beforeAll(async () => {
  main = await ensureCli();
  work = await tempDir('kill');
  oldCorpus = await demoSubset(path.join(work, 'old.txt'), 60);
  pristineOld = path.join(work, 'pristine', 'index');
  await buildIndex({ corpus: oldCorpus, out: pristineOld, embedder: 'lexical' });
  oldAnswers = await answers(pristineOld);
  // The reference new index, built by the CLI as the killed builds are; its wall time sets the kill window.
  const reference = path.join(work, 'reference', 'index');
  const start = performance.now();
  const built = await runCli(main, ['build', '--corpus', DEFAULT_CORPUS, '--out', reference, '--embedder', 'lexical']);
  buildMs = performance.now() - start;
  expect(built.code, built.stderr).toBe(0);
  newAnswers = await answers(reference);
});

type Trigger = { afterMs: number } | { marker: string; delayMs: number } | { whileWritingMs: number };

interface KillOutcome {
  trigger: string;
  stage: string;
  left: 'previous index' | 'new index' | 'build finished first';
  leftoversBeforeLoad: number;
}

/** The last stage the build reported on stderr before it died. */
function stageOf(output: string): string {
  const stages = [...output.matchAll(/^(corpus|lexical fit|embedder|hnsw|map|topics|wrote)\b/gm)].map((m) => m[1]);
  return stages.at(-1) ?? 'starting';
}

/** Puts the previous index in a fresh folder, starts a build of the full demo corpus over it, kills it at `trigger`. */
async function killBuild(n: number, trigger: Trigger): Promise<KillOutcome> {
  const indexDir = path.join(work, `target-${n}`, 'index');
  await fs.cp(pristineOld, indexDir, { recursive: true });
  const { child, done, output } = spawnCli(main, ['build', '--corpus', DEFAULT_CORPUS, '--out', indexDir, '--embedder', 'lexical']);
  let label: string;
  if ('afterMs' in trigger) {
    label = `${Math.round(trigger.afterMs)} ms`;
    setTimeout(() => child.kill('SIGKILL'), trigger.afterMs);
  } else {
    // Poll every millisecond for the moment: a line on stderr, or the new index's temporary folder appearing.
    const writing = 'whileWritingMs' in trigger;
    const delayMs = writing ? trigger.whileWritingMs : trigger.delayMs;
    label = writing ? `${delayMs} ms into writing` : `${delayMs} ms after "${trigger.marker}"`;
    const tmpPrefix = `.${path.basename(indexDir)}.tmp-`;
    const watch = setInterval(() => {
      const now = writing ? readdirSync(path.dirname(indexDir)).some((name) => name.startsWith(tmpPrefix)) : output().includes(trigger.marker);
      if (!now) return;
      clearInterval(watch);
      setTimeout(() => child.kill('SIGKILL'), delayMs);
    }, 1);
    void done.then(() => clearInterval(watch));
  }
  const finished = await done;
  const stage = finished.signal === 'SIGKILL' ? stageOf(finished.stdout + finished.stderr) : 'done';
  const leftoversBeforeLoad = (await leftovers(indexDir)).length;
  // Loading repairs an interrupted swap and removes the dead build's temporary folder.
  const seen = await answers(indexDir);
  expect(await leftovers(indexDir)).toEqual([]);
  const left = finished.signal !== 'SIGKILL' ? 'build finished first' : JSON.stringify(seen) === JSON.stringify(oldAnswers) ? 'previous index' : 'new index';
  expect(seen).toEqual(left === 'previous index' ? oldAnswers : newAnswers);
  await fs.rm(path.dirname(indexDir), { recursive: true, force: true });
  return { trigger: label, stage, left, leftoversBeforeLoad };
}

describe('kill -9 of a real build', () => {
  it('leaves the previous index or the complete new one, whenever it strikes', async () => {
    const random = createSeededRandom(FUZZ_SEED);
    const kills = fuzzRuns(3, true);
    // Stratified over the whole build (startup included) and a little past it.
    const triggers: Trigger[] = Array.from({ length: kills }, (_, i) => ({ afterMs: buildMs * ((i + random.uniform()) / kills) * 1.05 }));
    // And stage boundaries: after the embedder fit, and after the swap ("wrote …", the process is about to exit).
    for (const marker of ['embedder:', 'wrote']) triggers.push({ marker, delayMs: Math.floor(random.uniform() * 30) });
    // And while the new index is being written (its temporary folder exists; the whole write takes some 50 ms).
    for (let i = 0; i < 2; i++) triggers.push({ whileWritingMs: Math.floor(random.uniform() * 25) });
    const outcomes: KillOutcome[] = [];
    for (const [n, trigger] of triggers.entries()) outcomes.push(await killBuild(n, trigger));
    console.log(
      `faults: ${outcomes.length} × kill -9 of \`paperscope build\` (full build ${Math.round(buildMs)} ms, seed ${FUZZ_SEED}):\n` +
        outcomes.map((o) => `  at ${o.trigger.padEnd(24)} stage ${o.stage.padEnd(11)} → ${o.left}; ${o.leftoversBeforeLoad} temporary folder(s) before loading, 0 after`).join('\n'),
    );
    expect(outcomes.filter((o) => o.left !== 'build finished first').length).toBeGreaterThan(0);
  });
});
