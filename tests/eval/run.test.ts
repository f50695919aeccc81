/**
 * runEval end to end on the hand-scored fixture (tests/fixtures/beir/mini/README.md has the
 * arithmetic): a real lexical-embedder build in a temporary folder, every judged query through
 * searchPapers in each mode, and the means compared with the figures worked out by hand.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { runEval, type EvalReport } from '../../src/eval/run.js';
import { tempDir } from '../helpers/tempDir.js';

const MINI = path.join(PROJECT_ROOT, 'tests', 'fixtures', 'beir', 'mini');
const LOG3 = Math.log2(3);

async function evalTempDirs(): Promise<string[]> {
  return (await fs.readdir(os.tmpdir())).filter((name) => name.startsWith('paperscope-eval-'));
}

let report: EvalReport;
let tempBefore: string[];

beforeAll(async () => {
  tempBefore = await evalTempDirs();
  report = await runEval({ dir: MINI, embedder: 'lexical' });
});

describe('runEval', () => {
  it('runs the judged queries that have a relevant document, and counts the rest', () => {
    expect(report.documents).toBe(13);
    expect(report.indexed).toBe(13);
    expect(report.untitled).toBe(1);
    expect(report.queries).toBe(6);
    expect(report.skippedQueries).toEqual({ notInQueriesFile: 1, noRelevantDocument: 1 });
    expect(report.missingDocuments).toBe(1);
    expect(report.embedder.kind).toBe('lexical');
  });

  it('scores lexical (BM25) mode as worked out by hand', () => {
    const lexical = report.modes.find((m) => m.mode === 'lexical')!;
    const ndcg = [1, 1 / LOG3, (1 + 2 / LOG3) / (2 + 1 / LOG3), 0, 1 / (1 + 1 / LOG3), 1 / (1 + 1 / LOG3)];
    expect(lexical.ndcg10).toBeCloseTo(ndcg.reduce((a, b) => a + b) / 6, 10);
    expect(lexical.recall10).toBeCloseTo(4 / 6, 10);
    expect(lexical.recall100).toBeCloseTo(4 / 6, 10);
    expect(lexical.mrr10).toBeCloseTo(4.5 / 6, 10);
  });

  it('ranks 100 deep in semantic and hybrid modes: every document for a query with a known word', () => {
    for (const mode of ['semantic', 'hybrid']) {
      expect(report.modes.find((m) => m.mode === mode)!.recall100, mode).toBeCloseTo(4.5 / 6, 10);
    }
  });

  it('reports modes in order with timings, and removes its temporary folder', async () => {
    expect(report.modes.map((m) => m.mode)).toEqual(['lexical', 'semantic', 'hybrid']);
    for (const m of report.modes) expect(m.queriesPerSecond).toBeGreaterThan(0);
    expect(report.build.seconds).toBeGreaterThan(0);
    expect(Object.keys(report.build.stages)).toEqual(expect.arrayContaining(['embed', 'hnsw', 'map']));
    const left = (await evalTempDirs()).filter((name) => !tempBefore.includes(name));
    expect(left).toEqual([]);
  });

  describe('when a query id is also a document id', () => {
    it("drops the query's own document, as BEIR does, unless told to keep it", async () => {
      const dir = await tempDir('beir-test');
      await fs.copyFile(path.join(MINI, 'corpus.jsonl'), path.join(dir, 'corpus.jsonl'));
      await fs.writeFile(path.join(dir, 'queries.jsonl'), '{"_id": "d7", "text": "antibiotic resistance"}\n');
      await fs.writeFile(path.join(dir, 'qrels.tsv'), 'd7\td7\t1\n');
      const dropped = await runEval({ dir, embedder: 'lexical', modes: ['lexical'] });
      const kept = await runEval({ dir, embedder: 'lexical', modes: ['lexical'], ignoreIdenticalIds: false });
      expect(dropped.modes[0].recall100).toBe(0);
      expect(kept.modes[0].recall100).toBe(1);
    });
  });

  it('throws if a mode is unknown', async () => {
    await expect(runEval({ dir: MINI, modes: ['fuzzy' as never] })).rejects.toThrow('eval: unknown mode "fuzzy": must be some of hybrid, semantic, lexical');
  });
});
