/**
 * @file Screenshots of the explorer for the README: desktop (1280×800) with a
 * search and an open paper, phone (390×844) with a search. Written to docs/.
 */
import path from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { launchBrowser, type Browser } from './helpers/browser.js';
import { mapSettled, openExplorer, sel } from './helpers/app.js';

const baseUrl = inject('baseUrl');
const QUERY = encodeURIComponent('mixture of experts routing');
let browser: Browser | undefined;

afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

async function shoot(viewport: { width: number; height: number }, url: string, file: string): Promise<void> {
  browser = await launchBrowser(viewport);
  const { page } = browser;
  await openExplorer(page, url);
  await page.locator(sel.results).first().waitFor();
  if (url.includes('paper=')) await page.locator(sel.similar).first().waitFor();
  await mapSettled(page);
  const target = path.join(PROJECT_ROOT, 'docs', file);
  const png = await page.screenshot({ path: target });
  expect(png.length).toBeGreaterThan(10_000);
}

describe('screenshots', () => {
  it('of the desktop layout (1280×800)', async () => {
    const probe = await launchBrowser();
    await openExplorer(probe.page, `${baseUrl}/?q=${QUERY}&mode=hybrid`);
    const id = await probe.page.locator(sel.results).first().getAttribute('data-id');
    await probe.close();
    await shoot({ width: 1280, height: 800 }, `${baseUrl}/?q=${QUERY}&mode=hybrid&paper=${encodeURIComponent(id!)}`, 'screenshot-desktop.png');
  });

  it('of the phone layout (390×844)', async () => {
    await shoot({ width: 390, height: 844 }, `${baseUrl}/?q=${QUERY}&mode=hybrid`, 'screenshot-phone.png');
  });
});
