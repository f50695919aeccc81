/**
 * @file The query label's side, without a browser: right above the marker by default, on
 * another side when that would cover the open paper, and inside the map where it can be.
 */
import { describe, expect, it } from 'vitest';
import { queryLabelBox, type Circle } from '../../web/src/map/queryLabel.js';
import type { Box } from '../../web/src/map/labelPlacement.js';

const VIEW = { width: 800, height: 600 };
const SIZE = { width: 72, height: 18 };

const covers = (box: Box, c: Circle): boolean => {
  const nx = Math.min(Math.max(c.x, box.left), box.left + box.width);
  const ny = Math.min(Math.max(c.y, box.top), box.top + box.height);
  return Math.hypot(c.x - nx, c.y - ny) < c.r;
};
const inside = (box: Box): boolean => box.left >= 0 && box.top >= 0 && box.left + box.width <= VIEW.width && box.top + box.height <= VIEW.height;

describe('queryLabelBox', () => {
  it('sits right of and above the marker when nothing is in the way', () => {
    const box = queryLabelBox(400, 300, SIZE, [], VIEW);
    expect(box.left).toBeGreaterThan(400);
    expect(box.top + box.height).toBeLessThan(300);
  });

  it('moves off an open paper that the default side would cover, and stays beside the marker', () => {
    const open = { x: 440, y: 285, r: 12 };
    expect(covers(queryLabelBox(400, 300, SIZE, [], VIEW), open)).toBe(true);
    const box = queryLabelBox(400, 300, SIZE, [open], VIEW);
    expect(covers(box, open)).toBe(false);
    expect(Math.hypot(box.left + box.width / 2 - 400, box.top + box.height / 2 - 300)).toBeLessThan(80);
  });

  it('finds the one clear side when three are covered', () => {
    const around = [
      { x: 440, y: 285, r: 12 },
      { x: 360, y: 285, r: 12 },
      { x: 440, y: 315, r: 12 },
    ];
    const box = queryLabelBox(400, 300, SIZE, around, VIEW);
    expect(around.some((c) => covers(box, c))).toBe(false);
    expect(box.left + box.width).toBeLessThan(400);
    expect(box.top).toBeGreaterThan(300);
  });

  it('flips inward at the map edges, and lets the label stick out rather than cover the open paper', () => {
    expect(inside(queryLabelBox(VIEW.width - 20, 10, SIZE, [], VIEW))).toBe(true);
    const open = { x: 30, y: 585, r: 12 };
    const box = queryLabelBox(VIEW.width - 20, 10, SIZE, [{ x: VIEW.width - 60, y: 35, r: 12 }], VIEW);
    expect(covers(box, { x: VIEW.width - 60, y: 35, r: 12 })).toBe(false);
    expect(covers(queryLabelBox(10, 590, SIZE, [open], VIEW), open)).toBe(false);
  });
});
