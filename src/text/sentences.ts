/**
 * @file Splits abstracts into sentences for `why`: a sentence ends at ".", "?" or "!" (and any
 * closing quotes or brackets) followed by white space and a character that is not a lowercase
 * letter. TeX math ($…$, \(…\), \[…\]) is masked first, so "$a.b$" or "$E = mc^2.$" never ends
 * a sentence, and a period after a common abbreviation ("vs.", "e.g.", "Fig.", "et al.") does
 * not end one either. Decimals ("3.5") have no space after the point. Measured on abstracts with
 * these cases (tests/text/sentences.test.ts): ICU's rules (Intl.Segmenter) break after "vs." and
 * "Sec." and inside math; sentence-splitter and sbd break inside "$a.b$" or after "Fig." and
 * "cf.", and cost 3.7 and 0.2 ms per abstract; ICU 0.1 ms; this a few microseconds.
 */

/** Inline and display math in TeX's three usual delimiters (no nesting across them). */
const TEX_MATH = /\$\$[^$]*\$\$|\$[^$]*\$|\\\((?:[^\\]|\\(?!\)))*\\\)|\\\[(?:[^\\]|\\(?!\]))*\\\]/g;
/** Sentence-ending marks; inside math each becomes a same-length neutral character. */
const TERMINATORS = /[.?!]/g;
const NEUTRAL = '\u00b7';
/** A possible sentence end: marks, closing quotes or brackets, white space, then no lowercase letter. */
const BOUNDARY = /[.?!]+["'”’)\]]*(?=\s+[^\s\p{Ll}])/gu;

/**
 * Words that end in a period without ending a sentence in paper abstracts (lowercase, period
 * dropped). "etc." is left out: it ends sentences as often as not.
 */
const ABBREVIATIONS: ReadonlySet<string> = new Set(
  `al e.g eg i.e ie cf vs viz approx resp fig figs eq eqs sec secs ref refs tab no nos
  ch app prop thm lem def cor dr prof mr ms st jr sr mt`.split(/\s+/),
);

/** The word right before a final period, e.g. "e.g" of "for e.g.". */
const LAST_WORD = /([\p{L}.]+)\.$/u;
/** Longer than any abbreviation: LAST_WORD reads only this tail (on a whole sentence it costs ~0.2 ms). */
const TAIL_CHARS = 12;

/** The text with every sentence mark inside math replaced by a neutral character of the same length. */
function maskMath(text: string): string {
  return text.replace(TEX_MATH, (math) => math.replace(TERMINATORS, NEUTRAL));
}

function endsInAbbreviation(text: string): boolean {
  const word = LAST_WORD.exec(text.slice(-TAIL_CHARS))?.[1]?.toLowerCase();
  return word !== undefined && ABBREVIATIONS.has(word);
}

/**
 * The sentences of `text`, trimmed, in order, each a slice of `text`, with where it starts.
 * @example sentenceSpans('We beat BERT vs. GPT by 3.5 points. It is $O(n.m)$ fast.')
 * // => [{ text: 'We beat BERT vs. GPT by 3.5 points.', start: 0 }, { text: 'It is $O(n.m)$ fast.', start: 36 }]
 */
export function sentenceSpans(text: string): { text: string; start: number }[] {
  const spans: { text: string; start: number }[] = [];
  const push = (from: number, to: number) => {
    const raw = text.slice(from, to);
    const sentence = raw.trim();
    if (sentence) spans.push({ text: sentence, start: from + raw.indexOf(sentence) });
  };
  const masked = maskMath(text);
  let start = 0;
  for (const match of masked.matchAll(BOUNDARY)) {
    const end = match.index + match[0].length;
    if (match[0].startsWith('.') && match[0].length === 1 && endsInAbbreviation(masked.slice(start, end))) continue;
    push(start, end);
    start = end;
  }
  push(start, text.length);
  return spans;
}

/**
 * The sentences of `text`, trimmed, in order; each is a slice of `text`. Empty ones are dropped.
 * @example splitSentences('We beat BERT vs. GPT by 3.5 points. It is $O(n.m)$ fast.')
 * // => ['We beat BERT vs. GPT by 3.5 points.', 'It is $O(n.m)$ fast.']
 */
export function splitSentences(text: string): string[] {
  return sentenceSpans(text).map((span) => span.text);
}
