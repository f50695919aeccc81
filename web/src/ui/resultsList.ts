/**
 * @file The results column: a hint before any search, "Searching…", the
 * ranked results (links that are permalinks to each paper), "no papers
 * match …" and errors as the server wrote them.
 */
import type { SearchResponse } from '../types.js';
import type { TopicIndex } from '../topics.js';
import { isLongQuery } from '../api.js';
import { h } from './dom.js';
import { scoreLabel, whyLine } from './resultDetails.js';
import { queryStems, richText } from './richText.js';

/** Longest stretch of a query echoed in status lines (a pasted abstract is cut). */
const ECHO_CHARS = 80;
const echo = (q: string) => (q.length > ECHO_CHARS ? `${q.slice(0, ECHO_CHARS - 1).trimEnd()}…` : q);

export const EXAMPLE_QUERIES = ['mixture of experts routing', 'optimal transport', 'submodular maximization', 'GFlowNets'];

export interface ResultsHandlers {
  /** A result was chosen (click or Enter). */
  open(id: string): void;
  /** An example query was chosen. */
  search(q: string): void;
  retry(): void;
  /** Controls shown beside a result (the collection thumbs). */
  decorate?(id: string): Node;
  /** Controls shown under the summary of a search's results (its downloads). */
  searchActions?(response: SearchResponse): Node;
}

export class ResultsList {
  constructor(
    private readonly status: HTMLElement,
    private readonly list: HTMLOListElement,
    private readonly on: ResultsHandlers,
  ) {
    list.addEventListener('click', (e) => this.onClick(e));
  }

  private onClick(e: MouseEvent): void {
    const link = (e.target as Element).closest<HTMLAnchorElement>('a[data-id]');
    if (!link || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    this.on.open(link.dataset.id!);
  }

  private setStatus(...children: (Node | string | null)[]): void {
    this.status.replaceChildren(...children.filter((child): child is Node | string => child !== null));
    this.status.closest('section')?.setAttribute('aria-busy', 'false');
  }

  showIntro(): void {
    this.list.replaceChildren();
    const examples = EXAMPLE_QUERIES.map((q) => {
      const button = h('button', { class: 'chip', text: q, attrs: { type: 'button' } });
      button.addEventListener('click', () => this.on.search(q));
      return h('li', {}, button);
    });
    this.setStatus(
      h('p', { class: 'status__lead', text: 'Ask in your own words, or explore the map: every dot is a paper, coloured by topic.' }),
      h('p', { class: 'status__hint', text: 'Try:' }),
      h('ul', { class: 'chips', attrs: { 'aria-label': 'Example searches' } }, ...examples),
    );
  }

  showLoading(q: string): void {
    this.list.replaceChildren();
    this.setStatus(h('p', { class: 'status__loading', text: `Searching for “${echo(q)}”…` }));
    this.status.closest('section')?.setAttribute('aria-busy', 'true');
  }

  showError(message: string): void {
    this.list.replaceChildren();
    const retry = h('button', { class: 'button button--small', text: 'Try again', attrs: { type: 'button' } });
    retry.addEventListener('click', () => this.on.retry());
    this.setStatus(h('div', { class: 'error', attrs: { role: 'alert' } }, h('p', { class: 'error__message', text: message }), retry));
  }

  /** Render a search response; `hrefOf` builds each result's permalink. */
  showResults(response: SearchResponse, topics: TopicIndex, hrefOf: (id: string) => string): void {
    if (response.results.length === 0) {
      this.list.replaceChildren();
      this.setStatus(h('p', { class: 'status__empty', text: `No papers match “${echo(response.query)}”.` }), h('p', { class: 'status__hint', text: 'Try other words or another search mode.' }));
      return;
    }
    const took = response.tookMs === undefined ? '' : ` · ${Math.round(response.tookMs)} ms`;
    const count = response.results.length === 1 ? '1 result' : `${response.results.length} results`;
    this.setStatus(h('p', { class: 'status__summary', text: `${count} for “${echo(response.query)}” · ${response.mode}${took}` }), longQueryNote(response), this.on.searchActions?.(response) ?? '');
    const stems = queryStems(response.query);
    const best = response.results[0].score;
    this.list.replaceChildren(...response.results.map((r, i) => this.item(r, i, topics, hrefOf, { stems, best, mode: response.mode })));
  }

  private item(r: SearchResponse['results'][number], rank: number, topics: TopicIndex, hrefOf: (id: string) => string, context: { stems: ReadonlySet<string>; best: number; mode: SearchResponse['mode'] }): HTMLLIElement {
    const score = scoreLabel(context.mode, r.score, context.best, r.why);
    const topic = topics.describePaper(r);
    const dot = h('span', { class: 'topic-dot', attrs: { 'aria-hidden': 'true' } });
    dot.style.setProperty('--topic-color', topics.cssColorOfPaper(r));
    const link = h(
      'a',
      { class: 'result', attrs: { href: hrefOf(r.id) }, data: { id: r.id } },
      h('span', { class: 'result__rank', text: String(rank + 1), attrs: { 'aria-hidden': 'true' } }),
      h('span', { class: 'result__title' }, ...richText(r.title)),
      h('span', { class: 'result__meta' }, dot, topic ? h('span', { class: 'result__topic', text: topic, attrs: { title: topic } }) : null, h('span', { class: 'result__score', text: score.text, attrs: { title: score.title } })),
      r.snippet ? h('span', { class: 'result__snippet' }, ...richText(r.snippet, context.stems)) : null,
      whyLine(r.why),
    );
    return h('li', { class: 'results__item' }, link, this.on.decorate?.(r.id));
  }

  /** Mark the open paper's result (aria-current) or none. */
  markActive(id: string | null): void {
    for (const link of this.links()) {
      if (link.dataset.id === id) link.setAttribute('aria-current', 'true');
      else link.removeAttribute('aria-current');
    }
  }

  links(): HTMLAnchorElement[] {
    return [...this.list.querySelectorAll<HTMLAnchorElement>('a[data-id]')];
  }

  linkFor(id: string): HTMLAnchorElement | undefined {
    return this.links().find((link) => link.dataset.id === id);
  }
}

/** For a query sent by POST: says so, and how much of it the embedding read. */
function longQueryNote(response: SearchResponse): HTMLElement | null {
  if (!isLongQuery(response.query)) return null;
  const chars = [...response.query].length.toLocaleString('en');
  const embedded = response.embedded;
  const read = embedded?.truncated ? ` The embedding read its first ${embedded.chars.toLocaleString('en')} characters; word matching used all of it.` : '';
  return h('p', { class: 'status__hint status__long', text: `Long text (${chars} characters): sent by POST and not kept in the address bar.${read}` });
}
