/**
 * POST /api/missing and the reference resolution behind it, on a demo index whose papers carry
 * arXiv-style ids and DOIs (tests/helpers/arxivIndex.ts): BibTeX as arXiv and Google Scholar
 * export it, old- and new-style arXiv ids with versions, DOIs and titles with typos each
 * resolve and say how; matched references and papers of the same title never come back;
 * related papers do.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Express } from 'express';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { parseReferences } from '../../src/references/parse.js';
import { resolveReferences } from '../../src/references/resolve.js';
import { arxivDemo, type ArxivDemo } from '../helpers/arxivIndex.js';
import { readyApp } from '../server/fixtures.js';

let demo: ArxivDemo;
let app: Express;
const title = (row: number) => demo.engine.index.papers[row].title;
const idAt = (row: number) => demo.engine.index.papers[row].id;

/** `text` with the letters at two positions swapped (a typo), away from its ends. */
const typo = (text: string) => `${text.slice(0, 8)}${text[9]}${text[8]}${text.slice(10)}`;

beforeAll(async () => {
  demo = await arxivDemo();
  app = readyApp(demo.engine);
});

function resolve(references: string) {
  return resolveReferences(demo.engine.index, demo.engine.index.bm25, parseReferences(references)).map(({ id, how }) => ({ id, how }));
}

describe('resolving references', () => {
  it('reads BibTeX as arXiv, Google Scholar and journals export it', () => {
    const bibtex = `
@misc{first2025,
      title={${title(0)}},
      author={Ada Lovelace and Alan Turing},
      year={2025},
      eprint={hep-th/9900000v2},
      archivePrefix={arXiv},
      primaryClass={hep-th},
      url={https://arxiv.org/abs/hep-th/9900000v2},
}
@article{second2025,
  title={${title(1)}},
  author={Noether, Emmy},
  journal={arXiv preprint arXiv:2506.10001},
  year={2025}
}
@article{third,
  title = "{${title(2).replace(/ /g, '  ')}}",
  journal = "Journal of Examples",
  doi = "10.5555/DEMO.2"
}
@misc{fourth, title = {Something else entirely}, doi = {10.48550/arXiv.2506.10004}}
@inproceedings{fifth, title = {${typo(title(5))}}, booktitle = {NeurIPS}}
@article{broken, title = {never closed`;
    expect(resolve(bibtex)).toEqual([
      { id: idAt(0), how: 'arxiv' },
      { id: idAt(1), how: 'arxiv' },
      { id: idAt(2), how: 'doi' },
      { id: idAt(4), how: 'doi' },
      { id: idAt(5), how: 'fuzzy-title' },
      { id: null, how: undefined },
    ]);
  });

  it('reads one id, DOI or title per line, with list marks, prefixes, versions and links', () => {
    const lines = [
      '[1] arXiv:2506.10007v3',
      '- https://arxiv.org/abs/hep-th/9900006v2',
      '3. HEP-TH/9900009',
      'doi:10.5555/DEMO.8',
      `https://doi.org/10.5555/demo.11`,
      `  ${title(14).toLowerCase().replace(/[^a-z0-9 ]/g, ' ')}!  `,
      typo(title(17)),
      'Basket weaving techniques of the early bronze age',
      '',
    ].join('\n');
    expect(resolve(lines)).toEqual([
      { id: '2506.10007', how: 'arxiv' },
      { id: 'hep-th/9900006', how: 'arxiv' },
      { id: 'hep-th/9900009', how: 'arxiv' },
      { id: idAt(8), how: 'doi' },
      { id: idAt(11), how: 'doi' },
      { id: idAt(14), how: 'title' },
      { id: idAt(17), how: 'fuzzy-title' },
      { id: null, how: undefined },
    ]);
  });

  it('does not take a different paper of shared words for a title', () => {
    const words = title(20).split(' ');
    const mixed = [...words.slice(0, Math.ceil(words.length / 2)), 'for quantum chemistry of large molecules'].join(' ');
    expect(resolve(mixed)).toEqual([{ id: null, how: undefined }]);
  });
});

