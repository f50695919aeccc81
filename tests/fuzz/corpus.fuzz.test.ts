/**
 * Fuzzing corpus ingest with mutations of valid corpora in every format (tests/corpus/bad-input.test.ts
 * covers random bytes and random JSON records; this file starts from real files and breaks them).
 * Properties: parseCorpus returns clean papers or throws a CorpusError naming the file and a line
 * inside it (whole-file problems excepted), within 2 s per MB; and a build of a bad corpus never
 * leaves a partial index or a temporary folder. Seeded; FUZZ_RUNS=n for longer runs.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/pipeline/buildIndex.js';
import { CORPUS_FORMATS, type CorpusFormat } from '../../src/corpus/detect.js';
import { CorpusError } from '../../src/corpus/errors.js';
import { parseCorpus, type CorpusResult } from '../../src/corpus/parse.js';
import { loadIndex } from '../../src/search/loadIndex.js';
import { DEMO_CORPUS, demoIndexDir } from '../helpers/demoIndex.js';
import { byteMutation, CORPUS_KINDS, FILE_NAMES, mutateBytes, mutateRecords, recordMutation, seedRecords, serialize, type CorpusKind } from './corpusMutations.js';
import { fuzzParameters, InputTally } from './fuzzConfig.js';
import { tempDir } from '../helpers/tempDir.js';

/** Generous: parsing is linear and takes tens of ms per MB; this catches quadratic blow-ups and hangs. */
const SECONDS_PER_MB = 2;
const FIXED_SECONDS = 0.25;
/** Problems about the whole file, which have no line to point at. */
const WHOLE_FILE_PROBLEMS = [/^file is empty$/, /^no usable papers/, /^not a valid gzip file/, /^expected a JSON array of paper objects/, /^unknown format/];

const tally = new InputTally('corpus');
const demoPapers = parseCorpus(readFileSync(DEMO_CORPUS), 'demo.txt').papers;
const SEEDS = Object.fromEntries(CORPUS_KINDS.map((kind) => [kind, seedRecords(kind, demoPapers.slice(0, 24))])) as Record<CorpusKind, ReturnType<typeof seedRecords>>;

afterAll(() => tally.print());

/** The bytes a parser really reads: gunzipped when `bytes` is valid gzip. */
function plainBytes(bytes: Buffer): Buffer {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  try {
    return gunzipSync(bytes);
  } catch {
    return bytes;
  }
}

/** How many lines `text` has, for range checks on error lines. */
function lineCount(text: Buffer): number {
  // Any line break counts (LF, CRLF, or CR alone as in old Mac CSV exports, which csv-parse honours).
  let lines = 1;
  for (let i = 0; i < text.length; i++) if (text[i] === 0x0a || (text[i] === 0x0d && text[i + 1] !== 0x0a)) lines++;
  return lines;
}

/** Parses `input` and checks the contract: papers, or a located CorpusError, in bounded time. */
function parseAndCheck(input: Buffer, name: string, opts: { skipBad: boolean; format?: CorpusFormat }): CorpusResult | CorpusError {
  const start = performance.now();
  let outcome: CorpusResult | CorpusError;
  try {
    outcome = parseCorpus(input, name, opts);
  } catch (err) {
    if (!(err instanceof CorpusError)) throw new Error(`${name}: not a CorpusError: ${err instanceof Error ? err.stack : String(err)}`);
    outcome = err;
  }
  const seconds = (performance.now() - start) / 1000;
  const plain = plainBytes(input);
  // Per MB of what is parsed: a 30 KB gzip file may hold 10 MB.
  const megabytes = Math.max(input.length, plain.length) / 1e6;
  expect(seconds, `${name}: ${seconds.toFixed(2)} s for ${megabytes.toFixed(2)} MB`).toBeLessThan(FIXED_SECONDS + SECONDS_PER_MB * megabytes);
  const lines = lineCount(plain);
  if (outcome instanceof CorpusError) {
    expect(outcome.file).toBe(name);
    if (outcome.line === undefined) expect(WHOLE_FILE_PROBLEMS.some((p) => p.test(outcome.problem)), `no line for: ${outcome.message}`).toBe(true);
    else expect(outcome.line >= 1 && outcome.line <= lines, `line ${outcome.line} of ${lines}: ${outcome.message}`).toBe(true);
    return outcome;
  }
  checkPapers(outcome, plain, lines);
  return outcome;
}

/** Papers are clean: non-empty trimmed text, unique ids, no U+FFFD the file did not hold, skipped lines in range. */
function checkPapers(result: CorpusResult, plain: Buffer, lines: number): void {
  expect(result.papers.length).toBeGreaterThan(0);
  expect(new Set(result.papers.map((p) => p.id)).size).toBe(result.papers.length);
  const raw = plain.toString('latin1');
  const hadReplacement = raw.includes('\xef\xbf\xbd') || /\\ufffd/i.test(raw);
  for (const p of result.papers) {
    for (const text of [p.id, p.title, p.abstract]) {
      expect(typeof text === 'string' && text.length > 0 && text === text.trim(), JSON.stringify(p).slice(0, 200)).toBe(true);
      if (!hadReplacement) expect(text.includes('\ufffd'), `U+FFFD in ${JSON.stringify(text.slice(0, 80))}`).toBe(false);
    }
  }
  for (const issue of [...result.skipped, ...result.warnings]) expect(issue.line >= 1 && issue.line <= lines, issue.message).toBe(true);
}

