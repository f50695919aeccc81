/**
 * @file A tiny element builder. Text always goes in as text (never as HTML),
 * so titles and abstracts from the corpus cannot inject markup.
 */

type Child = Node | string | null | undefined | false;

export interface Props {
  class?: string;
  text?: string;
  attrs?: Record<string, string>;
  data?: Record<string, string>;
}

/**
 * Create an element.
 * @example h('a', { class: 'result', attrs: { href: '?paper=1' } }, 'A title') // => <a class="result" href="?paper=1">A title</a>
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.class) el.className = props.class;
  if (props.text !== undefined) el.textContent = props.text;
  for (const [name, value] of Object.entries(props.attrs ?? {})) el.setAttribute(name, value);
  for (const [name, value] of Object.entries(props.data ?? {})) el.dataset[name] = value;
  for (const child of children) if (child) el.append(child);
  return el;
}

/** Find a required element of the page by id; a missing one is a build error. */
export function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`web: no element #${id} in index.html`);
  return el as T;
}
