/**
 * @file The "your query" label in a real browser: it sits right of and above the query's
 * marker, and moves to another side rather than cover the open paper's point. The view
 * is set through the URL's camera so that the open paper lies exactly where the label
 * would otherwise go.
 */
import { describe, expect, inject, it } from 'vitest';
import type { MapBody, SearchBody } from '../../src/server/apiShapes.js';
import { toScreen, type Camera } from '../../web/src/map/camera.js';
import { formatCamera, parseCamera } from '../../web/src/map/cameraUrl.js';
import { useDesktopPage } from './helpers/browser.js';
import { mapSettled, openExplorer, sel } from './helpers/app.js';

const baseUrl = inject('baseUrl');
const QUERY = 'mixture of experts routing';
const page = useDesktopPage();

/** Screen offset (CSS px) of the chosen paper from the query's marker: where the label goes by default. */
const OFFSET_X = 40;
/** The open paper's ring is at least this wide (CSS px): the label must keep off it. */
const RING_RADIUS = 8;

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** A paper up and to the right of the query's point, at a slope that puts it under the default label. */
function paperUpRight(map: MapBody, point: { x: number; y: number }): number {
  const index = map.ids.findIndex((_, i) => {
    const [ux, uy] = [map.x[i] - point.x, map.y[i] - point.y];
    return ux > 0 && uy / ux > 0.3 && uy / ux < 0.6;
  });
  if (index < 0) throw new Error('no paper lies up and to the right of the query');
  return index;
}

/** The label's box, in CSS px from the canvas's top left. */
async function labelRect(): Promise<Rect> {
  const canvas = (await page.locator(sel.canvas).boundingBox())!;
  const box = (await page.locator('.map-query__label').boundingBox())!;
  return { left: box.x - canvas.x, top: box.y - canvas.y, right: box.x - canvas.x + box.width, bottom: box.y - canvas.y + box.height };
}

/** Where data points are drawn now, in CSS px from the canvas's top left. */
async function onScreen(camera: Camera, ...points: [number, number][]): Promise<[number, number][]> {
  const box = (await page.locator(sel.canvas).boundingBox())!;
  return points.map(([x, y]) => toScreen(camera, { width: box.width, height: box.height }, x, y));
}

function distanceTo(rect: Rect, [x, y]: [number, number]): number {
  return Math.hypot(x - Math.min(Math.max(x, rect.left), rect.right), y - Math.min(Math.max(y, rect.top), rect.bottom));
}

describe('the query marker', () => {
  it('moves its label off the open paper, which it would otherwise cover', async () => {
    const map = (await (await page.request.get(`${baseUrl}/api/map`)).json()) as MapBody;
    const { point } = (await (await page.request.post(`${baseUrl}/api/search`, { data: { q: QUERY } })).json()) as SearchBody;
    const index = paperUpRight(map, point!);
    // The camera as the URL carries it (rounded), so the page and the test see the same view.
    const camera = parseCamera(`?view=${formatCamera({ cx: point!.x, cy: point!.y, scale: OFFSET_X / (map.x[index] - point!.x) })}`)!;
    const query = new URLSearchParams({ q: QUERY, view: formatCamera(camera) });

    await openExplorer(page, `${baseUrl}/?${query}`);
    await page.locator(sel.marker).waitFor();
    await mapSettled(page);
    let [paper, marker] = await onScreen(camera, [map.x[index], map.y[index]], [point!.x, point!.y]);
    const alone = await labelRect();
    // With no paper open, the label takes its usual place, right above the marker: over the paper.
    expect(alone.left).toBeGreaterThan(marker[0]);
    expect(alone.bottom).toBeLessThan(marker[1]);
    expect(distanceTo(alone, paper)).toBe(0);

    query.set('paper', map.ids[index]);
    await openExplorer(page, `${baseUrl}/?${query}`);
    await page.locator(sel.marker).waitFor();
    await page.locator(sel.abstract).waitFor();
    await mapSettled(page);
    await expect(page.locator(sel.canvas).getAttribute('data-camera')).resolves.toBe(formatCamera(camera));
    // The panel takes a column of the page: the map is narrower, its centre (the marker) moved.
    [paper, marker] = await onScreen(camera, [map.x[index], map.y[index]], [point!.x, point!.y]);
    const moved = await labelRect();
    expect(distanceTo(moved, paper)).toBeGreaterThanOrEqual(RING_RADIUS);
    expect(distanceTo(moved, marker)).toBeLessThan(30);
  });
});
