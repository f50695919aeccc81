/**
 * @file parseCorpus on good input: every format, format detection and override,
 * normalization, duplicate merging, and carrying on past bad records with skipBad.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { parseCorpus } from '../../src/corpus/parse.js';
import { type CorpusWarning } from '../../src/corpus/errors.js';
import { DEMO_CORPUS, jsonl } from './helpers.js';

const demo = readFileSync(DEMO_CORPUS, 'utf8');
const paper = (title: string, abstract = `An abstract about ${title}.`) => ({ title, abstract });

describe('parseCorpus', () => {
  describe('when the trending page has different line endings or spacing', () => {
    const expected = parseCorpus(demo, 'demo.txt').papers;
    it.each([
      ['CRLF line endings', demo.replace(/\n/g, '\r\n')],
      ['a byte order mark', `\uFEFF${demo}`],
      ['no trailing newline', demo.trimEnd()],
      ['blank lines between records', demo.replace(/\n/g, '\n\n  \n')],
    ])('reads the same 119 papers with %s', (_, text) => {
      expect(parseCorpus(text, 'demo.txt').papers).toEqual(expected);
    });

    it('reads a Buffer with a BOM like the text', () => {
      const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(demo)]);
      expect(parseCorpus(bytes, 'demo.txt').papers).toEqual(expected);
    });
  });

  describe('when reading JSON Lines', () => {
    it('maps optional fields and accepts _id/text (BEIR) and summary', () => {
      const text = jsonl(
        { id: 7, title: 'One', abstract: 'First.', authors: 'A. B, C. D and E. F', year: '2020-05-01', categories: 'cs.LG stat.ML' },
        { _id: 'doc-2', title: 'Two', text: 'Second.' },
        { title: 'Three', summary: 'Third.', authors: ['X Y'], url: 'https://example.org/3' },
      );
      expect(parseCorpus(text, 'c.jsonl').papers).toEqual([
        { id: '7', title: 'One', abstract: 'First.', authors: ['A. B', 'C. D', 'E. F'], year: 2020, date: '2020-05', categories: ['cs.LG', 'stat.ML'] },
        { id: 'doc-2', title: 'Two', abstract: 'Second.' },
        { id: expect.stringMatching(/^three-[0-9a-f]{8}$/), title: 'Three', abstract: 'Third.', authors: ['X Y'], url: 'https://example.org/3' },
      ]);
    });
  });

  describe('when reading an arXiv metadata snapshot', () => {
    it('collapses hard line breaks and derives year and url', () => {
      const text = jsonl({
        id: '2101.00001', title: 'Deep\n  Learning', abstract: '  We study\nthings.\n', authors: 'A. One, B. Two and C. Three',
        categories: 'cs.LG cs.AI', update_date: '2021-01-05', versions: [],
      });
      const result = parseCorpus(text, 'arxiv-metadata-oai-snapshot.json');
      expect(result.format).toBe('arxiv');
      expect(result.papers).toEqual([{
        id: '2101.00001', title: 'Deep Learning', abstract: 'We study things.', authors: ['A. One', 'B. Two', 'C. Three'],
        year: 2021, date: '2021-01', categories: ['cs.LG', 'cs.AI'], url: 'https://arxiv.org/abs/2101.00001',
      }]);
    });
  });

  describe('when reading CSV', () => {
    it('matches column names case-insensitively and numbers rows by their first line', () => {
      const text = 'TITLE,Summary,year\n"Multi\nline title","Abstract, with comma",1999\nPlain,Simple.,\n';
      const result = parseCorpus(text, 'p.csv');
      expect(result.papers.map((p) => [p.title, p.abstract, p.year])).toEqual([
        ['Multi line title', 'Abstract, with comma', 1999],
        ['Plain', 'Simple.', undefined],
      ]);
    });

    it('reads tab-separated files', () => {
      expect(parseCorpus('title\tabstract\nT\tA.\n', 'p.tsv').papers).toEqual([{ id: expect.any(String), title: 'T', abstract: 'A.' }]);
    });
  });

  describe('when detecting the format', () => {
    const array = JSON.stringify([paper('T')]);
    const lines = jsonl(paper('T'));
    it.each([
      ['page.txt', 'Title\nAbstract.\n', 'trending'],
      ['p.jsonl', lines, 'jsonl'],
      ['p.ndjson', lines, 'jsonl'],
      ['p.jsonl', jsonl({ id: '2101.00001', categories: 'cs.LG', ...paper('T') }), 'arxiv'],
      ['p.jsonl', jsonl({ update_date: '2020-01-01', ...paper('T') }), 'arxiv'],
      ['p.json', array, 'json'],
      ['p.json', lines, 'jsonl'],
      ['p.csv', 'title,abstract\nT,A.\n', 'csv'],
      ['unknown.dat', array, 'json'],
      ['unknown.dat', lines, 'jsonl'],
      ['unknown.dat', 'id,Title,abstract\n1,T,A.\n', 'csv'],
      ['unknown', 'Get trending papers in your email inbox!\nSubscribeT\nA.\n', 'trending'],
    ])('reads %s holding %j as %s', (file, text, format) => {
      expect(parseCorpus(text, file).format).toBe(format);
    });

    it('looks inside gzipped input whatever the name', () => {
      expect(parseCorpus(gzipSync(lines), 'p.jsonl.gz').format).toBe('jsonl');
    });

    it('lets the format option override the name', () => {
      const result = parseCorpus(lines, 'papers.txt', { format: 'jsonl' });
      expect(result.format).toBe('jsonl');
      expect(result.papers[0].title).toBe('T');
    });
  });

  describe('when text needs normalizing', () => {
    it('NFC-normalizes and collapses whitespace in titles, abstracts and authors only', () => {
      const text = jsonl({
        title: ' Cafe\u0301 \t au\n lait ', abstract: 'Line one\r\n\u00a0line  two.', authors: ['  Zoe\u0308   Q  '], url: ' https://e.org/x ',
      });
      const [p] = parseCorpus(text, 'n.jsonl').papers;
      expect(p.title).toBe('Caf\u00e9 au lait');
      expect(p.abstract).toBe('Line one line two.');
      expect(p.authors).toEqual(['Zo\u00eb Q']);
      expect(p.url).toBe('https://e.org/x');
    });

    it('keeps everything else verbatim (LaTeX, punctuation, case)', () => {
      const abstract = 'We show $\\mathcal{O}(n^2)$ bounds -- “tight” ones; see [1].';
      expect(parseCorpus(jsonl(paper('MiXeD Case: a/b', abstract)), 'v.jsonl').papers[0]).toMatchObject({ title: 'MiXeD Case: a/b', abstract });
    });
  });

  describe('when records are duplicates', () => {
    it('keeps the first, fills its missing fields from the later one and warns with both lines', () => {
      const text = jsonl({ id: 'a', ...paper('Same') }, paper('Other'), { id: 'a', ...paper('Same again'), year: 2001 });
      const onWarning = vi.fn<(w: CorpusWarning) => void>();
      const result = parseCorpus(text, 'd.jsonl', { onWarning });
      expect(result.papers).toEqual([{ id: 'a', ...paper('Same'), year: 2001 }, expect.objectContaining({ title: 'Other' })]);
      expect(result.warnings).toEqual([{ file: 'd.jsonl', line: 3, message: 'duplicate of line 1 (same id "a"): merged into "a"' }]);
      expect(onWarning).toHaveBeenCalledWith(result.warnings[0]);
    });

    it('merges the same title in another case and spacing when one record has no id of its own', () => {
      const text = jsonl({ id: 's1', ...paper('Deep  Nets') }, { ...paper('deep nets'), authors: ['Q'] });
      const result = parseCorpus(text, 'd.jsonl');
      expect(result.papers).toEqual([{ id: 's1', ...paper('Deep Nets'), authors: ['Q'] }]);
      expect(result.warnings[0].message).toMatch(
        /^duplicate of line 1 \(same title "deep nets"; its id "deep-nets-[0-9a-f]{8}" is dropped\): merged into "s1"$/,
      );
    });

    it('keeps two records with the same title but different source ids, with a warning', () => {
      const result = parseCorpus(jsonl({ id: '1', ...paper('Summary', 'One.') }, { id: '2', ...paper('Summary', 'Two.') }), 'd.jsonl');
      expect(result.papers.map((p) => p.id)).toEqual(['1', '2']);
      expect(result.warnings).toEqual([{ file: 'd.jsonl', line: 2, message: 'same title as line 1 ("Summary") but another id: kept both' }]);
    });
  });

  describe('when skipBad is set', () => {
    it('skips each bad record, reports it and keeps the good ones', () => {
      const text = `${JSON.stringify(paper('Good one'))}\n{"title": "No abstract"}\n{"title": "cut\n${JSON.stringify(paper('Good two'))}\n`;
      const onWarning = vi.fn<(w: CorpusWarning) => void>();
      const result = parseCorpus(text, 's.jsonl', { skipBad: true, onWarning });
      expect(result.papers.map((p) => p.title)).toEqual(['Good one', 'Good two']);
      expect(result.skipped.map((s) => [s.line, s.message.replace(/ \(.*/, '')])).toEqual([[2, 'missing "abstract"'], [3, 'truncated JSON']]);
      expect(result.warnings).toEqual([]);
      expect(onWarning).toHaveBeenCalledTimes(2);
    });

    it('skips a trending title left without an abstract', () => {
      const result = parseCorpus(`${demo}A Dangling Title\n`, 'demo.txt', { skipBad: true });
      expect(result.papers).toHaveLength(119);
      expect(result.skipped).toEqual([{ file: 'demo.txt', line: 241, message: 'title "A Dangling Title" has no abstract (end of file)' }]);
    });
  });
});
