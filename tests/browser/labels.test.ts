/**
 * @file Map labels in a real browser at every zoom, on a desktop and a phone: there are
 * labels at each step from the home view to the deepest zoom (paper titles there), all
 * inside the map, none under a control, and never the same text twice.
 */
import { describe, expect, inject, it } from 'vitest';
import { useDesktopPage } from './helpers/browser.js';
import { mapSettled, openExplorer, sel } from './helpers/app.js';

const baseUrl = inject('baseUrl');
const page = useDesktopPage();

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

interface LabelsSeen {
  map: Rect;
  controls: Rect[];
  labels: { text: string; kind: string; box: Rect }[];
}

async function labelsNow(): Promise<LabelsSeen> {
  return page.evaluate(`(() => {
    const rect = (el) => { const r = el.getBoundingClientRect(); return { left: r.left, top: r.top, right: r.right, bottom: r.bottom }; };
    return {
      map: rect(document.querySelector('#map')),
      controls: [...document.querySelectorAll('.map-controls button, .map-legend')].map(rect),
      labels: [...document.querySelectorAll('.map-label')].map((el) => ({ text: el.textContent, kind: el.className, box: rect(el) })),
    };
  })()`);
}

const overlaps = (a: Rect, b: Rect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

function checkLabels(seen: LabelsSeen, where: string): void {
  expect(seen.labels.length, where).toBeGreaterThan(0);
  const texts = seen.labels.map((l) => l.text!.trim().toLowerCase());
  expect(new Set(texts).size, `${where}: ${texts.join(' | ')}`).toBe(texts.length);
  for (const { text, box } of seen.labels) {
    expect(box.left, `${where}: ${text}`).toBeGreaterThanOrEqual(seen.map.left - 0.5);
    expect(box.top, `${where}: ${text}`).toBeGreaterThanOrEqual(seen.map.top - 0.5);
    expect(box.right, `${where}: ${text}`).toBeLessThanOrEqual(seen.map.right + 0.5);
    expect(box.bottom, `${where}: ${text}`).toBeLessThanOrEqual(seen.map.bottom + 0.5);
    for (const control of seen.controls) expect(overlaps(box, control), `${where}: ${text} under a control`).toBe(false);
  }
}

describe('map labels', () => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    it(`are shown at every zoom, inside the map, never under a control, never repeated (${viewport.width} px)`, async () => {
      await page.setViewportSize(viewport);
      await openExplorer(page, baseUrl);
      await mapSettled(page);
      const kinds = new Set<string>();
      for (let step = 0; step <= 10; step++) {
        if (step > 0) {
          await page.locator(sel.canvas).focus();
          await page.keyboard.press('+');
          await mapSettled(page);
        }
        await page.waitForTimeout(200);
        const seen = await labelsNow();
        checkLabels(seen, `zoom step ${step}`);
        for (const l of seen.labels) kinds.add(/map-label--(coarse|fine|paper)/.exec(l.kind)?.[0] ?? l.kind);
      }
      expect([...kinds].sort()).toEqual(['map-label--coarse', 'map-label--fine', 'map-label--paper']);
    });
  }
});
