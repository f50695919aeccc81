/**
 * @file The explorer in a real browser against the real server: search, the
 * paper panel, permalinks and history, the map's pixels and hover, keyboard
 * use, and the empty and error states.
 */
import { describe, expect, inject, it } from 'vitest';
import { collectPageErrors, useDesktopPage } from './helpers/browser.js';
import { MAP_BACKGROUND, MOE, activeElementId, canvasPixels, mapSettled, openExplorer, resultTitles, search, sel } from './helpers/app.js';
import { countNonBackground, differs, pointCentres } from './helpers/png.js';
import { toScreen, type Viewport } from '../../web/src/map/camera.js';
import { parseCamera } from '../../web/src/map/cameraUrl.js';
import type { MapBody } from '../../src/server/apiShapes.js';

const baseUrl = inject('baseUrl');
const QUERY = 'mixture of experts routing';
const page = useDesktopPage();
const pageErrors = collectPageErrors(page, { consoleErrors: true });

describe('the explorer page', () => {
  it('loads, says it runs on the lexical embedder, and draws the map', async () => {
    await openExplorer(page, baseUrl);
    await expect(page.title()).resolves.toBe('paperscope');
    await expect(page.locator(sel.notice).textContent()).resolves.toMatch(/lexical/i);
    await expect(page.locator('#health').textContent()).resolves.toMatch(/\d+ papers/);
    const pixels = await canvasPixels(page);
    // 100+ points of ~7 px: thousands of coloured pixels on the dark background.
    expect(countNonBackground(pixels, MAP_BACKGROUND)).toBeGreaterThan(1500);
    expect(await page.locator('.map-label').count()).toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
  });

  it('shows a paper title when the pointer rests on a point', async () => {
    await openExplorer(page, baseUrl);
    await mapSettled(page);
    const centres = pointCentres(await canvasPixels(page), MAP_BACKGROUND);
    expect(centres.length).toBeGreaterThan(0);
    const box = (await page.locator(sel.canvas).boundingBox())!;
    const [x, y] = centres[Math.floor(centres.length / 2)];
    await page.mouse.move(box.x + x, box.y + y);
    const tooltip = page.locator(sel.tooltip);
    await tooltip.waitFor({ state: 'visible' });
    const titles = (await (await page.request.get(`${baseUrl}/api/map`)).json()).titles as string[];
    expect(titles).toContain(await tooltip.locator('.map-tooltip__title').textContent());
  });
});

describe('the map', () => {
  it('labels coarse topics zoomed out and fine ones zoomed in, without overlaps', async () => {
    await openExplorer(page, baseUrl);
    await mapSettled(page);
    const clusters = (await (await page.request.get(`${baseUrl}/api/map`)).json()).clusters as { id: number; level: number; parent?: number }[];
    const nested = new Set(clusters.filter((c) => c.level === 1 && c.parent !== undefined).map((c) => String(c.id)));
    expect(nested.size).toBeGreaterThan(0);
    const shownTopics = async (): Promise<string[]> => page.locator('.map-label').evaluateAll((labels: { dataset: { topic: string } }[]) => labels.map((l) => l.dataset.topic));
    // Zoomed out: coarse topics only (and fine ones that have no coarse parent).
    expect((await shownTopics()).length).toBeGreaterThan(0);
    expect((await shownTopics()).filter((id) => nested.has(id))).toEqual([]);
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Zoom in' }).click();
    await mapSettled(page);
    expect((await shownTopics()).filter((id) => nested.has(id)).length).toBeGreaterThan(0);
    const boxes = await Promise.all((await page.locator('.map-label').all()).map((label) => label.boundingBox()));
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        const apart = a!.x + a!.width <= b!.x || b!.x + b!.width <= a!.x || a!.y + a!.height <= b!.y || b!.y + b!.height <= a!.y;
        expect(apart).toBe(true);
      }
    }
  });
});

