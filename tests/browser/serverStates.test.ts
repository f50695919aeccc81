/**
 * @file The explorer while its server is not answering normally: still loading
 * its index (503 not_ready), or gone. Each test runs its own server.
 */
import { describe, expect, inject, it } from 'vitest';
import { useDesktopPage } from './helpers/browser.js';
import { openExplorer, search, sel } from './helpers/app.js';
import { startServer } from './helpers/server.js';

const page = useDesktopPage();

describe('while the index is still loading', () => {
  it('says so, retries, and shows the map once the index is ready', async () => {
    const server = await startServer(inject('indexDir'), { loadDelayMs: 2500 });
    try {
      await page.goto(server.url);
      await expect.poll(() => page.locator('#alert').textContent()).toMatch(/retrying/i);
      await page.locator(`${sel.canvas}[data-draws]`).waitFor({ timeout: 20_000 });
      await page.locator('#alert').waitFor({ state: 'hidden' });
      await expect(page.locator('#health').textContent()).resolves.toMatch(/\d+ papers/);
    } finally {
      await server.close();
    }
  });
});

describe('when the server is unreachable', () => {
  it('shows that it cannot reach the server, with a way to try again', async () => {
    const server = await startServer(inject('indexDir'));
    await openExplorer(page, server.url);
    await server.close();
    await search(page, 'optimal transport');
    await expect(page.locator('.error__message').textContent()).resolves.toMatch(/cannot reach the paperscope server/i);
    await expect(page.getByRole('button', { name: 'Try again' }).isVisible()).resolves.toBe(true);
  });
});
