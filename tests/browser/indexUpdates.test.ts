/**
 * @file The explorer while papers are added to its index: the page notices the new build,
 * says how many papers are new, and on request shows them on the map, marked.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPapers } from '../../src/pipeline/addPapers.js';
import { buildIndex } from '../../src/pipeline/buildIndex.js';
import type { RunningServer } from '../../src/server/listen.js';
import { splitDemoCorpus } from '../helpers/splitCorpus.js';
import { useDesktopPage } from './helpers/browser.js';
import { openExplorer, sel } from './helpers/app.js';
import { startServer } from './helpers/server.js';
import { tempDir } from '../helpers/tempDir.js';

const page = useDesktopPage();
let server: RunningServer;
let work: string;
let batch: string;

beforeAll(async () => {
  work = await tempDir('browser-add');
  const split = await splitDemoCorpus(work, 60, 20);
  batch = split.batches[0];
  await buildIndex({ corpus: split.base, out: path.join(work, 'index'), embedder: 'lexical' });
  server = await startServer(path.join(work, 'index'));
});

afterAll(async () => {
  await server?.close();
});

describe('when papers are added while the page is open', () => {
  it('says how many are new and marks them on the map once asked', async () => {
    await openExplorer(page, server.url);
    await expect(page.locator(sel.canvas).getAttribute('data-points')).resolves.toBe('60');
    await expect(page.locator('#update').isHidden()).resolves.toBe(true);
    await addPapers({ index: path.join(work, 'index'), files: [batch] });
    // The page checks when it regains focus (and every minute).
    await expect
      .poll(async () => {
        await page.evaluate('window.dispatchEvent(new Event("focus"))');
        return page.locator('#update').textContent();
      }, { timeout: 20_000 })
      .toMatch(/20 new papers/);
    await page.locator('#update button').click();
    await page.locator(`${sel.canvas}[data-points="80"][data-added="20"]`).waitFor({ timeout: 10_000 });
    await expect(page.locator('#update').isHidden()).resolves.toBe(true);
    await expect(page.locator('#health').textContent()).resolves.toMatch(/80 papers/);
  });
});
