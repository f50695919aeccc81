/**
 * @file Collections in a real browser against the real server: a lasso drawn around three
 * papers on the map lists exactly them; added to a new collection they survive a reload;
 * the collection's recommendations are drawn on the map, with a legend.
 */
import { describe, expect, inject, it } from 'vitest';
import { toScreen } from '../../web/src/map/camera.js';
import { CAMERA_PARAM, parseCamera } from '../../web/src/map/cameraUrl.js';
import { COLLECT_RINGS } from '../../web/src/map/collectRings.js';
import { insidePolygon } from '../../web/src/collect/polygon.js';
import { collectPageErrors, useDesktopPage } from './helpers/browser.js';
import { canvasPixels, mapSettled, openExplorer, search, sel } from './helpers/app.js';
import type { Pixels } from './helpers/png.js';

const baseUrl = inject('baseUrl');
const page = useDesktopPage();
const pageErrors = collectPageErrors(page);

type Point = [number, number];

/** Convex hull (Andrew's monotone chain), counter-clockwise. */
function hull(points: Point[]): Point[] {
  const sorted = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const cross = (o: Point, a: Point, b: Point) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const half = (list: Point[]) => {
    const out: Point[] = [];
    for (const p of list) {
      while (out.length >= 2 && cross(out[out.length - 2], out[out.length - 1], p) <= 0) out.pop();
      out.push(p);
    }
    return out.slice(0, -1);
  };
  return [...half(sorted), ...half([...sorted].reverse())];
}

/** An outline around points `chosen` (each circled at `radius` px), or null if another point comes within `margin` of it. */
function outlineAround(screen: Point[], chosen: number[], radius: number, margin: number): Point[] | null {
  const ring = (r: number) => hull(chosen.flatMap((i) => Array.from({ length: 12 }, (_, k): Point => [screen[i][0] + r * Math.cos((k * Math.PI) / 6), screen[i][1] + r * Math.sin((k * Math.PI) / 6)])));
  const guard = ring(radius + margin).flat();
  const others = screen.filter((_, i) => !chosen.includes(i));
  return others.some(([x, y]) => insidePolygon(x, y, guard)) ? null : ring(radius);
}

/** Where each paper is drawn, by the camera the map last drew with (its canvas's data-camera). */
async function screenPositions(): Promise<{ ids: string[]; titles: string[]; screen: Point[] }> {
  const map = (await (await page.request.get(`${baseUrl}/api/map`)).json()) as { ids: string[]; titles: string[]; x: number[]; y: number[] };
  const box = (await page.locator(sel.canvas).boundingBox())!;
  const view = { width: box.width, height: box.height };
  const camera = parseCamera(`?${CAMERA_PARAM}=${await page.locator(sel.canvas).getAttribute('data-camera')}`)!;
  return { ids: map.ids, titles: map.titles, screen: map.x.map((x, i) => toScreen(camera, view, x, map.y[i])) };
}

/** Three papers near each other, with no other paper near the outline around them. */
function isolatedTriple(screen: Point[]): { chosen: number[]; outline: Point[] } {
  const distance = (a: number, b: number) => Math.hypot(screen[a][0] - screen[b][0], screen[a][1] - screen[b][1]);
  for (let i = 0; i < screen.length; i++) {
    const near = screen.map((_, j) => j).filter((j) => j !== i).sort((a, b) => distance(i, a) - distance(i, b)).slice(0, 2);
    const chosen = [i, ...near];
    if (distance(i, near[1]) > 150) continue;
    const outline = outlineAround(screen, chosen, 10, 8);
    if (outline) return { chosen, outline };
  }
  throw new Error('no three papers stand apart from the rest on this map');
}

async function drawLasso(outline: Point[]): Promise<void> {
  const box = (await page.locator(sel.canvas).boundingBox())!;
  await page.getByRole('button', { name: 'Lasso' }).click();
  await page.mouse.move(box.x + outline[0][0], box.y + outline[0][1]);
  await page.mouse.down();
  for (const [x, y] of [...outline.slice(1), outline[0]]) await page.mouse.move(box.x + x, box.y + y, { steps: 4 });
  await page.mouse.up();
}

/** Pixels within `tolerance` of a ring colour (0..1 RGB). */
function countColour(pixels: Pixels, rgb: readonly number[], tolerance = 14): number {
  const target = rgb.slice(0, 3).map((c) => Math.round(c * 255));
  let count = 0;
  for (let i = 0; i < pixels.data.length; i += 4) {
    if (target.every((c, k) => Math.abs(pixels.data[i + k] - c) <= tolerance)) count++;
  }
  return count;
}

