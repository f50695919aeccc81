/**
 * @file Titles and abstracts as the page shows them: TeX math ($…$, \(…\)) rendered by
 * KaTeX, and the query's words marked. KaTeX builds its DOM and sets styles through the
 * CSSOM (katex.render), which the server's Content-Security-Policy allows, where its HTML
 * strings with style attributes would be blocked. Text always goes in as text.
 */
import katex from 'katex';
import 'katex/dist/katex.min.css';
import { analyze, stem, STOP_WORDS, tokenize } from '../../../src/text/tokenize.js';

/** Inline math in $…$ or \(…\), as arXiv titles and abstracts write it. */
const MATH = /\$([^$]+)\$|\\\((.+?)\\\)/g;
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** The stems a text's words are matched by: the server's analyzer, so "networks" marks "network". */
export function queryStems(query: string): ReadonlySet<string> {
  return new Set(analyze(query));
}

/** `text` with each word whose stem is in `stems` wrapped in <mark>. */
function marked(text: string, stems: ReadonlySet<string>): (Node | string)[] {
  if (stems.size === 0) return [text];
  const out: (Node | string)[] = [];
  let at = 0;
  for (const match of text.matchAll(WORD)) {
    const [token] = tokenize(match[0]);
    if (token === undefined || STOP_WORDS.has(token) || !stems.has(stem(token))) continue;
    if (match.index > at) out.push(text.slice(at, match.index));
    const mark = document.createElement('mark');
    mark.textContent = match[0];
    out.push(mark);
    at = match.index + match[0].length;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

/** TeX rendered by KaTeX, or the source as text when KaTeX cannot read it. */
function math(tex: string): Node {
  const span = document.createElement('span');
  span.className = 'math';
  try {
    katex.render(tex, span, { throwOnError: true, output: 'html', strict: 'ignore' });
  } catch {
    span.textContent = tex;
  }
  return span;
}

/**
 * The nodes of `text`: math rendered, the rest as text with the words of `stems` marked.
 * @example el.replaceChildren(...richText('Bounds for $\\mathcal N=4$ theories', queryStems('theory')))
 */
export function richText(text: string, stems: ReadonlySet<string> = new Set()): (Node | string)[] {
  const out: (Node | string)[] = [];
  let at = 0;
  for (const match of text.matchAll(MATH)) {
    out.push(...marked(text.slice(at, match.index), stems), math(match[1] ?? match[2]));
    at = match.index + match[0].length;
  }
  out.push(...marked(text.slice(at), stems));
  return out;
}
