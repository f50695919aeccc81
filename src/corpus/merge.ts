/**
 * @file Merges duplicate papers (same id, or same title ignoring case): the first keeps
 * its place and fields, gains the optional fields only the later one has, and a warning names both lines.
 */
import type { Paper } from './paper.js';
import type { SourcedPaper } from './record.js';
import { quote } from './text.js';

/** A paper with the line its record starts on. */
export interface LinedPaper extends SourcedPaper {
  line: number;
}

/** Anything that takes warnings by line (the parse run's issue report). */
export interface WarningSink {
  warn(line: number, message: string): void;
}

const OPTIONAL_FIELDS = Object.freeze(['authors', 'year', 'categories', 'url'] as const);

/**
 * The papers in input order with duplicates folded into their first occurrence; linear time.
 * Same title under two different source ids is kept twice (with a warning): corpora such as
 * SciFact hold distinct documents titled "Summary", and dropping one would lose a document.
 */
export function mergeDuplicates(entries: LinedPaper[], sink: WarningSink): Paper[] {
  const kept: LinedPaper[] = [];
  const byId = new Map<string, number>();
  const byTitle = new Map<string, number>();
  for (const entry of entries) {
    const { id, title } = entry.paper;
    const sameId = byId.get(id);
    const sameTitle = byTitle.get(title.toLowerCase());
    const first = kept[sameId ?? sameTitle ?? -1];
    if (first && (sameId !== undefined || !entry.hasSourceId || !first.hasSourceId)) {
      fillMissing(first.paper, entry.paper);
      const same = sameId === undefined ? `title ${quote(title)}; its id "${id}" is dropped` : `id "${id}"`;
      sink.warn(entry.line, `duplicate of line ${first.line} (same ${same}): merged into "${first.paper.id}"`);
      continue;
    }
    if (first) sink.warn(entry.line, `same title as line ${first.line} (${quote(title)}) but another id: kept both`);
    else byTitle.set(title.toLowerCase(), kept.length);
    byId.set(id, kept.length);
    kept.push(entry);
  }
  return kept.map((entry) => entry.paper);
}

function fillMissing(target: Paper, source: Paper): void {
  for (const field of OPTIONAL_FIELDS) {
    if (target[field] === undefined && source[field] !== undefined) {
      Object.assign(target, { [field]: source[field] });
    }
  }
}