describe('collections on the map', () => {
  let chosenIds: string[] = [];

  it('lists exactly the three papers a lasso is drawn around', async () => {
    await openExplorer(page, baseUrl);
    await mapSettled(page);
    const { ids, titles, screen } = await screenPositions();
    const { chosen, outline } = isolatedTriple(screen);
    chosenIds = chosen.map((i) => ids[i]);
    await drawLasso(outline);
    const items = page.locator('.collect-selection__list li');
    await expect.poll(() => items.count()).toBe(3);
    const listed = await items.evaluateAll((els: { dataset: { id?: string } }[]) => els.map((el) => el.dataset.id));
    expect(new Set(listed)).toEqual(new Set(chosenIds));
    expect(new Set(await page.locator('.collect-selection__list .collect-paper__title').allTextContents())).toEqual(new Set(chosen.map((i) => titles[i])));
    await expect(page.locator('.collect-legend').textContent()).resolves.toMatch(/selected \(3\)/);
  });

  it('adds the selection to a new collection that is still there after a reload', async () => {
    // With no collection yet, the bar is the form alone: nothing to pick or show.
    await expect(page.getByLabel('Active collection').count()).resolves.toBe(0);
    await page.getByLabel('New collection name').fill('Lasso picks');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('button', { name: 'Add all to “Lasso picks”' }).click();
    await page.locator('.collect-papers li').first().waitFor();
    await page.reload();
    await page.locator(`${sel.canvas}[data-draws]`).waitFor();
    const select = page.getByLabel('Active collection');
    await expect.poll(async () => select.locator('option:checked').textContent()).toBe('Lasso picks (3)');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    const papers = page.locator('.collect-papers li');
    await expect.poll(() => papers.count()).toBe(3);
    expect(new Set(await papers.evaluateAll((els: { dataset: { id?: string } }[]) => els.map((el) => el.dataset.id)))).toEqual(new Set(chosenIds));
    const stored = (await (await page.request.get(`${baseUrl}/api/collections`)).json()).collections;
    expect(stored).toEqual([expect.objectContaining({ name: 'Lasso picks', size: 3 })]);
  });

  it('draws the recommendations on the map, with a legend', async () => {
    const recommended = page.locator('.collect-recommended li');
    await expect.poll(() => recommended.count()).toBe(20);
    // Each has a why line (read against its nearest kept paper), its rank by meaning last.
    await expect(page.locator('.collect-recommended li .why__signals').count()).resolves.toBe(20);
    await expect(page.locator('.collect-recommended li .why').first().textContent()).resolves.toMatch(/ranked by meaning #1$/);
    await expect(page.locator('.collect-legend').textContent()).resolves.toMatch(/recommended \(20\)/);
    await mapSettled(page);
    const shown = countColour(await canvasPixels(page), COLLECT_RINGS.recommended);
    await page.getByRole('button', { name: 'Hide', exact: true }).click();
    await mapSettled(page);
    const hidden = countColour(await canvasPixels(page), COLLECT_RINGS.recommended);
    // 20 rings of a few hundred pixels each against none once the view is hidden.
    expect(shown).toBeGreaterThan(20 * 40);
    expect(hidden).toBeLessThan(shown / 20);
    expect(pageErrors).toEqual([]);
  });

  it("downloads a search's results and the open paper's topic from the page", async () => {
    await search(page, 'optimal transport');
    const shown = await page.locator(`${sel.results}`).evaluateAll((links: { dataset: { id?: string } }[]) => links.map((l) => l.dataset.id));
    const csvLink = page.locator('#status a.collect-export__link', { hasText: 'CSV' });
    const results = await page.request.get(new URL((await csvLink.getAttribute('href'))!, baseUrl).href);
    expect(results.headers()['content-disposition']).toMatch(/^attachment; filename="?paperscope-search-optimal-transport\.csv"?$/);
    const ids = results.text().then((text) => text.trim().split('\r\n').slice(1).map((line) => line.split(',')[0]));
    expect(await ids).toEqual(shown);
    await page.locator(sel.results).first().click();
    const topicLink = page.locator('.collect-panel a.collect-export__link', { hasText: 'JSONL' });
    await topicLink.waitFor();
    const topic = await page.request.get(new URL((await topicLink.getAttribute('href'))!, baseUrl).href);
    const rows = (await topic.text()).trim().split('\n').map((line) => JSON.parse(line) as { id: string });
    expect(rows.map((r) => r.id)).toContain(shown[0]);
  });

  it('keeps a result with ▲ in the list and marks the open paper ▼ in its panel', async () => {
    await search(page, 'optimal transport');
    const [first, second] = await page.locator(sel.results).evaluateAll((links: { dataset: { id?: string } }[]) => links.slice(0, 2).map((l) => l.dataset.id!));
    const keep = page.locator(`.results__item:has(a[data-id="${first}"]) .thumb--pos`);
    await keep.click();
    await expect.poll(() => keep.getAttribute('aria-pressed')).toBe('true');
    await page.locator(`a[data-id="${second}"]`).first().click();
    const reject = page.locator('.collect-panel .thumb--neg');
    await reject.click();
    await expect.poll(() => reject.getAttribute('aria-pressed')).toBe('true');
    const { collections } = await (await page.request.get(`${baseUrl}/api/collections`)).json();
    const active = await (await page.request.get(`${baseUrl}/api/collections/${collections[0].id}`)).json();
    const labels = Object.fromEntries(active.papers.map((p: { id: string; label: string }) => [p.id, p.label]));
    expect([labels[first], labels[second]]).toEqual(['pos', 'neg']);
  });
});
