/**
 * @file The paper panel: title, metadata, topic, abstract and similar papers
 * (each a permalink that opens in the panel). A side column on desktop, a
 * bottom sheet on a phone.
 */
import type { Paper, ScoredPaper } from '../types.js';
import type { TopicIndex } from '../topics.js';
import { h } from './dom.js';
import { scoreLabel, whyLine } from './resultDetails.js';
import { queryStems, richText } from './richText.js';

export interface PanelHandlers {
  open(id: string): void;
  close(): void;
  /** Controls shown under the title (the collection thumbs, the topic's downloads). */
  decorate?(paper: Paper): Node;
}

function list(value: string[] | string | undefined): string {
  return Array.isArray(value) ? value.join(', ') : (value ?? '');
}

function metaRows(paper: Paper, topic: string | null): [string, Node | string][] {
  const rows: [string, Node | string][] = [];
  if (paper.authors && list(paper.authors)) rows.push(['Authors', list(paper.authors)]);
  if (paper.year) rows.push(['Year', String(paper.year)]);
  if (paper.categories && list(paper.categories)) rows.push(['Categories', list(paper.categories)]);
  if (topic) rows.push(['Topic', topic]);
  rows.push(['Id', paper.id]);
  if (paper.url && /^https?:\/\//.test(paper.url)) {
    rows.push(['Link', h('a', { text: paper.url, attrs: { href: paper.url, rel: 'noopener noreferrer', target: '_blank' } })]);
  }
  return rows;
}

export class PaperPanel {
  private readonly body: HTMLElement;
  private heading: HTMLElement | null = null;

  constructor(
    readonly el: HTMLElement,
    private readonly on: PanelHandlers,
  ) {
    const close = h('button', { class: 'panel__close', text: '×', attrs: { type: 'button', 'aria-label': 'Close paper (Esc)', title: 'Close (Esc)' } });
    close.addEventListener('click', () => this.on.close());
    this.body = h('div', { class: 'panel__body' });
    el.replaceChildren(close, this.body);
    el.addEventListener('click', (e) => this.onClick(e));
  }

  get isOpen(): boolean {
    return !this.el.hidden;
  }

  private onClick(e: MouseEvent): void {
    const link = (e.target as Element).closest<HTMLAnchorElement>('a[data-id]');
    if (!link || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    this.on.open(link.dataset.id!);
  }

  private show(...children: Node[]): void {
    this.body.replaceChildren(...children);
    this.el.hidden = false;
    document.body.classList.add('has-panel');
  }

  hide(): void {
    this.el.hidden = true;
    this.body.replaceChildren();
    document.body.classList.remove('has-panel');
  }

  showLoading(): void {
    this.heading = h('h2', { class: 'panel__title', text: 'Loading paper…', attrs: { id: 'panel-title', tabindex: '-1' } });
    this.show(this.heading);
    this.el.setAttribute('aria-busy', 'true');
  }

  showError(message: string): void {
    this.heading = h('h2', { class: 'panel__title', text: 'This paper could not be shown', attrs: { id: 'panel-title', tabindex: '-1' } });
    this.show(this.heading, h('p', { class: 'error error__message', text: message, attrs: { role: 'alert' } }));
    this.el.setAttribute('aria-busy', 'false');
  }

  /** Show `paper`, the words of `query` (the current search, if any) marked in its abstract. */
  showPaper(paper: Paper, topics: TopicIndex, query = ''): void {
    const topic = topics.describePaper(paper);
    this.heading = h('h2', { class: 'panel__title', attrs: { id: 'panel-title', tabindex: '-1', 'aria-label': paper.title } }, ...richText(paper.title));
    const meta = h('dl', { class: 'panel__meta' });
    for (const [name, value] of metaRows(paper, topic)) meta.append(h('dt', { text: name }), h('dd', {}, value));
    this.show(
      this.heading,
      this.on.decorate?.(paper) ?? h('span'),
      meta,
      h('h3', { class: 'panel__subtitle', text: 'Abstract' }),
      h('p', { class: 'panel__abstract' }, ...richText(paper.abstract, queryStems(query))),
      h('h3', { class: 'panel__subtitle', text: 'Similar papers', attrs: { id: 'similar-heading' } }),
      h('p', { class: 'panel__similar-status', text: 'Finding similar papers…', attrs: { role: 'status' } }),
    );
    this.el.setAttribute('aria-busy', 'false');
  }

  /** Fill in the similar papers (or the reason they are missing). */
  showSimilar(results: ScoredPaper[] | string, topics: TopicIndex, hrefOf: (id: string) => string): void {
    const status = this.body.querySelector('.panel__similar-status');
    if (!status) return;
    if (typeof results === 'string' || results.length === 0) {
      status.textContent = typeof results === 'string' ? results : 'No similar papers.';
      if (typeof results === 'string') status.classList.add('error__message');
      return;
    }
    const items = results.map((r) => {
      const dot = h('span', { class: 'topic-dot', attrs: { 'aria-hidden': 'true' } });
      dot.style.setProperty('--topic-color', topics.cssColorOfPaper(r));
      const score = scoreLabel('semantic', r.score, results[0].score, r.why);
      const title = h('span', { class: 'similar__title' }, ...richText(r.title));
      const link = h('a', { class: 'similar', attrs: { href: hrefOf(r.id) }, data: { id: r.id } }, dot, title, h('span', { class: 'similar__score', text: score.text, attrs: { title: score.title } }), whyLine(r.why));
      return h('li', {}, link);
    });
    status.replaceWith(h('ol', { class: 'panel__similar', attrs: { 'aria-labelledby': 'similar-heading' } }, ...items));
  }

  focusHeading(): void {
    this.heading?.focus({ preventScroll: false });
  }
}
