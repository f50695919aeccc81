/**
 * @file `npm run screenshots`: the README's pictures of the explorer, taken from
 * the real server on the demo index: desktop (1280×800) with a search and an
 * open paper, phone (390×844) with a search. Written to docs/.
 */
import { rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config.js';
import { launchBrowser } from './helpers/browser.js';
import { mapSettled, openExplorer, sel } from './helpers/app.js';
import { buildTestIndex, buildWebApp, startServer } from './helpers/server.js';

const QUERY = encodeURIComponent('mixture of experts routing');

async function shoot(viewport: { width: number; height: number }, url: string, file: string): Promise<void> {
  const browser = await launchBrowser(viewport);
  try {
    const { page } = browser;
    await openExplorer(page, url);
    await page.locator(sel.results).first().waitFor();
    if (url.includes('paper=')) await page.locator(sel.similar).first().waitFor();
    await mapSettled(page);
    const target = path.join(PROJECT_ROOT, 'docs', file);
    await page.screenshot({ path: target });
    console.log(`${path.relative(PROJECT_ROOT, target)}: ${viewport.width}×${viewport.height}, ${statSync(target).size} bytes`);
  } finally {
    await browser.close();
  }
}

/** The first result for the query, to open in the desktop picture. */
async function firstResultId(baseUrl: string): Promise<string> {
  const probe = await launchBrowser();
  try {
    await openExplorer(probe.page, `${baseUrl}/?q=${QUERY}&mode=hybrid`);
    const id = await probe.page.locator(sel.results).first().getAttribute('data-id');
    if (!id) throw new Error('screenshots: the first result has no data-id');
    return id;
  } finally {
    await probe.close();
  }
}

await buildWebApp();
const indexDir = await buildTestIndex();
const server = await startServer(indexDir);
try {
  const id = await firstResultId(server.url);
  await shoot({ width: 1280, height: 800 }, `${server.url}/?q=${QUERY}&mode=hybrid&paper=${encodeURIComponent(id)}`, 'screenshot-desktop.png');
  await shoot({ width: 390, height: 844 }, `${server.url}/?q=${QUERY}&mode=hybrid`, 'screenshot-phone.png');
} finally {
  await server.close();
  rmSync(path.dirname(indexDir), { recursive: true, force: true });
}
