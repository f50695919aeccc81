/**
 * @file Turns a transformer's per-token output into one vector per text: mean pooling over the
 * real (unmasked) tokens, then L2 normalization, as sentence-transformers does for all-MiniLM-L6-v2.
 * Pure functions over flat typed arrays, so they are tested without a model.
 */

/**
 * Averages each row's token vectors, counting only positions whose mask is non-zero.
 * A row with no unmasked token gives a zero vector.
 * @example meanPool(Float32Array.of(1, 2, 3, 4, 9, 9), [1, 3, 2], [1, 1, 0]) // => [Float32Array [2, 3]]
 * @param hidden  last_hidden_state, row-major [batch, seq, size]
 * @param dims  [batch, seq, size]
 * @param mask  attention mask, row-major [batch, seq]: 1 for a token, 0 for padding
 */
export function meanPool(hidden: Float32Array, dims: readonly [number, number, number], mask: ArrayLike<number | bigint>): Float32Array[] {
  const [batch, seq, size] = dims;
  if (hidden.length !== batch * seq * size || mask.length !== batch * seq) {
    throw new Error(`pooling: got ${hidden.length} hidden values and ${mask.length} mask values for dims [${dims.join(', ')}]`);
  }
  return Array.from({ length: batch }, (_, row) => {
    // Accumulate in float64: a 256-token sum in float32 loses digits the cosine scores would notice.
    const sum = new Float64Array(size);
    let count = 0;
    for (let t = 0; t < seq; t++) {
      if (Number(mask[row * seq + t]) === 0) continue;
      const offset = (row * seq + t) * size;
      for (let d = 0; d < size; d++) sum[d] += hidden[offset + d];
      count++;
    }
    return Float32Array.from(sum, (value) => (count > 0 ? value / count : 0));
  });
}

/**
 * Scales `vector` in place to unit length and returns it; a zero vector stays zero.
 * @example l2Normalize(Float32Array.of(3, 4)) // => Float32Array [0.6, 0.8]
 */
export function l2Normalize(vector: Float32Array): Float32Array {
  let squares = 0;
  for (const value of vector) squares += value * value;
  if (squares === 0) return vector;
  const scale = 1 / Math.sqrt(squares);
  for (let i = 0; i < vector.length; i++) vector[i] *= scale;
  return vector;
}
