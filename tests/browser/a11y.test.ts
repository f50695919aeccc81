/**
 * @file Keyboard, touch and screen-reader use in a real browser: opening a paper moves
 * focus to the panel and announces it, Esc returns focus where it came from, every
 * control is a 44 px touch target, and axe-core finds no violations in any state.
 */
import { describe, expect, inject, it } from 'vitest';
import { axeViolations } from './helpers/axe.js';
import { useDesktopPage } from './helpers/browser.js';
import { activeElementId, openExplorer, search, sel } from './helpers/app.js';

const baseUrl = inject('baseUrl');
const QUERY = 'mixture of experts routing';
const page = useDesktopPage();

describe('focus and announcements', () => {
  it('moves focus to the panel on opening a result from the keyboard, announces it, and Esc goes back', async () => {
    await openExplorer(page, baseUrl);
    await search(page, QUERY);
    await page.keyboard.press('ArrowDown');
    const first = await page.locator(sel.results).first().getAttribute('data-id');
    await page.keyboard.press('Enter');
    await page.locator(sel.abstract).waitFor();
    await expect(activeElementId(page)).resolves.toBe('panel-title');
    const title = await page.locator(sel.panelTitle).textContent();
    await expect.poll(() => page.locator('#announcer').textContent()).toBe(`Opened paper: ${title}`);
    await expect(page.locator('#announcer').getAttribute('aria-live')).resolves.toBe('polite');
    await page.keyboard.press('Escape');
    await page.locator(sel.panel).waitFor({ state: 'hidden' });
    await expect(activeElementId(page)).resolves.toBe(first);
  });

  it('returns focus to the result it started from after walking through similar papers', async () => {
    await openExplorer(page, baseUrl);
    await search(page, QUERY);
    const third = page.locator(sel.results).nth(2);
    const id = await third.getAttribute('data-id');
    await third.focus();
    await page.keyboard.press('Enter');
    await page.locator(sel.similar).first().waitFor();
    await page.locator(sel.similar).first().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('paper')).not.toBe(id);
    await page.locator(sel.abstract).waitFor();
    await page.keyboard.press('Escape');
    await page.locator(sel.panel).waitFor({ state: 'hidden' });
    await expect(activeElementId(page)).resolves.toBe(id);
  });
});

describe('touch targets', () => {
  it('are at least 44 × 44 px for every control, on a phone and on a desktop', async () => {
    for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 800 }]) {
      await page.setViewportSize(viewport);
      await openExplorer(page, `${baseUrl}/?q=${encodeURIComponent(QUERY)}`);
      await page.locator(sel.results).first().click();
      await page.locator(sel.similar).first().waitFor();
      await page.locator('.map-legend summary').click();
      const small = await page.evaluate(`[...document.querySelectorAll('button, summary, input, select, a, .modes label')]
        .filter((el) => el.getClientRects().length > 0 && !el.closest('.visually-hidden, .skip-link') && el.type !== 'radio')
        .map((el) => ({ el, box: el.getBoundingClientRect() }))
        .filter(({ box }) => box.width < 44 || box.height < 44)
        .map(({ el, box }) => el.tagName + '.' + el.className + ' ' + Math.round(box.width) + 'x' + Math.round(box.height))`);
      expect(small, `${viewport.width}px wide`).toEqual([]);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});

describe('axe-core', () => {
  it('finds no violations on the start page, with results, with a paper open and with the legend open', async () => {
    await openExplorer(page, baseUrl);
    expect(await axeViolations(page)).toEqual([]);
    await search(page, QUERY);
    expect(await axeViolations(page)).toEqual([]);
    await page.locator(sel.results).first().click();
    await page.locator(sel.similar).first().waitFor();
    await page.locator('.map-legend summary').click();
    expect(await axeViolations(page)).toEqual([]);
  });
});
