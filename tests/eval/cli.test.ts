/**
 * `paperscope eval` as a user runs it, in-process: the program of src/cli/program.ts parses the
 * arguments through the same runCommand as the real entry point, and stdout is captured.
 */
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { paperscope } from '../helpers/cli.js';

const MINI = path.join(PROJECT_ROOT, 'tests', 'fixtures', 'beir', 'mini');


afterEach(() => vi.restoreAllMocks());

describe('paperscope eval', () => {
  it('prints what it evaluated, one row per mode with the four figures and queries/s, and the machine', async () => {
    const { stdout, exitCode } = await paperscope('eval', MINI, '--embedder', 'lexical', '--modes', 'lexical,semantic');
    expect(exitCode).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`paperscope eval: ${MINI} (k = 100, mean over queries)`);
    expect(stdout).toContain('corpus    corpus.jsonl: 13 documents, 13 indexed; 1 without title, 0 without text');
    expect(stdout).toContain('queries   queries.jsonl: 6 judged queries run; skipped 1 judged but missing, 1 with no relevant document');
    expect(stdout).toContain('qrels     qrels-test.tsv; 1 relevant ids not in the corpus');
    expect(stdout).toContain('embedder  lexical (TF-IDF + LSA');
    expect(stdout).toMatch(/^build +[\d.]+ s \(parse [\d.]+, embed [\d.]+, hnsw [\d.]+, knn [\d.]+, map [\d.]+/m);
    const header = lines.findIndex((l) => l.startsWith('mode'));
    expect(lines[header].split(/\s+/)).toEqual(['mode', 'nDCG@10', 'Recall@10', 'Recall@100', 'MRR@10', 'queries/s']);
    expect(lines[header + 1]).toMatch(/^lexical +0\.6195 +0\.6667 +0\.6667 +0\.7500 +[\d.]+$/);
    expect(lines[header + 2]).toMatch(/^semantic +[\d.]+ +[\d.]+ +0\.7500 +[\d.]+ +[\d.]+$/);
    expect(lines[lines.length - 1]).toMatch(/^machine +\d+ cores, .+, Node v\d+\.\d+\.\d+, load average [\d. ]+$/);
  });

  it('prints the report as JSON with --json', async () => {
    const { stdout } = await paperscope('eval', MINI, '--embedder', 'lexical', '--modes', 'lexical', '--json');
    const report = JSON.parse(stdout);
    expect(report.modes).toHaveLength(1);
    expect(report.modes[0]).toMatchObject({ mode: 'lexical', queries: 6, mrr10: 0.75 });
    expect(report.modes[0].ndcg10).toBeCloseTo(0.61949, 5);
    expect(report.embedder).toMatchObject({ kind: 'lexical' });
    expect(report.machine.cores).toBeGreaterThan(0);
  });

  it('fails with one line and exit code 1 when the folder has no benchmark files', async () => {
    const { stderr, exitCode } = await paperscope('eval', path.join(MINI, 'nope'), '--embedder', 'lexical');
    expect(exitCode).toBe(1);
    expect(stderr).toBe(`paperscope: eval: ${path.join(MINI, 'nope')}: cannot read the folder (ENOENT)\n`);
  });
});
