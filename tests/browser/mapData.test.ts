/**
 * @file The map's data path in a real browser: the page asks for the binary map, a Web
 * Worker fetches and decodes it (the server's CSP lets it start), and every paper of the
 * JSON form is drawn and hoverable.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Request } from 'playwright-core';
import { launchBrowser, type Browser } from './helpers/browser.js';
import { openExplorer, sel } from './helpers/app.js';

const baseUrl = inject('baseUrl');
let browser: Browser;
const pageErrors: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser({ width: 1280, height: 800 });
  browser.page.on('pageerror', (error) => pageErrors.push(error.message));
  browser.page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
});

afterAll(async () => {
  await browser?.close();
});

describe('loading the map', () => {
  it('fetches the binary map from a worker, compressed, and draws every paper', async () => {
    const mapRequests: Request[] = [];
    const workers: string[] = [];
    browser.page.on('worker', (worker) => workers.push(worker.url()));
    browser.context.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/map') mapRequests.push(request);
    });
    await openExplorer(browser.page, baseUrl);
    expect(workers.some((url) => /mapWorker/.test(url))).toBe(true);
    expect(mapRequests.map((r) => new URL(r.url()).search)).toEqual(['?format=binary']);
    const response = await mapRequests[0].response();
    expect(response?.headers()['content-encoding']).toBe('br');
    const json = await (await browser.page.request.get(`${baseUrl}/api/map`)).json();
    await expect(browser.page.locator(sel.canvas).getAttribute('data-points')).resolves.toBe(String(json.count));
    expect(pageErrors).toEqual([]);
  });
});
