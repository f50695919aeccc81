/**
 * @file The DOM of the collection area at the top of the results column: the bar (choose,
 * create and show a collection), a collection's view (its papers, missing ones marked, and
 * its recommendations) and a lasso selection's list. Pure rendering: every action is a handler.
 */
import { h } from '../ui/dom.js';
import { whyLine } from '../ui/resultDetails.js';
import type { Why } from '../types.js';
import { EXPORT_FORMATS, exportUrl, type Collection, type CollectionSummary, type ExportSet, type Label } from './api.js';
import { downloadInBatches, IDS_PER_REQUEST } from './download.js';

export interface BarHandlers {
  choose(id: string | null): void;
  create(name: string): void;
  toggleView(): void;
}

/** The bar: a collection picker, a form to create one, and a button to show the chosen one (the form alone while there is none). */
export function renderBar(collections: readonly CollectionSummary[], activeId: string | null, viewing: boolean, on: BarHandlers): HTMLElement {
  const select = h('select', { class: 'collect-bar__select', attrs: { 'aria-label': 'Active collection' } });
  select.append(h('option', { text: '— choose a collection —', attrs: { value: '' } }));
  for (const c of collections) select.append(h('option', { text: `${c.name} (${c.size})`, attrs: { value: c.id } }));
  select.value = activeId ?? '';
  select.addEventListener('change', () => on.choose(select.value || null));
  const show = h('button', { class: 'button button--small collect-bar__show', text: viewing ? 'Hide' : 'Show', attrs: { type: 'button', 'aria-expanded': String(viewing) } });
  show.disabled = activeId === null;
  show.addEventListener('click', () => on.toggleView());
  const name = h('input', { class: 'collect-bar__name', attrs: { type: 'text', maxlength: '200', placeholder: collections.length ? 'New collection' : 'New collection, to keep papers', 'aria-label': 'New collection name' } });
  const form = h('form', { class: 'collect-bar__new' }, name, h('button', { class: 'button button--small', text: 'Create', attrs: { type: 'submit' } }));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (name.value.trim()) on.create(name.value.trim());
  });
  // Until there is a collection, picking and showing one mean nothing: the bar is one row.
  if (collections.length === 0) return h('div', { class: 'collect-bar' }, form);
  return h('div', { class: 'collect-bar' }, h('div', { class: 'collect-bar__row' }, select, show), form);
}

/** Download links of `set`, one per format, after `lead` (e.g. "Export:"); a selection too long for one URL downloads in batches. */
export function exportLinks(set: ExportSet, lead = 'Export: '): HTMLElement {
  const batched = 'ids' in set && set.ids.length > IDS_PER_REQUEST;
  const links = EXPORT_FORMATS.map(({ format, label }) => {
    if (!batched) return h('a', { class: 'collect-export__link', text: label, attrs: { href: exportUrl(format, set), download: '' } });
    const button = h('button', { class: 'collect-export__link collect-export__button', text: label, attrs: { type: 'button' } });
    const ids = (set as { ids: readonly string[] }).ids;
    button.addEventListener('click', () => void downloadInBatches(format, ids).catch((error: unknown) => (button.title = error instanceof Error ? error.message : String(error))));
    return button;
  });
  return h('p', { class: 'collect-export' }, lead, ...links);
}

export interface PaperRowHandlers {
  open(id: string): void;
  actions(id: string): HTMLElement;
}

function paperRow(id: string, title: string | undefined, on: PaperRowHandlers, extra?: Node): HTMLLIElement {
  const name = title ? h('a', { class: 'collect-paper__title', text: title, attrs: { href: `?paper=${encodeURIComponent(id)}` }, data: { id } }) : h('span', { class: 'collect-paper__title collect-paper__title--missing', text: id });
  return h('li', { class: 'collect-paper', data: { id } }, name, extra ?? null, on.actions(id));
}

export function listenForOpens(el: HTMLElement, open: (id: string) => void): void {
  el.addEventListener('click', (e) => {
    const link = (e.target as Element).closest<HTMLAnchorElement>('a[data-id]');
    if (!link || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    open(link.dataset.id!);
  });
}

const LABEL_NAMES: Record<Label, string> = { pos: 'positive', neg: 'negative' };

/** A collection: its papers (missing ones marked), then its recommendations (or why there are none). */
export function renderCollection(collection: Collection, recommended: ReadonlyArray<{ id: string; title: string; why?: Why }> | string, on: PaperRowHandlers): HTMLElement {
  const papers = collection.papers.map((p) =>
    paperRow(p.id, p.title, on, h('span', { class: `collect-paper__badge collect-paper__badge--${p.missing ? 'missing' : p.label}`, text: p.missing ? 'missing from this index' : LABEL_NAMES[p.label] })),
  );
  const recs = typeof recommended === 'string' ? [h('p', { class: 'collect-view__note', text: recommended })] : [h('ol', { class: 'collect-list collect-recommended' }, ...recommended.map((r) => paperRow(r.id, r.title, on, whyLine(r.why) ?? undefined)))];
  const summary = `${collection.size} ${collection.size === 1 ? 'paper' : 'papers'}${collection.missing ? `, ${collection.missing} missing from this index` : ''}`;
  const view = h(
    'section',
    { class: 'collect-view', attrs: { 'aria-label': `Collection ${collection.name}` } },
    h('h2', { class: 'collect-view__title', text: collection.name }),
    h('p', { class: 'collect-view__note', text: summary }),
    exportLinks({ collection: collection.id }),
    papers.length ? h('ul', { class: 'collect-list collect-papers' }, ...papers) : h('p', { class: 'collect-view__note', text: 'No papers yet: use ▲ (keep) and ▼ (not wanted) beside any paper, or draw a lasso on the map.' }),
    h('h3', { class: 'collect-view__subtitle', text: 'Recommended' }),
    ...recs,
  );
  listenForOpens(view, on.open);
  return view;
}

export interface SelectionHandlers extends PaperRowHandlers {
  addAll(): void;
  clear(): void;
}

/** A lasso selection: its papers, a button adding them all to the active collection, export links. */
export function renderSelection(papers: ReadonlyArray<{ id: string; title: string }>, collectionName: string | null, on: SelectionHandlers): HTMLElement {
  const add = h('button', { class: 'button button--small collect-selection__add', text: collectionName ? `Add all to “${collectionName}”` : 'Add all to a new collection', attrs: { type: 'button' } });
  add.addEventListener('click', () => on.addAll());
  const clear = h('button', { class: 'button button--small collect-selection__clear', text: 'Clear', attrs: { type: 'button' } });
  clear.addEventListener('click', () => on.clear());
  const view = h(
    'section',
    { class: 'collect-view collect-selection', attrs: { 'aria-label': 'Lasso selection' } },
    h('h2', { class: 'collect-view__title', text: `${papers.length} ${papers.length === 1 ? 'paper' : 'papers'} selected` }),
    h('p', { class: 'collect-view__actions' }, add, clear),
    exportLinks({ ids: papers.map((p) => p.id) }),
    h('ul', { class: 'collect-list collect-selection__list' }, ...papers.map((p) => paperRow(p.id, p.title, on))),
  );
  listenForOpens(view, on.open);
  return view;
}
