/**
 * @file Steps shared by the browser tests: open the explorer, wait for the
 * map's first frame, search, read the results and the map's pixels.
 */
import type { Page } from 'playwright-core';
import { decodePng, type Pixels } from './png.js';

/** The map's clear colour (web/src/map/mapView.ts MAP_BACKGROUND). */
export const MAP_BACKGROUND = [13, 17, 23] as const;
export const MOE = /mixture[- ]of[- ]experts?|\bMoE\b|\bexperts?\b/i;

export const sel = {
  search: 'input[type="search"]',
  results: '#results a.result',
  resultTitle: '.result__title',
  status: '#status',
  panel: '#panel',
  panelTitle: '#panel-title',
  abstract: '.panel__abstract',
  similar: '.panel__similar a.similar',
  canvas: 'canvas.map-canvas',
  tooltip: '.map-tooltip',
  marker: '.map-query',
  notice: '#notice',
} as const;

/** Open `url` and wait until the map has drawn its points at least once. */
export async function openExplorer(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator(`${sel.canvas}[data-draws]`).waitFor({ timeout: 20_000 });
}

export async function search(page: Page, q: string): Promise<void> {
  await page.locator(sel.search).fill(q);
  await page.locator(sel.search).press('Enter');
  await page.locator(`${sel.results}, .status__empty, .error`).first().waitFor();
}

export async function resultTitles(page: Page): Promise<string[]> {
  return page.locator(`${sel.results} ${sel.resultTitle}`).allTextContents();
}

/** Wait until the map's animations settle (no new frame for 300 ms). */
export async function mapSettled(page: Page): Promise<void> {
  const canvas = page.locator(sel.canvas);
  let last = await canvas.getAttribute('data-draws');
  for (let i = 0; i < 40; i++) {
    await page.waitForTimeout(300);
    const now = await canvas.getAttribute('data-draws');
    if (now === last) return;
    last = now;
  }
}

/** The canvas alone, without the HTML overlays (labels, marker, tooltip, buttons). */
export async function canvasPixels(page: Page): Promise<Pixels> {
  // Hidden through the CSSOM: a screenshot `style` option injects a <style> element, which the app's CSP blocks.
  const overlays = '.map-labels, .map-query, .map-tooltip, .map-controls, .map-message';
  const setVisibility = (value: string) =>
    page.evaluate(`document.querySelectorAll(${JSON.stringify(overlays)}).forEach((el) => { el.style.visibility = ${JSON.stringify(value)}; })`);
  await setVisibility('hidden');
  const png = await page.locator(sel.canvas).screenshot({ caret: 'initial' });
  await setVisibility('');
  return decodePng(png);
}

/** The focused element's `data-id` (results, similar papers) or else its `id`. */
export function activeElementId(page: Page): Promise<string | null> {
  return page.evaluate<string | null>('document.activeElement?.dataset.id ?? document.activeElement?.id ?? null');
}
