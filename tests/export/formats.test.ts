/**
 * The export formats read back by real parsers: BibTeX by @retorquere/bibtex-parser, CSV by
 * csv-parse, JSON Lines by JSON.parse. Each gives back the records written, and a CSV cell
 * that a spreadsheet would run as a formula comes out as text.
 */
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { ExportRow } from '../../src/export/exportRows.js';
import { paperDate, paperUrl } from '../../src/export/exportRows.js';
import { CSV_COLUMNS, CSV_LIST_SEPARATOR, toCsv, toJsonl } from '../../src/export/formats.js';
import { toBibtex } from '../../src/export/bibtex.js';

function row(id: string, title: string, extra: Partial<ExportRow> = {}): ExportRow {
  return { id, title, authors: ['Jane Q. Doe', 'Zoë Ünal'], date: paperDate({ id }), categories: ['cs.CL', 'cs.LG'], url: paperUrl({ id }), topics: ['language models', 'tokenizers'], permalink: `http://127.0.0.1:3000/?paper=${id}`, ...extra };
}

/** Titles chosen to break naive writers: TeX specials, braces, math, formulas, quotes, commas, line breaks. */
const ROWS: ExportRow[] = [
  row('2506.09813', 'Attention Is All You Need, Again'),
  row('2401.00001v2', '=HYPERLINK("http://evil.example", "click") costs 50% of {x}_1 & $\\alpha$ #1 ~ ^'),
  row('hep-th/9901001', '+SUM(A1:A9) "quoted", with commas', { authors: ['Édouard Lévy'] }),
  row('local-paper-7', '@cmd -2+3 and a\nline break', { authors: [], categories: [], topics: [], date: '2024' }),
];

describe('toBibtex', () => {
  // sentenceCase off: that option rewrites titles into Zotero's sentence case; we compare the text as written.
  const parsed = parseBibtex(toBibtex(ROWS), { sentenceCase: false });

  it('is valid BibTeX: the parser reports no error and finds every entry', () => {
    expect(parsed.errors).toEqual([]);
    expect(parsed.entries.length).toBe(ROWS.length);
  });

  it('reads back the same titles, authors, years and ids, with arXiv ids as eprint', () => {
    ROWS.forEach((r, i) => {
      const { fields, type } = parsed.entries[i];
      expect(type).toBe('misc');
      expect(fields.title).toBe(r.title.replace(/\s+/g, ' '));
      const authors = ((fields.author ?? []) as Array<{ firstName?: string; lastName?: string; name?: string }>).map((a) => a.name ?? `${a.firstName} ${a.lastName}`);
      expect(authors).toEqual(r.authors);
      expect(fields.year).toBe(r.date?.slice(0, 4));
      const arxiv = r.id !== 'local-paper-7';
      expect(fields.eprint).toBe(arxiv ? r.id : undefined);
      expect(fields.archiveprefix).toBe(arxiv ? 'arXiv' : undefined);
      expect(fields.primaryclass).toBe(arxiv ? r.categories[0] : undefined);
      expect(fields.url).toBe(r.url ?? undefined);
    });
    expect(parsed.entries[0].fields.month).toBe('6');
  });

  it('gives each entry a distinct key made from its id', () => {
    const keys = parseBibtex(toBibtex([ROWS[0], ROWS[0], ROWS[2]])).entries.map((e) => e.key);
    expect(keys).toEqual(['2506.09813', '2506.09813_2', 'hep-th_9901001']);
  });
});

describe('toCsv', () => {
  const text = toCsv(ROWS);
  const records = parseCsv(text, { columns: true }) as Record<string, string>[];

  it('is RFC 4180: a header, CRLF line ends, quoted fields', () => {
    expect(text.startsWith(`${CSV_COLUMNS.join(',')}\r\n`)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('reads back the same rows, formulas neutralised with a leading quote', () => {
    const neutral = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
    expect(records).toEqual(
      ROWS.map((r) => ({
        id: neutral(r.id),
        title: neutral(r.title),
        authors: r.authors.join(CSV_LIST_SEPARATOR),
        date: r.date ?? '',
        categories: r.categories.join(CSV_LIST_SEPARATOR),
        url: r.url ?? '',
        topics: r.topics.join(CSV_LIST_SEPARATOR),
        permalink: r.permalink,
      })),
    );
  });

  it('turns a title starting with = into text', () => {
    expect(records[1].title.startsWith("'=HYPERLINK(")).toBe(true);
    expect(records[2].title.startsWith("'+SUM(")).toBe(true);
    expect(records[3].title.startsWith("'@cmd")).toBe(true);
  });
});

describe('toJsonl', () => {
  it('writes one JSON object per line that parses back to the row', () => {
    const lines = toJsonl(ROWS).trimEnd().split('\n');
    expect(lines.map((line) => JSON.parse(line))).toEqual(ROWS);
  });
});

describe('paperDate and paperUrl', () => {
  it('take the year, else the month of a new-style arXiv id; arXiv ids get an abs URL', () => {
    expect(paperDate({ id: '2506.09813', year: 2024 })).toBe('2024');
    expect(paperDate({ id: '2506.09813' })).toBe('2025-06');
    expect(paperDate({ id: 'some-title-slug' })).toBeNull();
    expect(paperUrl({ id: 'hep-th/9901001' })).toBe('https://arxiv.org/abs/hep-th/9901001');
    expect(paperUrl({ id: 'x', url: 'https://example.org/x' })).toBe('https://example.org/x');
    expect(paperUrl({ id: 'x' })).toBeNull();
  });
});
