/**
 * @file Top-k selection over a table of scores: the last step of a BM25 query, which may
 * have scored most of 100,000 papers to return a hundred. One pass with a bounded heap,
 * O(n log k), where sorting every scored paper would cost O(n log n) and n objects.
 */
import type { RankedRow } from './rankedRow.js';

/**
 * The `k` rows with the highest scores above `above`, best first; ties go to the lower row.
 * By default rows scoring 0 or less (e.g. matching no query term) are never returned.
 * @example topRows(Float64Array.of(0.5, 0, 2, 1), 2) // => [{ row: 2, score: 2 }, { row: 3, score: 1 }]
 * @param scores  Score of every row.
 * @param above  Rows must score above this (-Infinity: every row counts).
 */
export function topRows(scores: Float64Array, k: number, above = 0): RankedRow[] {
  if (k < 1) return [];
  // A heap of the best rows so far whose root is the worst of them, the first to be replaced.
  const heap = new Uint32Array(k);
  let size = 0;
  const worse = (a: number, b: number) => scores[a] < scores[b] || (scores[a] === scores[b] && a > b);
  // Rows come in ascending order, so once the heap is full a row gets in only with a score above
  // the worst one kept (a tie goes to the kept, lower row): one comparison for most rows.
  let floor = above;
  for (let row = 0; row < scores.length; row++) {
    const score = scores[row];
    if (!(score > floor)) continue;
    if (size < k) siftUp(heap, size++, row, worse);
    else siftDown(heap, size, row, worse);
    if (size === k) floor = scores[heap[0]];
  }
  return Array.from(heap.subarray(0, size))
    .sort((a, b) => scores[b] - scores[a] || a - b)
    .map((row) => ({ row, score: scores[row] }));
}

/** Puts `row` at slot `at`, just past the end of a heap, and moves it up to its place. */
function siftUp(heap: Uint32Array, at: number, row: number, worse: (a: number, b: number) => boolean): void {
  let i = at;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!worse(row, heap[parent])) break;
    heap[i] = heap[parent];
    i = parent;
  }
  heap[i] = row;
}

/** Replaces the root of a heap of `size` rows with `row` and moves it down to its place. */
function siftDown(heap: Uint32Array, size: number, row: number, worse: (a: number, b: number) => boolean): void {
  let i = 0;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= size) break;
    if (child + 1 < size && worse(heap[child + 1], heap[child])) child++;
    if (!worse(heap[child], row)) break;
    heap[i] = heap[child];
    i = child;
  }
  heap[i] = row;
}
