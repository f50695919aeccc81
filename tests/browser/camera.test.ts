/**
 * @file The map's camera in a real browser: zoom keeps the point under the cursor, the
 * view rests into the URL, a reload restores it exactly (even with a search that would
 * otherwise move the map), and the home view fits the field.
 */
import { describe, expect, inject, it } from 'vitest';
import { parseCamera } from '../../web/src/map/cameraUrl.js';
import { toData, type Camera } from '../../web/src/map/camera.js';
import { useDesktopPage } from './helpers/browser.js';
import { mapSettled, openExplorer, sel } from './helpers/app.js';

const baseUrl = inject('baseUrl');
const page = useDesktopPage();

async function camera(): Promise<Camera> {
  const text = await page.locator(sel.canvas).getAttribute('data-camera');
  return parseCamera(`?view=${text}`)!;
}

async function canvasBox() {
  return (await page.locator(sel.canvas).boundingBox())!;
}

/** The URL once the map has rested (the camera is written 120 ms after the last move). */
async function restedUrl(): Promise<string> {
  await mapSettled(page);
  await page.waitForTimeout(400);
  return page.url();
}

describe('the camera', () => {
  it('zooms about the cursor: the paper-space point under it stays under it', async () => {
    await openExplorer(page, baseUrl);
    await mapSettled(page);
    const box = await canvasBox();
    const view = { width: box.width, height: box.height };
    const [sx, sy] = [box.width * 0.3, box.height * 0.7];
    const start = await camera();
    const before = toData(start, view, sx, sy);
    await page.mouse.move(box.x + sx, box.y + sy);
    await page.mouse.wheel(0, -400);
    await mapSettled(page);
    const after = await camera();
    const [x, y] = toData(after, view, sx, sy);
    expect(after.scale).toBeGreaterThan(start.scale * 1.5);
    expect(Math.hypot(x - before[0], y - before[1]) * after.scale).toBeLessThan(1);
  });

  it('survives a reload exactly, and a search in the same URL does not move it', async () => {
    await openExplorer(page, baseUrl);
    await mapSettled(page);
    const box = await canvasBox();
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.4);
    await page.mouse.wheel(0, -600);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5, { steps: 5 });
    await page.mouse.up();
    const url = await restedUrl();
    expect(new URL(url).searchParams.get('view')).toBeTruthy();
    const moved = await camera();
    await page.reload();
    await page.locator(`${sel.canvas}[data-draws]`).waitFor();
    await mapSettled(page);
    expect(await camera()).toEqual(moved);
    expect(page.url()).toBe(url);
    // A permalink with a search: the results would pull the map to them; the URL's view wins.
    const withSearch = new URL(url);
    withSearch.searchParams.set('q', 'mixture of experts routing');
    await openExplorer(page, withSearch.toString());
    await page.locator(sel.results).first().waitFor();
    await mapSettled(page);
    expect(await camera()).toEqual(moved);
  });

  it('keeps the view in the URL through a search the user runs, updated to where the map went', async () => {
    await openExplorer(page, baseUrl);
    await mapSettled(page);
    await page.locator(sel.search).fill('mixture of experts routing');
    await page.locator(sel.search).press('Enter');
    await page.locator(sel.results).first().waitFor();
    const url = new URL(await restedUrl());
    expect(url.searchParams.get('q')).toBe('mixture of experts routing');
    expect(parseCamera(url.search)).toEqual(await camera());
  });
});
