/**
 * @file What a result says about itself: its score in one form per mode (a share of the best
 * result's score, or the cosine as a percentage), the raw figures in a tooltip, and the why
 * line: the words it shares with the query and which signals ranked it.
 */
import type { SearchMode, Why } from '../types.js';

type Signal = NonNullable<Why['signals']['lexical']>;
import { h } from './dom.js';
import './details.css';
import { richText } from './richText.js';

const SIGNAL_NAMES: Record<keyof Why['signals'], string> = {
  lexical: 'words (BM25)',
  semantic: 'meaning (embedding)',
  references: 'your references',
};

const percent = (value: number) => `${Math.round(Math.max(0, Math.min(1, value)) * 100)}%`;
const raw = (value: number) => (Math.abs(value) >= 10 ? value.toFixed(1) : value.toFixed(3));

function signalLines(why: Why | undefined): string[] {
  return (Object.entries(why?.signals ?? {}) as [keyof Why['signals'], Signal][]).map(([name, s]) => `${SIGNAL_NAMES[name]}: rank ${s.rank}, score ${raw(s.score)}`);
}

/**
 * The score as shown, and its tooltip. Semantic scores are cosines, shown as a similarity
 * percentage; BM25 and fused scores have no fixed scale, so they show as a share of the best
 * result's score in the same list.
 * @example scoreLabel('lexical', 5.5, 11) // => { text: 'match 50%', title: 'score 5.500 (BM25) …' }
 */
export function scoreLabel(mode: SearchMode, score: number, best: number, why?: Why): { text: string; title: string } {
  const kind = mode === 'semantic' ? 'cosine similarity' : mode === 'lexical' ? 'BM25' : 'fused z-scores of BM25 and embedding';
  const text = mode === 'semantic' ? `${percent(score)} similar` : `match ${best > 0 ? percent(score / best) : '–'}`;
  const title = [`score ${raw(score)} (${kind})`, ...signalLines(why)].join('\n');
  return { text, title };
}

/** "Shares: optimal transport, sinkhorn · ranked by words #3, meaning #1", or null when there is nothing to say. */
export function whyLine(why: Why | undefined): HTMLElement | null {
  if (!why) return null;
  const signals = (Object.entries(why.signals) as [keyof Why['signals'], Signal][]).map(([name, s]) => `${SIGNAL_NAMES[name].split(' ')[0]} #${s.rank}`);
  if (why.terms.length === 0 && signals.length === 0) return null;
  const line = h('span', { class: 'why' });
  if (why.terms.length > 0) {
    line.append(h('span', { class: 'why__label', text: 'Shares ' }));
    why.terms.forEach((term, i) => line.append(...(i > 0 ? [', '] : []), h('span', { class: 'why__term' }, ...richText(term))));
  }
  if (signals.length > 0) line.append(h('span', { class: 'why__signals', text: `${why.terms.length > 0 ? ' · ' : ''}ranked by ${signals.join(', ')}` }));
  if (why.sentence) line.title = `This paper: “${why.sentence.text}”\nMatches: “${why.sentence.match}”`;
  return line;
}