/** A mutated corpus: a kind, record-level then byte-level mutations, and how it is read. */
const corpusWith = (maxByteMutations: number, skipBad: fc.Arbitrary<boolean>) => fc
  .record({
    kind: fc.constantFrom(...CORPUS_KINDS),
    records: fc.array(recordMutation, { maxLength: 3 }),
    bytes: fc.array(byteMutation, { maxLength: maxByteMutations }),
    gzipAfter: fc.boolean(),
    skipBad,
    format: fc.option(fc.constantFrom(...CORPUS_FORMATS), { freq: 6 }),
    rename: fc.option(fc.constantFrom('papers.bin', 'papers', 'papers.TXT', 'papers.json.gz'), { freq: 8 }),
  })
  .map((c) => {
    const records = mutateRecords(SEEDS[c.kind], c.records);
    const gzipLater = c.kind === 'jsonl.gz' && c.gzipAfter;
    let bytes = serialize(gzipLater ? 'jsonl' : c.kind, records);
    for (const m of c.bytes) bytes = mutateBytes(bytes, m);
    if (gzipLater) bytes = gzipSync(bytes);
    return { ...c, input: bytes, name: c.rename ?? FILE_NAMES[c.kind] };
  });
const mutatedCorpus = corpusWith(4, fc.boolean());
/** Builds are slow: mutate less and skip bad records more often, so that about half the builds get past parsing. */
const buildableCorpus = corpusWith(1, fc.constantFrom(true, true, true, false));

describe('parseCorpus on mutated corpora', () => {
  it('returns clean papers or a located CorpusError, within 2 s per MB', () => {
    fc.assert(
      fc.property(mutatedCorpus, (c) => {
        tally.add(`mutated ${c.kind}`);
        parseAndCheck(c.input, c.name, { skipBad: c.skipBad, format: c.format ?? undefined });
      }),
      fuzzParameters(1500),
    );
  });

  it('handles a 10 MB line in every format within 2 s per MB', () => {
    const hugeWords = 'word '.repeat(2_000_000);
    const huge = fc.record({
      kind: fc.constantFrom(...CORPUS_KINDS),
      how: fc.constantFrom('abstract', 'junk line', 'no newline at the end'),
      at: fc.nat(),
      skipBad: fc.boolean(),
    });
    fc.assert(
      fc.property(huge, ({ kind, how, at, skipBad }) => {
        tally.add('10 MB line');
        const records = SEEDS[kind].map((r) => ({ ...r }));
        if (how === 'abstract') records[at % records.length].abstract = hugeWords;
        let bytes = serialize(kind === 'jsonl.gz' ? 'jsonl' : kind, records);
        if (how !== 'abstract') {
          const line = Buffer.from(how === 'junk line' ? `${'x'.repeat(10_000_000)}\n` : '{"title": "T", "abstract": "' + 'y'.repeat(10_000_000));
          const lines = bytes.toString('utf8').split('\n');
          const i = how === 'junk line' ? at % lines.length : lines.length;
          bytes = how === 'junk line' ? Buffer.from([...lines.slice(0, i), line.toString(), ...lines.slice(i)].join('\n')) : Buffer.concat([bytes, line]);
        }
        if (kind === 'jsonl.gz') bytes = gzipSync(bytes);
        parseAndCheck(bytes, FILE_NAMES[kind], { skipBad });
      }),
      fuzzParameters(10, true),
    );
  });
});

// ---- builds of bad corpora

async function snapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of (await fs.readdir(dir)).sort()) files[name] = createHash('sha256').update(await fs.readFile(path.join(dir, name))).digest('hex');
  return files;
}

async function leftovers(parent: string): Promise<string[]> {
  return (await fs.readdir(parent)).filter((name) => name.startsWith('.index.'));
}

describe('buildIndex on mutated corpora', () => {
  let work: string;
  let indexDir: string;
  beforeAll(async () => {
    work = await tempDir('fuzz-build');
    indexDir = path.join(work, 'index');
    await fs.cp(await demoIndexDir('lexical'), indexDir, { recursive: true });
  });

  it('replaces the index completely or not at all, and leaves no temporary folder', async () => {
    await fc.assert(
      fc.asyncProperty(buildableCorpus, async (c) => {
        const corpus = path.join(work, c.name);
        await fs.writeFile(corpus, c.input);
        const before = await snapshot(indexDir);
        let parsed: CorpusResult | CorpusError;
        try {
          parsed = parseCorpus(c.input, corpus, { skipBad: c.skipBad, format: c.format ?? undefined });
        } catch (err) {
          parsed = err as CorpusError;
        }
        const build = buildIndex({ corpus, out: indexDir, embedder: 'lexical', skipBad: c.skipBad, format: c.format ?? undefined });
        tally.add(parsed instanceof CorpusError ? 'builds refused (bad corpus)' : 'builds done (corpus parsed)');
        if (parsed instanceof CorpusError) {
          await expect(build).rejects.toThrow(CorpusError);
          expect(await snapshot(indexDir)).toEqual(before);
        } else {
          const report = await build;
          expect(report.manifest.papers).toBe(parsed.papers.length);
          expect((await loadIndex(indexDir)).papers.map((p) => p.id)).toEqual(parsed.papers.map((p) => p.id));
        }
        expect(await leftovers(work)).toEqual([]);
      }),
      fuzzParameters(12, true),
    );
  });
});
