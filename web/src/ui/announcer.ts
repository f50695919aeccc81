/**
 * @file A polite live region for what changes out of sight of a screen reader's cursor
 * (a paper opening in the panel), read out once, without moving anything on screen.
 */
import { h } from './dom.js';

export class Announcer {
  private readonly region = h('p', { class: 'visually-hidden', attrs: { id: 'announcer', role: 'status', 'aria-live': 'polite' } });

  constructor(host: HTMLElement = document.body) {
    host.append(this.region);
  }

  say(text: string): void {
    // Emptied first, so the same words said twice are announced twice.
    this.region.textContent = '';
    requestAnimationFrame(() => (this.region.textContent = text));
  }
}