describe('searching', () => {
  it('finds mixture-of-experts papers among the first five results and marks the query on the map', async () => {
    await openExplorer(page, baseUrl);
    await search(page, QUERY);
    const titles = await resultTitles(page);
    expect(titles.length).toBeGreaterThanOrEqual(5);
    expect(titles.slice(0, 5).filter((t) => MOE.test(t)).length).toBeGreaterThanOrEqual(3);
    const url = new URL(page.url());
    expect(url.searchParams.get('q')).toBe(QUERY);
    expect(url.searchParams.get('mode')).toBe('hybrid');
    await expect(page.locator(sel.marker).isVisible()).resolves.toBe(true);
    await expect(page.locator('.result__score').first().textContent()).resolves.toMatch(/^match 100%$/);
  });

  it('re-runs the search in another mode and keeps the mode in the URL', async () => {
    await openExplorer(page, `${baseUrl}/?q=${encodeURIComponent(QUERY)}`);
    await page.locator(sel.results).first().waitFor();
    await page.getByRole('radio', { name: 'Lexical' }).check();
    await page.waitForURL(/mode=lexical/);
    // The URL changes before the new results arrive: wait for the status to say the search is done.
    await expect.poll(() => page.locator(sel.status).textContent()).toMatch(/lexical/);
    expect((await resultTitles(page)).slice(0, 5).some((t) => MOE.test(t))).toBe(true);
  });

  it('says so when no paper matches', async () => {
    await openExplorer(page, `${baseUrl}/?q=qwxz+zzvy&mode=lexical`);
    await page.locator('.status__empty').waitFor();
    await expect(page.locator('.status__empty').textContent()).resolves.toBe('No papers match “qwxz zzvy”.');
  });

  it('shows a 400 message as the server wrote it', async () => {
    // Over POST's 20,000 characters (a query over 1,000 goes by POST).
    const q = 'x'.repeat(20_001);
    const api = await page.request.post(`${baseUrl}/api/search`, { data: { q } });
    expect(api.status()).toBe(400);
    const message = (await api.json()).error.message as string;
    await openExplorer(page, baseUrl);
    await search(page, q);
    await expect(page.locator('.error__message').textContent()).resolves.toBe(message);
  });
});

describe('the paper panel', () => {
  it('opens a result with its abstract and similar papers, each of which opens in turn', async () => {
    await openExplorer(page, baseUrl);
    await search(page, QUERY);
    const first = page.locator(sel.results).first();
    const id = (await first.getAttribute('data-id'))!;
    const title = await first.locator(sel.resultTitle).textContent();
    await first.click();
    await expect.poll(() => page.locator(sel.panelTitle).textContent()).toBe(title);
    const paper = await (await page.request.get(`${baseUrl}/api/papers/${encodeURIComponent(id)}`)).json();
    await expect.poll(() => page.locator(sel.abstract).textContent()).toBe(paper.abstract);
    await page.locator(sel.similar).first().waitFor();
    expect(await page.locator(sel.similar).count()).toBeGreaterThanOrEqual(3);
    expect(new URL(page.url()).searchParams.get('paper')).toBe(id);

    const similar = page.locator(sel.similar).first();
    const similarId = (await similar.getAttribute('data-id'))!;
    const similarTitle = await similar.locator('.similar__title').textContent();
    await similar.click();
    await expect.poll(() => page.locator(sel.panelTitle).textContent()).toBe(similarTitle);
    expect(new URL(page.url()).searchParams.get('paper')).toBe(similarId);

    await page.goBack();
    await expect.poll(() => page.locator(sel.panelTitle).textContent()).toBe(title);
  });

  it('is restored, with the query and results, by reloading its permalink', async () => {
    await openExplorer(page, baseUrl);
    await search(page, QUERY);
    await page.locator(sel.results).nth(1).click();
    await page.locator(sel.abstract).waitFor();
    const before = { url: page.url(), title: await page.locator(sel.panelTitle).textContent(), results: await resultTitles(page) };
    await page.reload();
    await page.locator(sel.abstract).waitFor();
    await page.locator(sel.results).first().waitFor();
    expect(page.url()).toBe(before.url);
    await expect(page.locator(sel.search).inputValue()).resolves.toBe(QUERY);
    await expect(page.locator(sel.panelTitle).textContent()).resolves.toBe(before.title);
    expect(await resultTitles(page)).toEqual(before.results);
    await expect(page.locator('a.result[aria-current="true"]').count()).resolves.toBe(1);
  });

  it('shows the server’s 404 message for an unknown paper id', async () => {
    const api = await page.request.get(`${baseUrl}/api/papers/no-such-paper`);
    expect(api.status()).toBe(404);
    await openExplorer(page, `${baseUrl}/?paper=no-such-paper`);
    await expect.poll(() => page.locator(`${sel.panel} .error__message`).textContent()).toBe((await api.json()).error.message);
  });

  it('opens from a click on the map the paper under the click', async () => {
    await openExplorer(page, baseUrl);
    await mapSettled(page);
    const box = (await page.locator(sel.canvas).boundingBox())!;
    const map = (await (await page.request.get(`${baseUrl}/api/map`)).json()) as MapBody;
    const target = await clickablePaper(map, { width: box.width, height: box.height });
    // The computed position really is a drawn point: the test and the page agree on the camera.
    expect(differs(await canvasPixels(page), Math.round(target.sx), Math.round(target.sy), MAP_BACKGROUND)).toBe(true);
    await page.mouse.click(box.x + target.sx, box.y + target.sy);
    await page.locator(sel.abstract).waitFor();
    expect(new URL(page.url()).searchParams.get('paper')).toBe(map.ids[target.index]);
    await expect(page.locator(sel.panelTitle).textContent()).resolves.toBe(map.titles[target.index]);
  });
});

