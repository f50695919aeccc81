/**
 * @file Float32 arrays as bytes and back (little-endian, as every x86 and ARM machine
 * stores them): how vectors, map coordinates and the LSA model are saved.
 */

/** The bytes of `values`, without copying. */
export function float32Bytes(values: Float32Array): Uint8Array {
  return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
}

/** `bytes` as floats: a view, copied only when they are not 4-byte aligned. The length must be a multiple of 4. */
export function float32View(bytes: Uint8Array): Float32Array {
  if (bytes.byteLength % 4 !== 0) throw new Error(`${bytes.byteLength} bytes is not a whole number of 4-byte floats`);
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : new Uint8Array(bytes);
  return new Float32Array(aligned.buffer, aligned.byteOffset, aligned.byteLength / 4);
}
