/**
 * `paperscope search --file` and `paperscope missing --text --refs` as a user runs them,
 * in-process (tests/helpers/cli.ts), on the arXiv-style demo index.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { arxivDemo, type ArxivDemo } from '../helpers/arxivIndex.js';
import { paperscope } from '../helpers/cli.js';

afterEach(() => vi.restoreAllMocks());

let demo: ArxivDemo;
let dir: string;
beforeAll(async () => {
  demo = await arxivDemo();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'paperscope-cli-text-'));
});

describe('paperscope search --file', () => {
  it('searches with a whole abstract read from a file, the paper itself first', async () => {
    const paper = demo.engine.index.papers[7];
    const file = path.join(dir, 'draft.txt');
    await fs.writeFile(file, paper.abstract);
    const { stdout, exitCode } = await paperscope('search', '--file', file, '-i', demo.engine.index.dir, '-k', '3', '--json', '--mode', 'lexical');
    expect(exitCode).toBe(0);
    expect(JSON.parse(stdout).results[0].id).toBe(paper.id);
  });

  it('asks for a query or a file, not both, and names an unreadable file', async () => {
    const both = await paperscope('search', 'graphs', '--file', 'x.txt', '-i', demo.engine.index.dir);
    expect(both.stderr).toMatch(/give a query or --file <file>, not both/);
    const missing = await paperscope('search', '--file', path.join(dir, 'nope.txt'), '-i', demo.engine.index.dir);
    expect(missing.stderr).toMatch(/--file .*nope\.txt: cannot read it \(ENOENT\)/);
    expect(missing.exitCode).toBe(1);
  });
});

describe('paperscope missing', () => {
  it('reads a draft and a .bib file and prints how each reference matched and what is missing', async () => {
    const [cited, other] = [demo.engine.index.papers[1], demo.engine.index.papers[4]];
    const text = path.join(dir, 'draft.txt');
    const refs = path.join(dir, 'refs.bib');
    await fs.writeFile(text, `${cited.abstract} ${other.abstract}`);
    await fs.writeFile(refs, `@misc{a, title={${cited.title}}, eprint={${cited.id}v1}, archivePrefix={arXiv}}\n@misc{b, title={No such paper at all in here}}`);
    const { stdout, exitCode } = await paperscope('missing', '--text', text, '--refs', refs, '-i', demo.engine.index.dir, '-k', '5', '--json');
    expect(exitCode).toBe(0);
    const body = JSON.parse(stdout);
    expect(body.matched.map((m: { id: string | null; how?: string }) => [m.id, m.how ?? null])).toEqual([[cited.id, 'arxiv'], [null, null]]);
    expect(body.results.map((r: { id: string }) => r.id)).toContain(other.id);
    expect(body.results.map((r: { id: string }) => r.id)).not.toContain(cited.id);
    const plain = await paperscope('missing', '--text', text, '--refs', refs, '-i', demo.engine.index.dir, '-k', '5');
    expect(plain.stdout).toMatch(/references: 1 of 2 found in the index/);
    expect(plain.stdout).toContain(`arxiv: ${cited.id}`);
  });

  it('needs --text or --refs', async () => {
    const { stderr, exitCode } = await paperscope('missing', '-i', demo.engine.index.dir);
    expect(stderr).toMatch(/give --text <file>, --refs <file> or both/);
    expect(exitCode).toBe(1);
  });
});
