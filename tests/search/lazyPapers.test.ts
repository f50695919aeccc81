import { describe, expect, it } from 'vitest';
import { encodePapers, IndexError } from '../../src/store/indexFolder.js';
import type { Paper } from '../../src/corpus/paper.js';
import { lazyPapers } from '../../src/search/lazyPapers.js';

const PAPERS: Paper[] = [
  { id: '2506.09813', title: 'Plain', abstract: 'An abstract.' },
  { id: 'with "quotes" and \\ backslash', title: 'Escaped id', abstract: 'Ünïcödé ✓ text', year: 2025 },
  { title: 'Id written last', abstract: 'x', id: 'late-id' } as Paper,
  { id: 'ümlaut-id', title: 'Non-ASCII id', abstract: 'y', categories: ['cs.LG'] },
];

describe('lazyPapers', () => {
  it('reads every id at load and gives each record as JSON.parse would', () => {
    const { papers, ids } = lazyPapers(Buffer.from(encodePapers(PAPERS)), 'papers.jsonl', PAPERS.length);
    expect(ids).toEqual(PAPERS.map((p) => p.id));
    expect(papers.length).toBe(PAPERS.length);
    expect(papers[1]).toEqual(PAPERS[1]);
    expect(papers[1]).toBe(papers[1]);
    expect(papers.map((p) => p.title)).toEqual(PAPERS.map((p) => p.title));
    expect([...papers]).toEqual(PAPERS);
    expect(JSON.parse(JSON.stringify(papers))).toEqual(PAPERS);
    expect(papers[PAPERS.length]).toBeUndefined();
  });

  it('throws IndexError naming the file when the line count differs from the manifest', () => {
    expect(() => lazyPapers(Buffer.from(encodePapers(PAPERS)), 'papers.jsonl', 5)).toThrow(IndexError);
    expect(() => lazyPapers(Buffer.from(encodePapers(PAPERS)), 'papers.jsonl', 5)).toThrow(/papers\.jsonl: holds 4 papers, the manifest says 5/);
  });

  it('throws IndexError naming the line when a record is not JSON', () => {
    const { papers } = lazyPapers(Buffer.from('{"id":"a","title":"A","abstract":"x"}\n{"id":"b", broken\n'), 'papers.jsonl', 2);
    expect(papers[0].title).toBe('A');
    expect(() => papers[1]).toThrow(/papers\.jsonl: line 2 cannot be read/);
  });
});