/** Screen distance (CSS px) to every other paper: more than twice the page's pick radius. */
const ISOLATION_PX = 20;

/**
 * A paper, with its screen position in the page's current view (its camera, as the
 * canvas reports it), that has no other paper within ISOLATION_PX and no control over
 * it: a click there can only mean this one.
 */
async function clickablePaper(map: MapBody, view: Viewport): Promise<{ index: number; sx: number; sy: number }> {
  const camera = parseCamera(`?view=${await page.locator(sel.canvas).getAttribute('data-camera')}`)!;
  const screen = map.ids.map((_, i) => toScreen(camera, view, map.x[i], map.y[i]));
  const box = (await page.locator(sel.canvas).boundingBox())!;
  for (const [index, [sx, sy]] of screen.entries()) {
    if (!screen.every(([ox, oy], j) => j === index || Math.hypot(ox - sx, oy - sy) > ISOLATION_PX)) continue;
    const onCanvas = await page.evaluate<boolean>(`document.elementFromPoint(${box.x + sx}, ${box.y + sy})?.matches(${JSON.stringify(sel.canvas)}) ?? false`);
    if (onCanvas) return { index, sx, sy };
  }
  throw new Error('no paper on the map stands apart from the others');
}

describe('the keyboard', () => {
  it('walks search → results → panel → back with /, arrows, Enter and Esc', async () => {
    await openExplorer(page, baseUrl);
    await page.locator('body').click({ position: { x: 5, y: 790 } });
    await page.keyboard.press('/');
    await expect(activeElementId(page)).resolves.toBe('q');
    await page.keyboard.type(QUERY);
    await page.keyboard.press('Enter');
    await page.locator(sel.results).first().waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    const second = page.locator(sel.results).nth(1);
    const id = await second.getAttribute('data-id');
    await expect(activeElementId(page)).resolves.toBe(id);
    await page.keyboard.press('Enter');
    await page.locator(sel.abstract).waitFor();
    expect(new URL(page.url()).searchParams.get('paper')).toBe(id);
    await page.keyboard.press('Escape');
    await page.locator(sel.panel).waitFor({ state: 'hidden' });
    expect(new URL(page.url()).searchParams.get('paper')).toBeNull();
    await expect(activeElementId(page)).resolves.toBe(id);
  });
});
