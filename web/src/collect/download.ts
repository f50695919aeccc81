/**
 * @file Downloads of a selection too large for one URL: a lasso on a large map can hold
 * thousands of papers, while a URL stays under 16 KB. The ids go in batches to
 * GET /api/export, and the batches are joined into one file in the page.
 */
import { exportUrl, getText, type ExportFormat } from './api.js';
import { joinBatches } from './joinBatches.js';

/** Ids per request: about 12 KB of arXiv-length ids, well under the server's URL limit. */
export const IDS_PER_REQUEST = 600;

/** Fetches the selection in batches and saves it as `paperscope-selection.<ext>`. */
export async function downloadInBatches(format: ExportFormat, ids: readonly string[]): Promise<void> {
  const parts: string[] = [];
  for (let start = 0; start < ids.length; start += IDS_PER_REQUEST) parts.push(await getText(exportUrl(format, { ids: ids.slice(start, start + IDS_PER_REQUEST) })));
  const extension = format === 'bibtex' ? 'bib' : format;
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([joinBatches(format, parts)], { type: 'text/plain;charset=utf-8' }));
  link.download = `paperscope-selection.${extension}`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
