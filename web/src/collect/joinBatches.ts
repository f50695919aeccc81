/**
 * @file Joins the files of one export fetched in batches (download.ts) into one file:
 * pure, tested without a browser.
 */

export type BatchFormat = 'csv' | 'jsonl' | 'bibtex';

/**
 * CSV keeps only the first batch's header row; BibTeX batches get a blank line between them;
 * JSON Lines batches are already whole lines.
 * @example joinBatches('csv', ['id\r\na\r\n', 'id\r\nb\r\n']) // => 'id\r\na\r\nb\r\n'
 */
export function joinBatches(format: BatchFormat, parts: readonly string[]): string {
  if (format === 'csv') return parts.map((part, i) => (i === 0 ? part : part.slice(part.indexOf('\r\n') + 2))).join('');
  return parts.filter(Boolean).join(format === 'bibtex' ? '\n' : '');
}
