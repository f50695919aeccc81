/**
 * @file parseCorpus on bad input: each malformed case throws a CorpusError naming the file,
 * the line and the problem, and no input makes it throw anything else.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CorpusError } from '../../src/corpus/errors.js';
import { parseCorpus } from '../../src/corpus/parse.js';
import { corpusError, DEMO_CORPUS, jsonl } from './helpers.js';

const good = { title: 'A Title', abstract: 'An abstract.' };

describe('parseCorpus', () => {
  describe('when the file is empty', () => {
    it.each([
      ['no bytes', Buffer.alloc(0)],
      ['only whitespace', ' \n\r\n\t\n'],
      ['only a BOM', '\uFEFF\n'],
    ])('throws for %s', (_, input) => {
      expect(corpusError(() => parseCorpus(input, 'empty.jsonl')).message).toBe('corpus: empty.jsonl: file is empty');
    });
  });

  describe('when the file is binary garbage', () => {
    it('reports the NUL byte and its line', () => {
      const bytes = Buffer.concat([Buffer.from('{"title": "x"}\n'), Buffer.from([0x89, 0x50, 0x00, 0x1a])]);
      const error = corpusError(() => parseCorpus(bytes, 'blob.jsonl'));
      expect(error.message).toBe('corpus: blob.jsonl line 2: binary data (NUL byte at offset 17): not a text corpus');
    });

    it('reports bytes that are not UTF-8 instead of decoding them to U+FFFD', () => {
      const bytes = Buffer.concat([Buffer.from('title,abstract\nT,'), Buffer.from([0xe9, 0x74, 0xe9]), Buffer.from('\n')]);
      const error = corpusError(() => parseCorpus(bytes, 'latin1.csv'));
      expect(error.message).toBe('corpus: latin1.csv line 2: not valid UTF-8 (byte 0xe9 at offset 17): binary data or another text encoding');
      expect([error.file, error.line]).toEqual(['latin1.csv', 2]);
    });

    it('keeps a U+FFFD that the file really contains', () => {
      expect(parseCorpus(Buffer.from(jsonl({ ...good, abstract: 'odd \uFFFD char' })), 'ok.jsonl').papers[0].abstract).toBe('odd \uFFFD char');
    });
  });

  describe('when a CSV file has no abstract column', () => {
    it('names the missing column and the header found', () => {
      const error = corpusError(() => parseCorpus('id,Title,body\n1,T,B\n', 'papers.csv'));
      expect(error.message).toBe('corpus: papers.csv line 1: no "abstract" column (or text, summary); header is: id, Title, body');
    });
  });

  describe('when a CSV row is malformed', () => {
    it('reports a row with the wrong number of fields', () => {
      expect(corpusError(() => parseCorpus('title,abstract\nT,A\nU,B,extra\n', 'p.csv')).message).toBe(
        'corpus: p.csv line 3: expected 2 fields as in the header, found 3',
      );
    });

    it('reports an unclosed quote', () => {
      const error = corpusError(() => parseCorpus('title,abstract\nT,"A\n', 'p.csv'));
      expect(error.message).toMatch(/^corpus: p\.csv line 2: invalid CSV \(Quote Not Closed/);
    });
  });

  describe('when a JSON file is not an array of objects', () => {
    it.each([
      ['an object', '{\n  "papers": []\n}', 'expected a JSON array of paper objects, found an object'],
      ['a string', '"papers"', 'expected a JSON array of paper objects, found a string'],
    ])('throws for %s', (_, text, problem) => {
      expect(corpusError(() => parseCorpus(text, 'p.json')).message).toBe(`corpus: p.json: ${problem}`);
    });

    it('reports the array index and line of an element that is not an object', () => {
      const text = `[\n  ${JSON.stringify(good)},\n  "just a string"\n]`;
      expect(corpusError(() => parseCorpus(text, 'p.json')).message).toBe(
        'corpus: p.json line 3: array index 1: expected an object, found a string',
      );
    });

    it('reports the array index and line of a record without an abstract', () => {
      const text = JSON.stringify([good, { note: '[{', title: 'Only a title' }], null, 2);
      expect(corpusError(() => parseCorpus(text, 'p.json')).message).toBe('corpus: p.json line 6: array index 1: missing "abstract"');
    });

    it('reports a file cut off mid-array as truncated, at its last line', () => {
      expect(corpusError(() => parseCorpus('[\n  {"title": "T",\n', 'p.json')).message).toMatch(/^corpus: p\.json line 3: truncated JSON \(/);
    });
  });

  describe('when a JSON Lines line is truncated', () => {
    it('names the line and calls it truncated', () => {
      const text = `${JSON.stringify(good)}\n{"title": "Cut", "abstr`;
      const error = corpusError(() => parseCorpus(text, 'p.jsonl'));
      expect(error.line).toBe(2);
      expect(error.message).toMatch(/^corpus: p\.jsonl line 2: truncated JSON \(Unterminated string/);
    });

    it('reports a line that is valid JSON but not an object', () => {
      expect(corpusError(() => parseCorpus(`${JSON.stringify(good)}\n[1, 2]\n`, 'p.jsonl')).message).toBe(
        'corpus: p.jsonl line 2: expected a JSON object, found an array',
      );
    });
  });

  describe('when a record lacks a title or an abstract or has bad field types', () => {
    it.each([
      [{ abstract: 'A.' }, 'missing "title"'],
      [{ title: 'T', abstract: '   ' }, 'missing "abstract"'],
      [{ title: ['T'], abstract: 'A.' }, '"title" must be a string, found an array'],
      [{ ...good, authors: 3 }, '"authors" must be a string or a list of strings, found a number'],
      [{ ...good, year: 'soon' }, '"year" is not a year: "soon"'],
    ])('reports %j', (record, problem) => {
      expect(corpusError(() => parseCorpus(jsonl(good, record), 'p.jsonl')).message).toBe(`corpus: p.jsonl line 2: ${problem}`);
    });
  });

  describe('when a trending title has no abstract', () => {
    const demo = readFileSync(DEMO_CORPUS, 'utf8');
    it('reports a title left over at the end with its line', () => {
      expect(corpusError(() => parseCorpus(`${demo}A Dangling Title`, 'demo.txt')).message).toBe(
        'corpus: demo.txt line 241: title "A Dangling Title" has no abstract (end of file)',
      );
    });

    it('reports a missing abstract in the middle at the title it belongs to', () => {
      const lines = demo.split('\n');
      lines.splice(11, 1); // titles are on odd lines: this is the abstract of the title on line 11
      const error = corpusError(() => parseCorpus(lines.join('\n'), 'demo.txt'));
      expect(error.line).toBe(11);
      expect(error.problem).toMatch(/^title ".+" has no abstract \(line 12 looks like the next title\)$/);
    });

    it('reports an abstract whose title is missing', () => {
      const lines = demo.split('\n');
      lines.splice(10, 1); // the title on line 11
      const error = corpusError(() => parseCorpus(lines.join('\n'), 'demo.txt'));
      expect(error.line).toBe(11);
      expect(error.problem).toMatch(/^abstract ".+" has no title before it$/);
    });
  });

  describe('when no record is usable', () => {
    it('throws even with skipBad, saying what was skipped', () => {
      const error = corpusError(() => parseCorpus('{"title": "T"}\n{"title": "U"}\n', 'p.jsonl', { skipBad: true }));
      expect(error.message).toBe('corpus: p.jsonl: no usable papers (2 bad records skipped; first at line 1: missing "abstract")');
    });
  });

  describe('when the format cannot be known', () => {
    it('throws for an unknown format option, listing the choices', () => {
      expect(corpusError(() => parseCorpus('x', 'p.txt', { format: 'xml' as never })).message).toBe(
        'corpus: p.txt: unknown format "xml"; expected one of trending, jsonl, json, csv, arxiv',
      );
    });

    it('throws for an unknown extension with unrecognizable content', () => {
      expect(corpusError(() => parseCorpus('hello\nworld\n', 'notes.md')).message).toMatch(/^corpus: notes\.md line 1: cannot tell the format/);
    });
  });

  describe('when given arbitrary input', () => {
    it('returns papers or throws a CorpusError, nothing else', () => {
      const names = fc.constantFrom('x.txt', 'x.jsonl', 'x.json', 'x.csv', 'x.gz', 'x.bin');
      const inputs = fc.oneof(fc.string(), fc.uint8Array().map((bytes) => Buffer.from(bytes)));
      fc.assert(
        fc.property(inputs, names, fc.boolean(), (input, name, skipBad) => {
          try {
            parseCorpus(input, name, { skipBad });
          } catch (err) {
            expect(err).toBeInstanceOf(CorpusError);
          }
        }),
        { numRuns: 500 },
      );
    });

    it('returns papers or throws a CorpusError for records with fields of any JSON type', () => {
      const field = fc.oneof(fc.jsonValue(), fc.string());
      const fields = { id: field, title: field, abstract: field, authors: field, year: field, categories: field, url: field };
      const record = fc.record(fields, { requiredKeys: [] });
      const asText = fc.tuple(fc.array(fc.oneof(record, fc.jsonValue())), fc.boolean()).map(([records, array]) =>
        array ? [JSON.stringify(records), 'x.json'] : [records.map((r) => JSON.stringify(r)).join('\n'), 'x.jsonl'],
      );
      fc.assert(
        fc.property(asText, fc.boolean(), ([text, name], skipBad) => {
          try {
            parseCorpus(text, name, { skipBad });
          } catch (err) {
            expect(err).toBeInstanceOf(CorpusError);
          }
        }),
        { numRuns: 300 },
      );
    });
  });
});
