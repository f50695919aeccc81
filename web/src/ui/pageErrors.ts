/**
 * @file What the page does with a failed request: while the server is still loading its
 * index (503) it says so and retries after Retry-After; other errors it explains.
 */
import { ApiError } from '../api.js';
import type { Notices } from './notices.js';

/** Wait before a retry when a 503 names no Retry-After. */
const RETRY_MS = 2000;

/** The sentence a person reads for `error`. */
export function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : 'Something went wrong in the page. Reload to try again.';
}

export class PageErrors {
  constructor(private readonly notices: Notices) {}

  /** On 503 (index still loading) run `retry` after Retry-After and say so; false for other errors. */
  retryWhenReady(error: unknown, retry: () => void): boolean {
    if (!(error instanceof ApiError) || error.status !== 503) return false;
    this.notices.showAlert(`${error.message} Retrying…`);
    setTimeout(retry, (error.retryAfter ?? RETRY_MS / 1000) * 1000);
    return true;
  }

  /** A request the whole page needs failed: retry when the index is ready, else offer a reload. */
  report(error: unknown, retry: () => void): void {
    if (!this.retryWhenReady(error, retry)) this.notices.showAlert(messageOf(error), { label: 'Retry', run: () => location.reload() });
  }
}
