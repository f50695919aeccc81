/**
 * @file Which map points lie inside a lasso's outline: pure geometry, tested without a browser.
 */

/**
 * Whether (x, y) lies inside the polygon (even-odd rule, by ray casting).
 * @example insidePolygon(0.5, 0.5, [0, 0, 1, 0, 1, 1, 0, 1]) // => true
 * @param polygon  Vertices as [x0, y0, x1, y1, …]; closed implicitly.
 */
export function insidePolygon(x: number, y: number, polygon: ArrayLike<number>): boolean {
  let inside = false;
  const n = polygon.length / 2;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const [xi, yi, xj, yj] = [polygon[2 * i], polygon[2 * i + 1], polygon[2 * j], polygon[2 * j + 1]];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** The indices of the points (xs[i], ys[i]) inside the polygon, in index order. */
export function pointsInside(xs: ArrayLike<number>, ys: ArrayLike<number>, polygon: ArrayLike<number>): number[] {
  if (polygon.length < 6) return [];
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < polygon.length; i += 2) {
    minX = Math.min(minX, polygon[i]);
    maxX = Math.max(maxX, polygon[i]);
    minY = Math.min(minY, polygon[i + 1]);
    maxY = Math.max(maxY, polygon[i + 1]);
  }
  const inside: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    if (xs[i] < minX || xs[i] > maxX || ys[i] < minY || ys[i] > maxY) continue;
    if (insidePolygon(xs[i], ys[i], polygon)) inside.push(i);
  }
  return inside;
}
