/**
 * @file Slicing in a real browser: on a dated, categorised index, brushing months on the
 * histogram puts the range in the URL and dims the papers outside it on the map, and a
 * reload restores the same view; category chips and topic labels filter too. On the demo
 * corpus (no dates) the time controls are hidden.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { RunningServer } from '../../src/server/listen.js';
import { datedIndexDir } from '../helpers/datedIndex.js';
import { collectPageErrors, useDesktopPage } from './helpers/browser.js';
import { MAP_BACKGROUND, canvasPixels, mapSettled, openExplorer } from './helpers/app.js';
import { countNonBackground } from './helpers/png.js';
import { startServer } from './helpers/server.js';

const demoUrl = inject('baseUrl');
const page = useDesktopPage();
let dated: RunningServer;
const pageErrors = collectPageErrors(page);

beforeAll(async () => {
  dated = await startServer(await datedIndexDir());
});

afterAll(async () => {
  await dated?.close();
});

const litPixels = async () => countNonBackground(await canvasPixels(page), MAP_BACKGROUND);
const monthsIn = () => page.locator('.histogram rect.histogram__bar--in').evaluateAll((bars: Array<{ dataset: { month: string } }>) => bars.map((b) => b.dataset.month));

/** Drags across the histogram from bar `from` to bar `to` (indexes). */
async function brush(from: number, to: number): Promise<void> {
  const bars = page.locator('.histogram rect');
  const box = (await page.locator('.histogram').boundingBox())!;
  const count = await bars.count();
  const xOf = (i: number) => box.x + ((i + 0.5) / count) * box.width;
  await page.mouse.move(xOf(from), box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(xOf(to), box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
}

describe('the slice bar on a dated index', () => {
  it('brushing a range of months filters the URL and dims the map, and a reload restores the view', async () => {
    await openExplorer(page, dated.url);
    await page.locator('.histogram rect').first().waitFor();
    await mapSettled(page);
    const before = await litPixels();
    const months = await page.locator('.histogram rect').evaluateAll((bars: Array<{ dataset: { month: string } }>) => bars.map((b) => b.dataset.month));
    expect(months.length).toBeGreaterThan(10);
    await brush(2, 5);
    await page.waitForURL(/from=/);
    const url = new URL(page.url());
    expect([url.searchParams.get('from'), url.searchParams.get('to')]).toEqual([months[2], months[5]]);
    await mapSettled(page);
    const after = await litPixels();
    expect(after).toBeLessThan(before * 0.8);
    expect(await monthsIn()).toEqual(months.slice(2, 6));
    await expect(page.locator('.slice__range').textContent()).resolves.toBe(`${months[2]} to ${months[5]}`);

    await page.reload();
    await page.locator('.histogram rect').first().waitFor();
    await mapSettled(page);
    expect(page.url()).toBe(url.toString());
    expect(await monthsIn()).toEqual(months.slice(2, 6));
    expect(Math.abs((await litPixels()) - after)).toBeLessThan(after * 0.02);
    expect(pageErrors).toEqual([]);
  });

  it('filters searches to the slice and by category chip, kept in the permalink', async () => {
    await openExplorer(page, `${dated.url}/?q=vision&from=2026-01`);
    await page.locator('#results a.result').first().waitFor();
    const chip = page.locator('.category-chip').first();
    const name = await chip.getAttribute('data-category');
    await chip.click();
    await page.waitForURL(new RegExp(`cat=${name!.replace('.', '\\.')}`));
    expect(await chip.getAttribute('aria-pressed')).toBe('true');
    const ids = await page.locator('#results a.result').evaluateAll((links: Array<{ dataset: { id: string } }>) => links.map((l) => l.dataset.id));
    const api = await (await page.request.get(`${dated.url}/api/search?q=vision&k=20&from=2026-01&cat=${name}`)).json();
    expect(ids).toEqual(api.results.map((r: { id: string }) => r.id));
  });

  it('clicking a topic label filters to that topic, and "Topics over time" marks rising topics', async () => {
    await openExplorer(page, dated.url);
    await mapSettled(page);
    const label = page.locator('.map-label').first();
    const topic = await label.getAttribute('data-topic');
    await label.click();
    await page.waitForURL(new RegExp(`topic=${topic}`));
    expect(await page.locator('.slice__topic').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Topics over time' }).click();
    await page.locator('.trend').first().waitFor();
    const trends = await (await page.request.get(`${dated.url}/api/topics/trends`)).json();
    const rising = trends.topics.filter((t: { rising: boolean }) => t.rising).length;
    expect(await page.locator('.trend[data-rising="true"]').count()).toBe(rising);
  });
});

describe('the slice bar on the demo corpus', () => {
  it('hides the time controls when no paper has a date', async () => {
    await openExplorer(page, demoUrl);
    await mapSettled(page);
    await page.locator('#slice').waitFor();
    expect(await page.locator('.slice__time').isHidden()).toBe(true);
    expect(await page.locator('.slice__trends-toggle').isHidden()).toBe(true);
    expect(await page.locator('.category-chips').isHidden()).toBe(true);
  });
});
