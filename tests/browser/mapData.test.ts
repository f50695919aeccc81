/**
 * @file The map's data path in a real browser: the page asks for the binary map, a Web
 * Worker fetches and decodes it (the server's CSP lets it start), and every paper of the
 * JSON form is drawn and hoverable.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Request } from 'playwright-core';
import { collectPageErrors, useDesktopPage } from './helpers/browser.js';
import { openExplorer, sel } from './helpers/app.js';

const baseUrl = inject('baseUrl');
const page = useDesktopPage();
const pageErrors = collectPageErrors(page, { consoleErrors: true });

describe('loading the map', () => {
  it('fetches the binary map from a worker, compressed, and draws every paper', async () => {
    const mapRequests: Request[] = [];
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    page.context().on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/map') mapRequests.push(request);
    });
    await openExplorer(page, baseUrl);
    expect(workers.some((url) => /mapWorker/.test(url))).toBe(true);
    expect(mapRequests.map((r) => new URL(r.url()).search)).toEqual(['?format=binary']);
    const response = await mapRequests[0].response();
    expect(response?.headers()['content-encoding']).toBe('br');
    const json = await (await page.request.get(`${baseUrl}/api/map`)).json();
    await expect(page.locator(sel.canvas).getAttribute('data-points')).resolves.toBe(String(json.count));
    expect(pageErrors).toEqual([]);
  });
});
