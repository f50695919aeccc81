/**
 * @file Topic colours: distinct in CIELAB for as many coarse topics as real maps have,
 * readable on the dark map, and fine topics as tints that keep their coarse hue.
 */
import { hcl, rgb } from 'd3-color';
import { describe, expect, it } from 'vitest';
import { deltaE, tintsOf, topicPalette } from '../../web/src/palette.js';

const minDistance = (colors: readonly (readonly [number, number, number])[]) => {
  let min = Infinity;
  for (let i = 0; i < colors.length; i++) for (let j = 0; j < i; j++) min = Math.min(min, deltaE(colors[i], colors[j]));
  return min;
};

describe('topicPalette', () => {
  it('gives 16 colours no two of which are near-duplicates (CIE76 ΔE ≥ 20), none dark or grey', () => {
    const palette = topicPalette(16);
    expect(palette).toHaveLength(16);
    expect(minDistance(palette)).toBeGreaterThanOrEqual(20);
    for (const c of palette) {
      const h = hcl(rgb(...c));
      expect(h.l).toBeGreaterThanOrEqual(45);
      expect(h.c).toBeGreaterThanOrEqual(20);
    }
  });

  it('starts with the same colours whatever the count, so a topic keeps its colour', () => {
    expect(topicPalette(20).slice(0, 8)).toEqual(topicPalette(8));
  });
});

describe('tintsOf', () => {
  it('keeps the hue, spreads the lightness, and tells neighbouring tints apart', () => {
    const base = topicPalette(3)[2];
    const tints = tintsOf(base, 5);
    expect(tints[2]).toEqual(base);
    const hues = tints.map((t) => hcl(rgb(...t)).h);
    for (const h of hues) expect(Math.abs(((h - hcl(rgb(...base)).h + 540) % 360) - 180)).toBeLessThan(12);
    const lightness = tints.map((t) => hcl(rgb(...t)).l);
    for (let i = 1; i < lightness.length; i++) expect(lightness[i]).toBeLessThan(lightness[i - 1]);
    expect(minDistance(tints)).toBeGreaterThan(5);
  });
});
