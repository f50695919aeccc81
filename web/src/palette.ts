/**
 * @file Topic colours from well-kept categorical schemes (d3-scale-chromatic: Tableau 10,
 * then ColorBrewer Set1, Dark2 and Set3): Tableau's ten first, then at each step the
 * colour of the pool farthest in CIELAB from every colour already taken, so the n-th
 * colour is as distinct as the pool allows. Fine topics are lightness tints of their
 * coarse topic's colour.
 */
import { lab, rgb } from 'd3-color';
import { schemeDark2, schemeSet1, schemeSet3, schemeTableau10 } from 'd3-scale-chromatic';

export type Rgb = readonly [number, number, number];

/** Too dark for the map's near-black background, or too grey (grey means "no topic"). */
const MIN_LIGHTNESS = 45;
const MIN_CHROMA = 25;
/** How far (CIELAB L) the lightest and darkest tints of a coarse colour go. */
const TINT_RANGE = 36;

const toRgb = (css: string): Rgb => {
  const c = rgb(css);
  return [Math.round(c.r), Math.round(c.g), Math.round(c.b)];
};

/** CIE76 colour difference. */
export function deltaE(a: Rgb, b: Rgb): number {
  const [p, q] = [lab(rgb(...a)), lab(rgb(...b))];
  return Math.hypot(p.l - q.l, p.a - q.a, p.b - q.b);
}

function usable(css: string): boolean {
  const c = lab(css);
  return c.l >= MIN_LIGHTNESS && Math.hypot(c.a, c.b) >= MIN_CHROMA;
}

/** `n` topic colours, most distinct first; past the pool's size they repeat. */
export function topicPalette(n: number): Rgb[] {
  const chosen = schemeTableau10.filter(usable).map(toRgb);
  const pool = [...schemeSet1, ...schemeDark2, ...schemeSet3].filter(usable).map(toRgb);
  while (chosen.length < n && pool.length > 0) {
    const distance = (c: Rgb) => Math.min(...chosen.map((d) => deltaE(c, d)));
    let best = 0;
    for (let i = 1; i < pool.length; i++) if (distance(pool[i]) > distance(pool[best])) best = i;
    chosen.push(pool.splice(best, 1)[0]);
  }
  return Array.from({ length: n }, (_, i) => chosen[i % chosen.length]);
}

/** `count` tints of `base`, from lighter to darker, the middle one `base` itself when count is odd. */
export function tintsOf(base: Rgb, count: number): Rgb[] {
  const c = lab(rgb(...base));
  return Array.from({ length: count }, (_, i) => {
    const offset = count === 1 ? 0 : TINT_RANGE / 2 - (TINT_RANGE * i) / (count - 1);
    const tint = rgb(lab(Math.min(96, Math.max(35, c.l + offset)), c.a, c.b)).clamp();
    return [Math.round(tint.r), Math.round(tint.g), Math.round(tint.b)] as Rgb;
  });
}
