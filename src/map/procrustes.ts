/**
 * @file Procrustes alignment of two 2D layouts of the same papers: the rotation (or reflection),
 * uniform scale and shift that bring one layout closest, in least squares, to the other. A full
 * rebuild uses it to keep the map's orientation from one build to the next.
 */
import { Matrix, SingularValueDecomposition } from 'ml-matrix';

/** x' = scale · (x, y) · rotation + shift; `rotation` is 2×2 row-major, orthogonal. */
export interface SimilarityTransform {
  rotation: [number, number, number, number];
  scale: number;
  shift: [number, number];
}

function centroid(points: Float32Array | Float64Array): [number, number] {
  const n = points.length / 2;
  let x = 0;
  let y = 0;
  for (let i = 0; i < n; i++) {
    x += points[2 * i];
    y += points[2 * i + 1];
  }
  return [x / n, y / n];
}

/**
 * The transform that maps `from` onto `to` (both [x0, y0, x1, y1, …], row i the same paper)
 * with the least sum of squared distances.
 * @example fitSimilarity(Float64Array.of(0, 0, 1, 0), Float64Array.of(0, 0, 0, 2)) // => rotation by 90°, scale 2, shift [0, 0]
 */
export function fitSimilarity(from: Float32Array | Float64Array, to: Float32Array | Float64Array): SimilarityTransform {
  const [fx, fy] = centroid(from);
  const [tx, ty] = centroid(to);
  // Cross-covariance M = Fᵀ T of the centred points; with M = U S Vᵀ the best rotation is U Vᵀ.
  const m = [0, 0, 0, 0];
  let spread = 0;
  for (let i = 0; i < from.length / 2; i++) {
    const [ax, ay, bx, by] = [from[2 * i] - fx, from[2 * i + 1] - fy, to[2 * i] - tx, to[2 * i + 1] - ty];
    m[0] += ax * bx;
    m[1] += ax * by;
    m[2] += ay * bx;
    m[3] += ay * by;
    spread += ax * ax + ay * ay;
  }
  const svd = new SingularValueDecomposition(new Matrix([[m[0], m[1]], [m[2], m[3]]]));
  const r = svd.leftSingularVectors.mmul(svd.rightSingularVectors.transpose());
  const scale = spread > 0 ? svd.diagonal.reduce((a, b) => a + b, 0) / spread : 1;
  const rotation: SimilarityTransform['rotation'] = [r.get(0, 0), r.get(0, 1), r.get(1, 0), r.get(1, 1)];
  const shift: [number, number] = [tx - scale * (fx * rotation[0] + fy * rotation[2]), ty - scale * (fx * rotation[1] + fy * rotation[3])];
  return { rotation, scale, shift };
}

/** `points` moved by `t`, as a new array. */
export function applySimilarity(points: Float32Array, t: SimilarityTransform): Float32Array {
  const out = new Float32Array(points.length);
  const [r00, r01, r10, r11] = t.rotation;
  for (let i = 0; i < points.length / 2; i++) {
    const [x, y] = [points[2 * i], points[2 * i + 1]];
    out[2 * i] = t.scale * (x * r00 + y * r10) + t.shift[0];
    out[2 * i + 1] = t.scale * (x * r01 + y * r11) + t.shift[1];
  }
  return out;
}
