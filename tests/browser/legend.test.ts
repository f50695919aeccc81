/**
 * @file The map's legend in a real browser: one entry per coarse topic with its paper
 * count and colour, fine topics under it, a click on an entry frames that topic's papers,
 * and the highlight styles are explained.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { parseCamera } from '../../web/src/map/cameraUrl.js';
import { toScreen, type Camera } from '../../web/src/map/camera.js';
import { useDesktopPage } from './helpers/browser.js';
import { mapSettled, openExplorer, sel } from './helpers/app.js';

interface MapJson {
  count: number;
  x: number[];
  y: number[];
  cluster: number[];
  coarseCluster: number[];
  clusters: { id: number; label: string; size: number; level: number; parent?: number }[];
}

const baseUrl = inject('baseUrl');
const page = useDesktopPage();
let map: MapJson;

beforeAll(async () => {
  map = await (await page.request.get(`${baseUrl}/api/map`)).json();
});

async function camera(): Promise<Camera> {
  return parseCamera(`?view=${await page.locator(sel.canvas).getAttribute('data-camera')}`)!;
}

describe('the topic legend', () => {
  it('lists every coarse topic, largest first, with its count, and its fine topics under it', async () => {
    await openExplorer(page, baseUrl);
    await page.locator('.map-legend summary').click();
    const coarse = map.clusters.filter((c) => c.level === 0).sort((a, b) => b.size - a.size || a.id - b.id);
    const entries = page.locator('.map-legend__topics > li > .map-legend__topic');
    await expect(entries.locator('.map-legend__label').allTextContents()).resolves.toEqual(coarse.map((c) => c.label));
    await expect(entries.locator('.map-legend__count').allTextContents()).resolves.toEqual(coarse.map((c) => c.size.toLocaleString('en')));
    const fine = map.clusters.filter((c) => c.level === 1);
    await expect(page.locator('.map-legend__fine .map-legend__topic').count()).resolves.toBe(fine.length);
    await expect(page.locator('.map-legend__highlights li').allTextContents()).resolves.toEqual([
      'Search result (white ring)',
      'Open paper (red ring)',
      'Similar to the open paper (amber ring)',
      'Where your query lands',
    ]);
  });

  it('zooms to a topic when its entry is clicked: most of its papers fill the view', async () => {
    await openExplorer(page, baseUrl);
    await mapSettled(page);
    const home = await camera();
    await page.locator('.map-legend summary').click();
    const entry = page.locator('.map-legend__topics > li > .map-legend__topic').nth(1);
    const id = Number(await entry.getAttribute('data-topic'));
    await entry.click();
    await mapSettled(page);
    const view = (await page.locator(sel.canvas).boundingBox())!;
    const cam = await camera();
    expect(cam.scale).toBeGreaterThan(home.scale);
    const rows = map.cluster.map((_, i) => i).filter((i) => map.cluster[i] === id || map.coarseCluster[i] === id);
    const inView = rows.filter((i) => {
      const [sx, sy] = toScreen(cam, view, map.x[i], map.y[i]);
      return sx >= 0 && sx <= view.width && sy >= 0 && sy <= view.height;
    });
    expect(inView.length / rows.length).toBeGreaterThanOrEqual(0.9);
    const others = map.x.map((_, i) => i).filter((i) => !rows.includes(i));
    const othersInView = others.filter((i) => {
      const [sx, sy] = toScreen(cam, view, map.x[i], map.y[i]);
      return sx >= 0 && sx <= view.width && sy >= 0 && sy <= view.height;
    });
    expect(othersInView.length / others.length).toBeLessThan(0.9);
    await page.screenshot({ path: '/tmp/i16-legend.png' });
  });
});
