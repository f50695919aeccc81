/**
 * @file Thumbs up and down beside a paper (in the results, the paper panel, a collection or a
 * selection): pressed when the active collection holds the paper with that label. Pressing
 * the other thumb relabels the paper; pressing a pressed thumb takes the paper out.
 */
import { h } from '../ui/dom.js';
import type { Label } from './api.js';

const THUMBS: ReadonlyArray<{ label: Label; text: string; verb: string }> = [
  { label: 'pos', text: '▲', verb: 'Keep' },
  { label: 'neg', text: '▼', verb: 'Mark as not wanted' },
];

/** A pair of thumbs for paper `id`; `toggle` is called with the label pressed. */
export function paperActions(id: string, current: Label | undefined, toggle: (id: string, label: Label) => void): HTMLElement {
  const buttons = THUMBS.map(({ label, text, verb }) => {
    const button = h('button', { class: `thumb thumb--${label}`, text, attrs: { type: 'button', 'aria-pressed': String(current === label), title: verb }, data: { label } });
    button.addEventListener('click', (e) => {
      e.preventDefault();
      e.stopPropagation();
      toggle(id, label);
    });
    return button;
  });
  const box = h('span', { class: 'collect-actions', attrs: { role: 'group', 'aria-label': 'Collection' }, data: { paper: id } }, ...buttons);
  setActionLabels(box, current);
  return box;
}

/** Update every thumbs group of paper `id` in `root` to show `label` (undefined: not in the collection). */
export function markPaper(root: ParentNode, id: string, label: Label | undefined): void {
  for (const box of root.querySelectorAll<HTMLElement>('.collect-actions')) {
    if (box.dataset.paper === id) setActionLabels(box, label);
  }
}

function setActionLabels(box: HTMLElement, current: Label | undefined): void {
  for (const button of box.querySelectorAll<HTMLButtonElement>('button[data-label]')) {
    const label = button.dataset.label as Label;
    const pressed = current === label;
    button.setAttribute('aria-pressed', String(pressed));
    const verb = THUMBS.find((t) => t.label === label)!.verb;
    button.setAttribute('aria-label', pressed ? `Remove from the collection` : `${verb}: add to the collection as ${label === 'pos' ? 'positive' : 'negative'}`);
  }
}
