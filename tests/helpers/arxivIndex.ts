/**
 * @file A demo-corpus index whose papers carry arXiv-style ids and DOIs, for the reference
 * resolution tests: a third of the papers get old-style ids (hep-th/99xxxxx), a third
 * new-style ids (2506.1xxxx), the rest keep their title-derived id and get a doi.org url; one
 * extra paper repeats the title of another (a second version filed under its own id).
 * Built once per test process with the lexical embedder.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildIndex } from '../../src/pipeline/buildIndex.js';
import type { Paper } from '../../src/corpus/paper.js';
import { readCorpus } from '../../src/corpus/parse.js';
import { createSearchEngine, type SearchEngine } from '../../src/search/engine.js';
import { loadIndex } from '../../src/search/loadIndex.js';
import { DEMO_CORPUS } from './demoIndex.js';

export interface ArxivDemo {
  engine: SearchEngine;
  /** The demo paper ids (data/queries labels) → the ids in this index. */
  idOf: Map<string, string>;
  /** The id of the paper that repeats another's title, and that other paper's id. */
  duplicate: { id: string; of: string };
}

/** The id, and the url when it has one, a demo paper gets at `row`. */
function arxivStyle(paper: Paper, row: number): Paper {
  if (row % 3 === 0) return { ...paper, id: `hep-th/99${String(row).padStart(5, '0')}` };
  if (row % 3 === 1) return { ...paper, id: `2506.${10000 + row}` };
  return { ...paper, url: `https://doi.org/10.5555/demo.${row}` };
}

let built: Promise<ArxivDemo> | undefined;

async function build(): Promise<ArxivDemo> {
  const { papers } = await readCorpus(DEMO_CORPUS);
  const renamed = papers.map(arxivStyle);
  const original = renamed[1];
  const duplicate: Paper = { id: '2507.00001', title: original.title.toUpperCase(), abstract: original.abstract.split('. ').slice(0, 2).join('. ') };
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'paperscope-arxiv-demo-'));
  const corpus = path.join(dir, 'papers.jsonl');
  await fs.writeFile(corpus, [...renamed, duplicate].map((p) => JSON.stringify(p)).join('\n'));
  const out = path.join(dir, 'index');
  await buildIndex({ corpus, out, embedder: 'lexical' });
  return {
    engine: createSearchEngine(await loadIndex(out)),
    idOf: new Map(papers.map((p, i) => [p.id, renamed[i].id])),
    duplicate: { id: duplicate.id, of: original.id },
  };
}

/** The arXiv-style demo index, built on first call. */
export function arxivDemo(): Promise<ArxivDemo> {
  built ??= build();
  return built;
}
