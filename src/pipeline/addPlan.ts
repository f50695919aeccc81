/**
 * @file What `paperscope add` changes: reads the incoming corpus files and sorts each paper, by
 * id, into new (appended as a new row), changed text (replaces its row's record, vector, map
 * position, topics and BM25 postings), changed metadata only (replaces the record) or
 * unchanged (skipped). A changed paper keeps its row, so no row is ever dead: nothing a search
 * returns can be a replaced record. Only the records of incoming ids are read from the index.
 */
import type { CorpusFormat } from '../corpus/detect.js';
import { readCorpus } from '../corpus/parse.js';
import { paperText } from '../corpus/text.js';
import type { Paper, PaperId } from '../corpus/paper.js';
import type { Reporter } from '../report/reporter.js';

export interface IncomingOptions {
  format?: CorpusFormat;
  skipBad?: boolean;
  reporter: Reporter;
}

/** The papers of `files` in order, one per id: a later record of an id replaces an earlier one. */
export async function readIncoming(files: readonly string[], opts: IncomingOptions): Promise<Paper[]> {
  const byId = new Map<PaperId, Paper>();
  for (const file of files) {
    const corpus = await readCorpus(file, { format: opts.format, skipBad: opts.skipBad, onWarning: (w) => opts.reporter.warn(`${w.file} line ${w.line}: ${w.message}`) });
    for (const paper of corpus.papers) {
      byId.delete(paper.id);
      byId.set(paper.id, paper);
    }
  }
  return [...byId.values()];
}

/** A row whose text must be embedded, placed and indexed. */
export interface TextChange {
  row: number;
  text: string;
}

export interface AddPlan {
  /** Rows after the add: the old ones, then `appended`. */
  count: number;
  /** Old rows whose record is replaced (text or metadata changed), with their new record. */
  replacedRecords: Map<number, Paper>;
  /** New papers, appended in this order after the old rows. */
  appended: Paper[];
  /** Rows with a new or changed text, ascending. */
  changes: TextChange[];
  added: number;
  /** Papers whose text changed. */
  replaced: number;
  /** Papers whose metadata changed but not their text. */
  updated: number;
  unchanged: number;
}

/** Same record: same fields with the same values (key order aside). */
function sameRecord(a: Paper, b: Paper): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof Paper>;
  return [...keys].every((key) => JSON.stringify(a[key]) === JSON.stringify(b[key]));
}

/**
 * Sorts `incoming` against the papers of an index.
 * @example planAdd(index.papers, index.rowById, [newPaper]).changes // => [{ row: 120, text: 'Title. Abstract' }]
 */
export function planAdd(existing: readonly Paper[], rowById: ReadonlyMap<PaperId, number>, incoming: readonly Paper[]): AddPlan {
  const plan: AddPlan = { count: existing.length, replacedRecords: new Map(), appended: [], changes: [], added: 0, replaced: 0, updated: 0, unchanged: 0 };
  for (const paper of incoming) {
    const row = rowById.get(paper.id);
    if (row === undefined) {
      plan.changes.push({ row: plan.count++, text: paperText(paper) });
      plan.appended.push(paper);
      plan.added++;
    } else if (sameRecord(existing[row], paper)) {
      plan.unchanged++;
    } else {
      const text = paperText(paper);
      if (text !== paperText(existing[row])) {
        plan.changes.push({ row, text });
        plan.replaced++;
      } else {
        plan.updated++;
      }
      plan.replacedRecords.set(row, paper);
    }
  }
  plan.changes.sort((a, b) => a.row - b.row);
  return plan;
}

/** Row `row`'s paper after the add. */
export function paperAfter(existing: readonly Paper[], plan: AddPlan, row: number): Paper {
  return row >= existing.length ? plan.appended[row - existing.length] : (plan.replacedRecords.get(row) ?? existing[row]);
}
