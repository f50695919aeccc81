/**
 * @file The corpus ingest entry points: decode, detect the format, read records,
 * turn them into Papers, merge duplicates. Bad records stop the run or are skipped.
 */
import { MAX_CORPUS_BYTES, MAX_INDEXED_ABSTRACT_CHARS } from '../config.js';
import type { Paper } from './paper.js';
import { decodeCorpus, readCorpusBytes } from './decode.js';
import { checkFormat, detectFormat, type CorpusFormat } from './detect.js';
import { CorpusError, type CorpusIssue, type CorpusWarning } from './errors.js';
import { RecordProblem, toPaper, type RawRecord } from './record.js';
import { mergeDuplicates, type LinedPaper } from './merge.js';
import { parseCsv } from './formats/csv.js';
import { parseJsonArray } from './formats/json.js';
import { parseJsonLines } from './formats/jsonl.js';
import { parseTrending } from './formats/trending.js';

export interface CorpusOptions {
  /** Skip format detection. */
  format?: CorpusFormat;
  /** Report bad records in `skipped` and carry on, instead of throwing at the first one. */
  skipBad?: boolean;
  /** Called for each warning and each skipped record, as they happen. */
  onWarning?: (warning: CorpusWarning) => void;
  /** The corpus size limit, on disk and decoded (MAX_CORPUS_BYTES unless given). */
  maxBytes?: number;
}

export interface CorpusResult {
  papers: Paper[];
  format: CorpusFormat;
  warnings: CorpusWarning[];
  skipped: CorpusIssue[];
}

const FORMAT_READERS: Readonly<Record<CorpusFormat, (text: string, file: string) => RawRecord[]>> = Object.freeze({
  trending: parseTrending,
  jsonl: parseJsonLines,
  arxiv: parseJsonLines,
  json: parseJsonArray,
  csv: parseCsv,
});

/**
 * Reads a corpus file (any supported format, optionally gzipped) into papers.
 *
 * @example
 * const { papers, format } = await readCorpus('data/trending-papers.txt');
 * // => papers.length === 119, format === 'trending'
 * @param file  path of the corpus file; messages name it as given
 * @param opts  format override, skipBad, onWarning
 */
export async function readCorpus(file: string, opts: CorpusOptions = {}): Promise<CorpusResult> {
  const maxBytes = opts.maxBytes ?? MAX_CORPUS_BYTES;
  let bytes: Buffer;
  try {
    bytes = await readCorpusBytes(file, maxBytes);
  } catch (err) {
    if (err instanceof CorpusError) throw err;
    throw new CorpusError(file, undefined, `cannot read file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  return parseCorpus(bytes, file, opts);
}

/**
 * Parses corpus contents already in memory; `fileName` picks the format and names the source in messages.
 *
 * @example
 * parseCorpus('{"title":"T","abstract":"A"}\n', 'x.jsonl').papers[0].title
 * // => 'T'
 */
export function parseCorpus(text: string | Buffer, fileName: string, opts: CorpusOptions = {}): CorpusResult {
  const body = decodeCorpus(text, fileName, opts.maxBytes);
  const format = opts.format === undefined ? detectFormat(fileName, body) : checkFormat(opts.format, fileName);
  const report = new IssueReport(fileName, opts);
  const papers = mergeDuplicates(toPapers(FORMAT_READERS[format](body, fileName), format, report), report);
  if (papers.length === 0) {
    const first = report.skipped[0];
    const why = first ? ` (${report.skipped.length} bad records skipped; first at line ${first.line}: ${first.message})` : '';
    throw new CorpusError(fileName, undefined, `no usable papers${why}`);
  }
  return { papers, format, warnings: report.warnings, skipped: report.skipped };
}

function toPapers(records: RawRecord[], format: CorpusFormat, report: IssueReport): LinedPaper[] {
  const papers: LinedPaper[] = [];
  for (const record of records) {
    const prefix = record.where ? `${record.where}: ` : '';
    if ('problem' in record) {
      report.bad(record.line, prefix + record.problem);
      continue;
    }
    try {
      const paper = toPaper(record.fields, format === 'arxiv');
      const chars = paper.paper.abstract.length;
      if (chars > MAX_INDEXED_ABSTRACT_CHARS) {
        report.warn(record.line, `abstract is ${chars.toLocaleString('en-US')} characters: only the first ${MAX_INDEXED_ABSTRACT_CHARS.toLocaleString('en-US')} are embedded and searchable (MAX_INDEXED_ABSTRACT_CHARS); all of it is kept and shown`);
      }
      papers.push({ ...paper, line: record.line });
    } catch (err) {
      if (!(err instanceof RecordProblem)) throw err;
      report.bad(record.line, prefix + err.message);
    }
  }
  return papers;
}

/** Collects warnings and skipped records, or throws at the first bad record without skipBad. */
class IssueReport {
  readonly warnings: CorpusWarning[] = [];
  readonly skipped: CorpusIssue[] = [];

  constructor(
    private readonly file: string,
    private readonly opts: CorpusOptions,
  ) {}

  bad(line: number, problem: string): void {
    if (!this.opts.skipBad) throw new CorpusError(this.file, line, problem);
    this.note(this.skipped, line, problem);
  }

  warn(line: number, message: string): void {
    this.note(this.warnings, line, message);
  }

  private note(list: CorpusIssue[], line: number, message: string): void {
    const issue = { file: this.file, line, message };
    list.push(issue);
    this.opts.onWarning?.(issue);
  }
}
