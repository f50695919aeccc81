/**
 * @file Hover linking and search as you type in a real browser: a result under the
 * pointer lights its paper on the map (with its tooltip), a paper under the pointer on
 * the map marks its result, and typing shows a lexical preview, then runs the full
 * search when the typing pauses.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { parseCamera } from '../../web/src/map/cameraUrl.js';
import { toScreen } from '../../web/src/map/camera.js';
import { useDesktopPage } from './helpers/browser.js';
import { mapSettled, openExplorer, search, sel } from './helpers/app.js';

interface MapJson {
  ids: string[];
  titles: string[];
  x: number[];
  y: number[];
}

const baseUrl = inject('baseUrl');
const QUERY = 'mixture of experts routing';
const page = useDesktopPage();
let map: MapJson;

beforeAll(async () => {
  map = await (await page.request.get(`${baseUrl}/api/map`)).json();
});

describe('hover linking', () => {
  it('lights the paper of the result under the pointer on the map, with its title', async () => {
    await openExplorer(page, baseUrl);
    await search(page, QUERY);
    await mapSettled(page);
    const result = page.locator(sel.results).nth(1);
    const id = (await result.getAttribute('data-id'))!;
    await result.hover();
    await expect.poll(() => page.locator(sel.canvas).getAttribute('data-hover')).toBe(String(map.ids.indexOf(id)));
    await expect(page.locator(`${sel.tooltip} .map-tooltip__title`).textContent()).resolves.toBe(map.titles[map.ids.indexOf(id)]);
    await page.mouse.move(640, 20);
    await expect.poll(() => page.locator(sel.canvas).getAttribute('data-hover')).toBe('-1');
  });

  it('marks the result of the paper under the pointer on the map', async () => {
    await openExplorer(page, baseUrl);
    await search(page, QUERY);
    await mapSettled(page);
    const box = (await page.locator(sel.canvas).boundingBox())!;
    const camera = parseCamera(`?view=${await page.locator(sel.canvas).getAttribute('data-camera')}`)!;
    const screen = map.ids.map((_, i) => toScreen(camera, box, map.x[i], map.y[i]));
    const ids = await page.locator(sel.results).evaluateAll((links) => links.map((a) => a.getAttribute('data-id')!));
    // A result whose point stands apart from every other paper, inside the map.
    const target = ids
      .map((id) => map.ids.indexOf(id))
      .find((i) => {
        const [sx, sy] = screen[i];
        return sx > 60 && sy > 60 && sx < box.width - 80 && sy < box.height - 60 && screen.every(([ox, oy], j) => j === i || Math.hypot(ox - sx, oy - sy) > 16);
      });
    expect(target).toBeDefined();
    await page.mouse.move(box.x + screen[target!][0], box.y + screen[target!][1]);
    const link = page.locator(`${sel.results}[data-id="${map.ids[target!]}"]`);
    await expect.poll(() => link.getAttribute('class')).toMatch(/is-map-hover/);
    await expect(page.locator(`${sel.results}.is-map-hover`).count()).resolves.toBe(1);
  });
});

describe('search as you type', () => {
  it('previews lexical results while typing, then runs the full search when typing pauses', async () => {
    await openExplorer(page, baseUrl);
    const searches: URLSearchParams[] = [];
    const listener = (request: { url(): string }) => {
      const url = new URL(request.url());
      if (url.pathname === '/api/search') searches.push(url.searchParams);
    };
    page.on('request', listener);
    await page.locator(sel.search).pressSequentially('mixture of experts', { delay: 60 });
    // The preview: results in the list, from a lexical search, the URL not yet changed.
    await page.locator(sel.results).first().waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBeNull();
    expect(searches.length).toBeGreaterThan(0);
    expect(searches.every((p) => p.get('mode') === 'lexical')).toBe(true);
    // The pause: the full (hybrid) search becomes the page's view.
    await expect.poll(() => new URL(page.url()).searchParams.get('q'), { timeout: 5000 }).toBe('mixture of experts');
    await expect.poll(() => searches.some((p) => p.get('mode') === 'hybrid' && p.get('q') === 'mixture of experts')).toBe(true);
    await expect.poll(() => page.locator(sel.status).textContent()).toMatch(/for “mixture of experts” · hybrid/);
    await expect(page.locator(sel.results).count()).resolves.toBeGreaterThan(0);
    page.off('request', listener);
  });

  it('runs the full search at once on Enter, with no preview left to overwrite it', async () => {
    await openExplorer(page, baseUrl);
    await page.locator(sel.search).fill('optimal transport');
    await page.locator(sel.search).press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('mode')).toBe('hybrid');
    await page.locator(sel.results).first().waitFor();
    await page.waitForTimeout(1500);
    await expect(page.locator(sel.status).textContent()).resolves.not.toMatch(/lexical/i);
    expect(new URL(page.url()).searchParams.get('q')).toBe('optimal transport');
  });
});
