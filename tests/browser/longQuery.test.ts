/**
 * @file Whole abstracts, marked query words, why lines and rendered math in a real browser,
 * against a server over the demo corpus plus three papers with TeX in their titles and
 * abstracts (as arXiv writes them).
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/pipeline/buildIndex.js';
import { silentReporter } from '../../src/report/reporter.js';
import type { Paper } from '../../src/corpus/paper.js';
import { readCorpus } from '../../src/corpus/parse.js';
import type { RunningServer } from '../../src/server/listen.js';
import { collectPageErrors, useDesktopPage } from './helpers/browser.js';
import { openExplorer, resultTitles, search, sel } from './helpers/app.js';
import { DEMO_CORPUS, startServer } from './helpers/server.js';

const TEX_PAPERS: Paper[] = [
  {
    id: 'tex-1',
    title: 'Entropic optimal transport with $\\varepsilon$-scaling in $O(n^2 \\log n)$ time',
    abstract: 'We study Sinkhorn iterations for entropic optimal transport with regularization $\\varepsilon > 0$. Our schedule reaches an $\\varepsilon$-accurate plan in $O(n^2 \\log n)$ operations. Experiments on $\\mathbb{R}^d$ point clouds confirm the rate.',
  },
  {
    id: 'tex-2',
    title: 'Scattering amplitudes of $\\mathcal{N}=4$ super Yang-Mills at strong coupling',
    abstract: 'We compute scattering amplitudes in planar $\\mathcal{N}=4$ super Yang-Mills theory at strong coupling using minimal surfaces in $AdS_5$. The result agrees with the BDS ansatz for $n \\le 5$ gluons.',
  },
  {
    id: 'tex-3',
    title: 'A $\\sqrt{T}$ regret bound for linear bandits with heavy tails',
    abstract: 'We prove a regret bound of order $\\tilde O(d\\sqrt{T})$ for linear bandits whose rewards have only a finite $(1+\\epsilon)$-th moment, matching the lower bound up to logarithmic factors.',
  },
];

const page = useDesktopPage();
let server: RunningServer;
let work: string;
let longAbstract: { id: string; text: string };
const pageErrors = collectPageErrors(page);

beforeAll(async () => {
  const { papers } = await readCorpus(DEMO_CORPUS);
  const paper = papers.find((p) => p.abstract.length >= 1400)!;
  longAbstract = { id: paper.id, text: paper.abstract.slice(0, paper.abstract.lastIndexOf(' ', 1400)) };
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'paperscope-browser-tex-'));
  const corpus = path.join(work, 'papers.jsonl');
  await fs.writeFile(corpus, [...papers, ...TEX_PAPERS].map((p) => JSON.stringify(p)).join('\n'));
  await buildIndex({ corpus, out: path.join(work, 'index'), embedder: 'lexical', reporter: silentReporter });
  server = await startServer(path.join(work, 'index'));
});

afterAll(async () => {
  await server?.close();
  await fs.rm(work, { recursive: true, force: true });
});

describe('a pasted abstract', () => {
  it('gives results by POST, the paper itself first, and says the text went by POST', async () => {
    expect(longAbstract.text.length).toBeGreaterThan(1300);
    await openExplorer(page, server.url);
    const posted = page.waitForRequest((request) => request.url().endsWith('/api/search') && request.method() === 'POST');
    await search(page, longAbstract.text);
    await posted;
    expect((await resultTitles(page)).length).toBeGreaterThanOrEqual(5);
    await expect(page.locator(sel.results).first().getAttribute('data-id')).resolves.toBe(longAbstract.id);
    await expect(page.locator('.status__long').textContent()).resolves.toMatch(/Long text \(1,\d{3} characters\): sent by POST/);
    expect(new URL(page.url()).searchParams.get('q')).toBeNull();
    expect(pageErrors).toEqual([]);
  });
});

describe('Back, Forward and reload after a pasted abstract', () => {
  it('bring its results back, though the text is not in the address', async () => {
    await openExplorer(page, server.url);
    await search(page, longAbstract.text);
    const titles = await resultTitles(page);
    expect(titles.length).toBeGreaterThanOrEqual(5);
    const opened = await page.locator(sel.results).nth(1).getAttribute('data-id');
    await page.locator(sel.results).nth(1).click();
    await page.waitForURL((url) => url.searchParams.get('paper') === opened);
    const searches = () => page.evaluate(`performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/api/search')).length`);
    const before = await searches();

    await page.goBack();
    await page.waitForURL((url) => !url.searchParams.has('paper'));
    await expect.poll(() => resultTitles(page)).toEqual(titles);
    await expect(page.locator(sel.search).inputValue()).resolves.toBe(longAbstract.text);
    // Closing the paper keeps the search: no new request.
    await expect(searches()).resolves.toBe(before);

    await page.goBack();
    await expect.poll(() => page.locator(sel.results).count()).toBe(0);
    await expect(page.locator(sel.search).inputValue()).resolves.toBe('');

    await page.goForward();
    await expect.poll(() => resultTitles(page)).toEqual(titles);
    await expect(page.locator('.status__long').count()).resolves.toBe(1);

    await page.reload();
    await page.locator(sel.results).first().waitFor();
    await expect.poll(() => resultTitles(page)).toEqual(titles);
    expect(new URL(page.url()).searchParams.get('q')).toBeNull();
    expect(pageErrors).toEqual([]);
  });
});

describe('query words and why', () => {
  it('marks the query words in snippets and in the open paper’s abstract', async () => {
    await openExplorer(page, server.url);
    await search(page, 'entropic optimal transport');
    const marked = await page.locator(`${sel.results} .result__snippet mark`).allTextContents();
    expect(marked.length).toBeGreaterThan(0);
    for (const word of marked) expect(word).toMatch(/^(entrop|optim|transport)\w*$/i);
    await page.locator(sel.results).first().click();
    await page.locator(`${sel.abstract} mark`).first().waitFor();
    for (const word of await page.locator(`${sel.abstract} mark`).allTextContents()) expect(word).toMatch(/^(entrop|optim|transport)\w*$/i);
  });

  it('shows a why line under each result and each similar paper, and the raw score in a tooltip', async () => {
    await openExplorer(page, server.url);
    await search(page, 'entropic optimal transport');
    const results = await page.locator(sel.results).count();
    await expect(page.locator(`${sel.results} .why`).count()).resolves.toBe(results);
    await expect(page.locator(`${sel.results} .why`).first().textContent()).resolves.toMatch(/ranked by (meaning #\d+, )?words #\d+/);
    await expect(page.locator(`${sel.results} .result__score`).first().getAttribute('title')).resolves.toMatch(/^score -?\d+\.\d+ \(fused/);
    await page.locator(sel.results).first().click();
    await page.locator(sel.similar).first().waitFor();
    await expect(page.locator(`${sel.similar} .why`).count()).resolves.toBe(await page.locator(sel.similar).count());
    await expect(page.locator(`${sel.similar} .similar__score`).first().textContent()).resolves.toMatch(/^\d+% similar$/);
  });
});

describe('math in titles and abstracts', () => {
  it('renders TeX with KaTeX: no raw $…$ in result titles, the panel title or the abstract', async () => {
    await openExplorer(page, server.url);
    await search(page, 'scattering amplitudes super Yang-Mills strong coupling');
    const titles = await resultTitles(page);
    expect(titles.length).toBeGreaterThan(0);
    for (const title of titles) expect(title).not.toMatch(/\$/);
    await expect(page.locator(`${sel.results} .result__title .katex`).count()).resolves.toBeGreaterThan(0);
    await page.locator(`${sel.results}[data-id="tex-2"]`).click();
    await page.locator(`${sel.panelTitle} .katex`).first().waitFor();
    await expect(page.locator(sel.panelTitle).innerText()).resolves.not.toMatch(/\$|\\mathcal/);
    await expect(page.locator(sel.abstract).innerText()).resolves.not.toMatch(/\$|\\mathcal/);
    expect(pageErrors).toEqual([]);
  });
});
