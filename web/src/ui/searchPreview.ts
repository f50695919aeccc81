/**
 * @file The lexical preview behind search as you type: one request at a time (a newer
 * text cancels the older), its answer shown only while no full search has taken over.
 */
import { isAbort, searchPapers } from '../api.js';
import type { SearchResponse } from '../types.js';

export class SearchPreview {
  private abort = new AbortController();

  /** `show` renders a preview; `k` results are asked for. */
  constructor(private readonly k: number, private readonly show: (response: SearchResponse) => void) {}

  /** Preview `q` unless `stale()` says a full search has taken over by the time it answers. */
  async run(q: string, stale: () => boolean): Promise<void> {
    this.cancel();
    const abort = (this.abort = new AbortController());
    try {
      const response = await searchPapers(q, 'lexical', this.k, abort.signal);
      if (!abort.signal.aborted && !stale()) this.show(response);
    } catch (error) {
      // A preview that fails says nothing: the full search will report the problem.
      if (!isAbort(error)) console.warn('search preview failed', error);
    }
  }

  cancel(): void {
    this.abort.abort();
  }
}
