/**
 * A paper's date from its source fields (src/corpus/paperDate.ts, through parseCorpus):
 * `date`, then `year`, then `published`/`update_date`, else a new-style arXiv id.
 */
import { describe, expect, it } from 'vitest';
import { parseCorpus } from '../../src/corpus/parse.js';
import { arxivIdDate, dateOf, resolveDate } from '../../src/corpus/paperDate.js';

const jsonl = (...records: object[]) => records.map((r) => JSON.stringify(r)).join('\n') + '\n';
const base = { title: 'A title', abstract: 'An abstract.' };
const dateFields = (record: object) => {
  const [paper] = parseCorpus(jsonl({ ...base, ...record }), 'c.jsonl').papers;
  return { year: paper.year, date: paper.date };
};

describe('dateOf', () => {
  it.each([
    [2025, { year: 2025 }],
    ['2025', { year: 2025 }],
    ['2025-06', { year: 2025, month: 6 }],
    ['2025-06-17', { year: 2025, month: 6 }],
    ['2025/6/17', { year: 2025, month: 6 }],
    ['2025-06-17T10:00:00Z', { year: 2025, month: 6 }],
    ['2025-13-01', { year: 2025 }],
    ['soon', undefined],
    [12, undefined],
  ])('reads %j as %j', (value, expected) => {
    expect(dateOf(value)).toEqual(expected);
  });
});

describe('arxivIdDate', () => {
  it('reads the month of a new-style id, with or without a version', () => {
    expect(arxivIdDate('2506.09813')).toEqual({ year: 2025, month: 6 });
    expect(arxivIdDate('0704.0001v2')).toEqual({ year: 2007, month: 4 });
  });

  it('reads nothing from old-style ids, other ids or impossible months', () => {
    for (const id of ['hep-th/9901001', 'doc-2', '2513.00001', '12345.6789']) expect(arxivIdDate(id)).toBeUndefined();
  });
});

describe('resolveDate', () => {
  it('takes the month only from a source of the first source\'s year', () => {
    expect(resolveDate([{ year: 2020 }, { year: 2021, month: 3 }])).toEqual({ year: 2020 });
    expect(resolveDate([undefined, { year: 2020 }, { year: 2020, month: 3 }])).toEqual({ year: 2020, month: 3 });
    expect(resolveDate([undefined, undefined])).toBeUndefined();
  });
});

describe('the date of a parsed paper', () => {
  it('prefers `date`, then `year`, then `published`/`update_date`, then the arXiv id', () => {
    expect(dateFields({ id: '2506.09813', date: '2024-02-01', year: 2024, update_date: '2024-05-01' })).toEqual({ year: 2024, date: '2024-02' });
    expect(dateFields({ id: '2506.09813', year: '2025-03' })).toEqual({ year: 2025, date: '2025-03' });
    expect(dateFields({ id: 'x', year: 2024, published: '2024-07-09T00:00:00Z' })).toEqual({ year: 2024, date: '2024-07' });
    expect(dateFields({ id: '2506.09813', year: 2025 })).toEqual({ year: 2025, date: '2025-06' });
    expect(dateFields({ id: '2506.09813' })).toEqual({ year: 2025, date: '2025-06' });
  });

  it('keeps a year without a month when no source of that year has one', () => {
    expect(dateFields({ id: '2506.09813', year: 2019 })).toEqual({ year: 2019, date: undefined });
    expect(dateFields({ id: 'paper-1', year: 2019 })).toEqual({ year: 2019, date: undefined });
  });

  it('leaves a paper with no date source undated', () => {
    expect(dateFields({ id: 'paper-1' })).toEqual({ year: undefined, date: undefined });
  });

  it('stops at a `date` that holds no date, naming the field and the line', () => {
    expect(() => parseCorpus(jsonl({ ...base, date: 'last week' }), 'c.jsonl')).toThrow(/line 1.*"date" is not a date: "last week"/);
  });
});
