/**
 * @file A small seeded random source (mulberry32 + Box-Muller) for everything that must repeat:
 * generated model weights, the SVD test matrix, UMAP, benchmark inputs. Same seed, same numbers.
 */

/** Draws from a seeded stream; `uniform` is in [0, 1), `normal` is N(0, 1). */
export interface SeededRandom {
  uniform(): number;
  normal(): number;
  /** `count` draws from N(0, std²), as float32. */
  normals(count: number, std: number): Float32Array;
}

/**
 * Creates a deterministic random source.
 * @example createSeededRandom(42).uniform() // => the same number on every run
 * @param seed  any integer; only its low 32 bits matter
 */
export function createSeededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  // mulberry32: tiny, fast and well spread; cryptographic quality is not needed here.
  const uniform = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = (): number => {
    // 1 - u keeps the logarithm's argument in (0, 1].
    const radius = Math.sqrt(-2 * Math.log(1 - uniform()));
    return radius * Math.cos(2 * Math.PI * uniform());
  };
  const normals = (count: number, std: number): Float32Array => {
    const out = new Float32Array(count);
    for (let i = 0; i < count; i++) out[i] = normal() * std;
    return out;
  };
  return { uniform, normal, normals };
}
