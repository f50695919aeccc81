/**
 * @file Starts Debian's Chromium (`/usr/bin/chromium`) through playwright-core,
 * headless, with a fresh profile folder. Never downloads a browser.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** Launch Chromium with a viewport; its profile lives in a temporary folder removed on close. */
export async function launchBrowser(viewport = { width: 1280, height: 800 }): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`browser tests: no Chromium at ${CHROMIUM_PATH}; install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH)`);
  }
  const profile = mkdtempSync(path.join(os.tmpdir(), 'paperscope-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The desktop viewport every browser test file uses. */
export const DESKTOP = { width: 1280, height: 800 } as const;

/**
 * One desktop Chromium page for the tests of the calling file: launched before them and
 * closed after them (call it at the top level of the file, before the file's own hooks).
 * The page exists only once the file's tests start, so what this returns stands in for
 * it: every property read goes to the page launched for the file.
 */
export function useDesktopPage(): Page {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser(DESKTOP);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return new Proxy({} as Page, {
    get(_target, key) {
      if (!browser) throw new Error('browser tests: the desktop page is used before its beforeAll hook launched it');
      const page = browser.page;
      const value: unknown = Reflect.get(page, key, page);
      return typeof value === 'function' ? value.bind(page) : value;
    },
  });
}

/**
 * The errors `page` throws during the calling file's tests (and, with `consoleErrors`, what it
 * logs as errors), collected from the file's beforeAll on: a test ends by expecting none.
 */
export function collectPageErrors(page: Page, { consoleErrors = false } = {}): string[] {
  const errors: string[] = [];
  beforeAll(() => {
    page.on('pageerror', (error) => errors.push(error.message));
    if (consoleErrors) {
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
    }
  });
  return errors;
}
