/**
 * @file The one error type corpus ingest throws, and the shape of the issues
 * (skipped records, warnings) it reports when it carries on past a problem.
 */

/** A problem tied to one line of a corpus file: a skipped record or a warning. */
export interface CorpusIssue {
  file: string;
  line: number;
  message: string;
}

/** A non-fatal note (a merged duplicate, a skipped record) passed to `onWarning`. */
export type CorpusWarning = CorpusIssue;

/**
 * Bad corpus input: names the file, the line (undefined for whole-file problems) and the problem.
 *
 * @example
 * new CorpusError('papers.csv', 42, 'missing "abstract"').message
 * // => 'corpus: papers.csv line 42: missing "abstract"'
 */
export class CorpusError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  readonly problem: string;

  constructor(file: string, line: number | undefined, problem: string) {
    super(`corpus: ${file}${line === undefined ? '' : ` line ${line}`}: ${problem}`);
    this.name = 'CorpusError';
    this.file = file;
    this.line = line;
    this.problem = problem;
  }
}

/**
 * One-line text for an issue, in the same form as a CorpusError message.
 *
 * @example
 * formatIssue({ file: 'a.jsonl', line: 3, message: 'missing "title"' })
 * // => 'corpus: a.jsonl line 3: missing "title"'
 */
export function formatIssue(issue: CorpusIssue): string {
  return `corpus: ${issue.file} line ${issue.line}: ${issue.message}`;
}
