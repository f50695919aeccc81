/**
 * Issue 18 item 2: corpus decoding is bounded. A gzip bomb is refused once its output
 * passes the size limit, with a message naming the file and the limit; a file over the limit
 * is refused before it is read; a huge field is a bad record with its line; a long abstract
 * is kept whole but indexed only up to MAX_INDEXED_ABSTRACT_CHARS, with a warning.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FIELD_CHARS, MAX_INDEXED_ABSTRACT_CHARS } from '../../src/config.js';
import { CorpusError } from '../../src/corpus/errors.js';
import { parseCorpus, readCorpus } from '../../src/corpus/parse.js';
import { paperText } from '../../src/corpus/text.js';

const MIB = 1024 * 1024;
let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'paperscope-limits-'));
});
afterAll(() => fs.rm(tmp, { recursive: true, force: true }));

const line = (title: string, abstract: string) => JSON.stringify({ title, abstract });

describe('the corpus size limit', () => {
  it('refuses a gzip bomb as soon as it inflates past the limit, naming the file and the limit', async () => {
    const file = path.join(tmp, 'bomb.jsonl.gz');
    const expanded = Buffer.alloc(64 * MIB, line('A', 'b'.repeat(100)) + '\n');
    await fs.writeFile(file, gzipSync(expanded, { level: 9 }));
    expect((await fs.stat(file)).size).toBeLessThan(MIB);
    const error = await readCorpus(file, { maxBytes: 4 * MIB }).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(CorpusError);
    expect((error as Error).message).toBe(`corpus: ${file}: decompresses to more than 4 MiB, the corpus size limit (MAX_CORPUS_BYTES); split it into smaller corpora`);
  });

  it('inflates a gzip file as a stream: other work keeps running while a bomb is read and refused', async () => {
    const file = path.join(tmp, 'bomb-stream.jsonl.gz');
    await fs.writeFile(file, gzipSync(Buffer.alloc(64 * MIB, line('A', 'b'.repeat(100)) + '\n'), { level: 9 }));
    // One inflation of 16 MiB in a single synchronous call would let the loop turn only for the file I/O.
    let turns = 0;
    let turning = true;
    const turn = () => {
      turns++;
      if (turning) setImmediate(turn);
    };
    setImmediate(turn);
    const error = await readCorpus(file, { maxBytes: 16 * MIB }).catch((err: unknown) => err);
    turning = false;
    expect((error as Error).message).toMatch(/decompresses to more than 16 MiB/);
    expect(turns).toBeGreaterThan(100);
  });

  it('still reads a gzip corpus under the limit, and calls a damaged one damaged', async () => {
    const body = Buffer.from(`${line('A', 'b')}\n${line('C', 'd')}\n`);
    expect(parseCorpus(gzipSync(body), 'ok.jsonl.gz', { maxBytes: 1024 }).papers).toHaveLength(2);
    expect(() => parseCorpus(gzipSync(body).subarray(0, 20), 'cut.jsonl.gz', { maxBytes: 1024 })).toThrow('corpus: cut.jsonl.gz: not a valid gzip file');
  });

  it('refuses a plain file over the limit before reading it', async () => {
    const file = path.join(tmp, 'big.jsonl');
    await fs.writeFile(file, `${line('A', 'b'.repeat(3000))}\n`);
    await expect(readCorpus(file, { maxBytes: 2000 })).rejects.toThrow(`corpus: ${file}: is more than 2,000 bytes, the corpus size limit (MAX_CORPUS_BYTES)`);
  });
});

describe('the per-field limit', () => {
  const huge = 'x'.repeat(MAX_FIELD_CHARS + 1);
  const text = `${line('Fine', 'A short abstract.')}\n${line('Huge', huge)}\n${line('Also fine', 'Another.')}\n`;

  it('makes a record with a huge abstract a bad record, naming the file, the line and the limit', () => {
    expect(() => parseCorpus(text, 'huge.jsonl')).toThrow(
      `corpus: huge.jsonl line 2: "abstract" is ${(MAX_FIELD_CHARS + 1).toLocaleString('en-US')} characters, over the limit of ${MAX_FIELD_CHARS.toLocaleString('en-US')} (MAX_FIELD_CHARS)`,
    );
  });

  it('skips it with --skip-bad and keeps the rest', () => {
    const result = parseCorpus(text, 'huge.jsonl', { skipBad: true });
    expect(result.papers.map((p) => p.title)).toEqual(['Fine', 'Also fine']);
    expect(result.skipped[0].line).toBe(2);
  });
});

describe('a long abstract', () => {
  it('is kept whole, indexed up to MAX_INDEXED_ABSTRACT_CHARS, with a warning naming its line', () => {
    const abstract = `${'word '.repeat(MAX_INDEXED_ABSTRACT_CHARS / 5)}tailword`;
    const result = parseCorpus(`${line('Short', 'Brief.')}\n${line('Long', abstract)}\n`, 'long.jsonl');
    const long = result.papers[1];
    expect(long.abstract).toBe(abstract);
    expect(paperText(long)).toHaveLength('Long. '.length + MAX_INDEXED_ABSTRACT_CHARS);
    expect(paperText(long)).not.toContain('tailword');
    expect(paperText(result.papers[0])).toBe('Short. Brief.');
    expect(result.warnings).toEqual([
      { file: 'long.jsonl', line: 2, message: expect.stringContaining(`abstract is ${abstract.length.toLocaleString('en-US')} characters: only the first 20,000 are embedded and searchable`) },
    ]);
  });
});
