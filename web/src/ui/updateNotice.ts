/**
 * @file The banner that says the server now serves a newer index ("20 new papers"), with the
 * button that brings them onto the map.
 */
import { h } from './dom.js';

export class UpdateNotice {
  constructor(private readonly el: HTMLElement) {}

  /** Says `added` papers are new (or that the index changed, when none are), with a button running `refresh`. */
  show(added: number, refresh: () => void): void {
    const message = added > 0 ? `${added.toLocaleString('en')} new paper${added === 1 ? '' : 's'}.` : 'The index has been updated.';
    const button = h('button', { class: 'button button--small', text: added > 0 ? 'Show them on the map' : 'Refresh the map', attrs: { type: 'button' } });
    button.addEventListener('click', () => {
      button.disabled = true;
      refresh();
    });
    this.el.replaceChildren(h('p', { text: message }), button);
    this.el.hidden = false;
  }

  hide(): void {
    this.el.hidden = true;
    this.el.replaceChildren();
  }
}
