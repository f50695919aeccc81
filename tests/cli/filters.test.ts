/**
 * `paperscope search` and `similar` with --from, --to, --cat and --topic, in-process on the
 * dated test index: src/cli/main.ts parses process.argv when imported, so each run sets argv,
 * imports a fresh copy and captures the output.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Paper } from '../../src/corpus/paper.js';
import type { Topics } from '../../src/map/topicTypes.js';
import { datedIndexDir } from '../helpers/datedIndex.js';

let dir: string;
let papers: Paper[];
let topics: Topics;
beforeAll(async () => {
  dir = await datedIndexDir();
  papers = (await fs.readFile(path.join(dir, 'papers.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as Paper);
  topics = JSON.parse(await fs.readFile(path.join(dir, 'topics.json'), 'utf8')) as Topics;
}, 120_000);

async function paperscope(...args: string[]): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  const argv = process.argv;
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => Boolean(out.push(String(chunk))));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => Boolean(err.push(String(chunk))));
  process.argv = ['node', 'paperscope', ...args];
  process.exitCode = 0;
  try {
    vi.resetModules();
    await import('../../src/cli/main.js');
    return { stdout: out.join(''), stderr: err.join(''), exitCode: Number(process.exitCode ?? 0) };
  } finally {
    process.argv = argv;
    process.exitCode = 0;
    vi.restoreAllMocks();
  }
}

afterEach(() => vi.restoreAllMocks());

const idsOf = (stdout: string) => (JSON.parse(stdout) as { results: Array<{ id: string }> }).results.map((r) => r.id);
const paperOf = (id: string) => papers.find((p) => p.id === id)!;

describe('paperscope search with filters', () => {
  it('prints only papers passing --from, --to and --cat, and says how many match', async () => {
    const filtered = ['--from', '2025-09', '--to', '2026', '--cat', 'cs.CL,cs.AI'];
    const json = await paperscope('search', 'language model agents', '-i', dir, '-k', '8', '--json', ...filtered);
    expect(json.exitCode).toBe(0);
    const ids = idsOf(json.stdout);
    expect(ids).toHaveLength(8);
    for (const id of ids) {
      const p = paperOf(id);
      expect(p.date! >= '2025-09' && p.date! <= '2026-12' && p.categories!.some((c) => c === 'cs.CL' || c === 'cs.AI')).toBe(true);
    }
    const matching = papers.filter((p) => p.date && p.date >= '2025-09' && p.date <= '2026-12' && p.categories!.some((c) => c === 'cs.CL' || c === 'cs.AI')).length;
    const text = await paperscope('search', 'language model agents', '-i', dir, ...filtered);
    expect(text.stdout).toContain(`(hybrid) (from 2025-09, to 2026-12, cat cs.CL,cs.AI: ${matching} papers match):`);
  });

  it('prints only papers of --topic', async () => {
    const topic = topics.clusters.find((c) => c.level === 1)!.id;
    const { stdout } = await paperscope('search', 'images', '-i', dir, '--json', '--mode', 'semantic', '--topic', String(topic));
    for (const id of idsOf(stdout)) expect(topics.assignments[papers.findIndex((p) => p.id === id)]).toBe(topic);
  });

  it.each([
    [['--from', '2025-13'], '--from: from must be a year (YYYY) or a month (YYYY-MM, month 01 to 12), got "2025-13"'],
    [['--from', '2026', '--to', '2025'], '--from: from (2026-01) is after to (2025-12)'],
    [['--topic', '99999'], '--topic: topic 99999 is not a topic of this index'],
  ])('stops with exit code 1 naming the flag for %j', async (flags, message) => {
    const { stderr, exitCode } = await paperscope('search', 'graphs', '-i', dir, ...flags);
    expect(exitCode).toBe(1);
    expect(stderr).toContain(message);
  });
});

describe('paperscope similar with filters', () => {
  it('prints only other papers passing the filters', async () => {
    const source = papers[30];
    const { stdout, exitCode } = await paperscope('similar', source.id, '-i', dir, '--json', '-k', '5', '--to', '2025-10');
    expect(exitCode).toBe(0);
    const ids = idsOf(stdout);
    expect(ids).toHaveLength(5);
    for (const id of ids) expect(id !== source.id && (paperOf(id).date ?? (paperOf(id).year ? `${paperOf(id).year}-01` : '9999')) <= '2025-10').toBe(true);
  });
});
