/**
 * @file Shapes token ids into model inputs: truncation around the special tokens, batches grouped
 * by length (so short texts are not padded to a long neighbour's length), right padding and the
 * three int64 tensors a BERT graph reads. Pure functions, tested without a model.
 */

/** The ids a tokenizer's template puts around a text ([CLS] … [SEP] for BERT), and the padding id. */
export interface SpecialTokens {
  prefix: number[];
  suffix: number[];
  pad: number;
}

/** The int64 model inputs of one batch, row-major [rows, seq] with seq = the longest row. */
export interface PaddedBatch {
  inputIds: BigInt64Array;
  attentionMask: BigInt64Array;
  tokenTypeIds: BigInt64Array;
  dims: [number, number];
}

/**
 * Wraps a text's ids in the special tokens, first cutting the text so the result has at most
 * `maxTokens` ids (sentence-transformers keeps [CLS] and [SEP] and drops the text's tail).
 * @example frameTokens([7, 8, 9], { prefix: [2], suffix: [3], pad: 0 }, 4) // => [2, 7, 8, 3]
 */
export function frameTokens(content: readonly number[], special: SpecialTokens, maxTokens: number): number[] {
  const room = maxTokens - special.prefix.length - special.suffix.length;
  if (room < 1) throw new Error(`batching: maxTokens ${maxTokens} leaves no room for text next to ${special.prefix.length + special.suffix.length} special tokens`);
  return [...special.prefix, ...content.slice(0, room), ...special.suffix];
}

/**
 * Splits text indices into batches of at most `batchSize`. With `sortByLength`, longest texts come
 * first (a batch too big for memory fails at once, not at the end); otherwise input order is kept.
 * @example planBatches([5, 1, 9], 2, true) // => [[2, 0], [1]]
 * @param lengths  token count of each text
 */
export function planBatches(lengths: readonly number[], batchSize: number, sortByLength: boolean): number[][] {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`batching: batch size ${batchSize} must be a positive integer`);
  const order = lengths.map((_, i) => i);
  // Array.prototype.sort is stable: equal lengths keep input order, so plans are reproducible.
  if (sortByLength) order.sort((a, b) => lengths[b] - lengths[a]);
  const batches: number[][] = [];
  for (let start = 0; start < order.length; start += batchSize) batches.push(order.slice(start, start + batchSize));
  return batches;
}

/**
 * Right-pads rows to the longest one: input ids (padded with `padId`), attention mask (1 = token)
 * and token type ids (all 0: one segment per text).
 * @example padBatch([[2, 7, 3], [2, 3]], 0).attentionMask // => BigInt64Array [1n, 1n, 1n, 1n, 1n, 0n]
 */
export function padBatch(rows: readonly number[][], padId: number): PaddedBatch {
  const seq = rows.reduce((longest, row) => Math.max(longest, row.length), 0);
  const inputIds = new BigInt64Array(rows.length * seq).fill(BigInt(padId));
  const attentionMask = new BigInt64Array(rows.length * seq);
  rows.forEach((row, r) => {
    row.forEach((id, t) => {
      inputIds[r * seq + t] = BigInt(id);
      attentionMask[r * seq + t] = 1n;
    });
  });
  return { inputIds, attentionMask, tokenTypeIds: new BigInt64Array(rows.length * seq), dims: [rows.length, seq] };
}