interface LabelledQuery {
  query: string;
  relevant: Record<string, number>;
}

describe('POST /api/missing', () => {
  const queries: LabelledQuery[] = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'data', 'queries', 'demo-queries.json'), 'utf8')).queries;

  it('finds related papers the references left out, never a reference or a paper of its title', async () => {
    const topic = queries.find((q) => q.query === 'routing tokens to experts')!;
    const relevant = Object.keys(topic.relevant).map((id) => demo.idOf.get(id)!);
    const cited = relevant.slice(0, 4);
    const duplicateOf = demo.duplicate.of;
    const references = [...cited, duplicateOf].map((id) => (id.includes('/') || /^\d/.test(id) ? id : title(demo.engine.index.rowById.get(id)!))).join('\n');
    const res = await request(app).post('/api/missing').send({ text: topic.query, references, k: 20 }).expect(200);
    expect(res.body.matched.map((m: { id: string }) => m.id)).toEqual([...cited, duplicateOf]);
    const ids: string[] = res.body.results.map((r: { id: string }) => r.id);
    expect(ids.length).toBe(20);
    for (const id of [...cited, duplicateOf, demo.duplicate.id]) expect(ids).not.toContain(id);
    const found = relevant.slice(4).filter((id) => ids.includes(id));
    expect(found.length).toBeGreaterThanOrEqual(Math.ceil((relevant.length - 4) / 2));
    for (const r of res.body.results) expect(r.why.terms).toBeInstanceOf(Array);
  });

  it('works from references alone, ranking by closeness to them', async () => {
    const res = await request(app).post('/api/missing').send({ references: `${idAt(1)}\n${idAt(3)}`, k: 5 }).expect(200);
    expect(res.body.results.length).toBe(5);
    for (const r of res.body.results) {
      expect([idAt(1), idAt(3), demo.duplicate.id]).not.toContain(r.id);
      expect(r.why.signals.references.rank).toBeGreaterThan(0);
    }
  });

  it.each([
    [{}, /give text, references or both/],
    [{ text: '  ', references: '' }, /give text, references or both/],
    [{ text: 'graphs', references: 12 }, /references must be text/],
    [{ text: 'graphs', k: 101 }, /k must be an integer from 1 to 100/],
  ])('%j → 400', async (body, message) => {
    const res = await request(app).post('/api/missing').send(body).expect(400);
    expect(res.body.error.message).toMatch(message);
  });

  it('takes up to 256 KB and answers 413 above', async () => {
    const long = Array.from({ length: 2000 }, (_, i) => `Unknown paper title number ${i} about nothing`).join('\n');
    expect(long.length).toBeGreaterThan(64_000);
    const ok = await request(app).post('/api/missing').send({ references: long, k: 3 }).expect(200);
    expect(ok.body.matched.length).toBe(2000);
    const res = await request(app).post('/api/missing').send({ references: 'x'.repeat(300_000) }).expect(413);
    expect(res.body.error.message).toBe('request body is over the 256kb limit');
  });
});

describe('parseReferences', () => {
  it('normalises arXiv ids of both styles and DOIs, and keeps other lines as titles', () => {
    expect(parseReferences('math.ag/0102001v1\nArXiv:0704.0001\n10.1103/PhysRevLett.19.1264.\nAttention is all you need')).toEqual([
      { text: 'math.ag/0102001v1', arxiv: 'math.AG/0102001' },
      { text: 'ArXiv:0704.0001', arxiv: '0704.0001' },
      { text: '10.1103/PhysRevLett.19.1264.', doi: '10.1103/physrevlett.19.1264' },
      { text: 'Attention is all you need', title: 'Attention is all you need' },
    ]);
  });
});
