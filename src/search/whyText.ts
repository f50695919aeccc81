/**
 * @file The view of a text that `why` compares: its content words with their stems (src/text's
 * analyzer, the one BM25 uses) and places (so their surface form can be cut out), which of
 * them form two-word phrases, and its sentences with their stems. Built once per query or source paper, and once per result
 * abstract for both its snippet and its `why` (src/search/analyzedTexts.ts), each on at
 * most WHY_MAX_TEXT_CHARS characters so a very long abstract or draft costs a bounded amount.
 */
import { WHY_MAX_SENTENCES, WHY_MAX_TEXT_CHARS } from '../config.js';
import { sentenceSpans } from '../text/sentences.js';
import { STOP_WORDS, stem, tokenize } from '../text/tokenize.js';
import { forEachWord } from '../text/wordScan.js';

/** A content word of a text: its stem, and where it is (text.slice(start, end) as written). */
export interface TextWord {
  stem: string;
  start: number;
  end: number;
  /** True when it directly follows the previous content word (a space or a hyphen apart): the two form a phrase. */
  joinsPrevious: boolean;
}

export interface TextSentence {
  text: string;
  /** Where it starts in the text. */
  start: number;
  stems: ReadonlySet<string>;
  /** Its words: `words[firstWord]` up to, not including, `words[endWord]` of the text's words. */
  firstWord: number;
  endWord: number;
}

export interface WhyText {
  /** The text the words were read from (cut to WHY_MAX_TEXT_CHARS). */
  text: string;
  words: TextWord[];
  /**
   * Each word's stem as two hashes (stemHashes), in order. `why` matches a result's words with
   * the source's by these, not by their strings: reading ten abstracts' word objects and stem
   * strings scattered in memory cost more than the rest of `why`. 62 bits: among the few
   * hundred thousand distinct stems of a corpus, two that share both hashes are a one in
   * 10^8 chance.
   */
  keys: Int32Array;
  checks: Int32Array;
  stems: ReadonlySet<string>;
  sentences: TextSentence[];
}

const [SPACE, TAB, HYPHEN] = [' ', '\t', '-'].map((c) => c.charCodeAt(0));

/** True when text[from, to) may sit between the two words of a phrase: spaces ("optimal transport") or one hyphen ("self-attention"). */
function isPhraseGap(text: string, from: number, to: number): boolean {
  if (to - from === 1 && text.charCodeAt(from) === HYPHEN) return true;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code !== SPACE && code !== TAB) return false;
  }
  return to > from;
}

/** A stem's two hashes, its `key` (30 bits, FNV-1a) and `check` (32 bits, djb2): together they tell stems apart (see WhyText.keys). */
export function stemHashes(stem: string): { key: number; check: number } {
  let key = 0x811c9dc5;
  let check = 5381;
  for (let i = 0; i < stem.length; i++) {
    const code = stem.charCodeAt(i);
    key = Math.imul(key ^ code, 0x01000193);
    check = Math.imul(check, 33) ^ code;
  }
  return { key: key & 0x3fffffff, check };
}

/** tokenize() of one word: plain ASCII needs none of its Unicode folding (most words of most abstracts). */
function tokenOf(word: string, ascii: boolean, digits: boolean): string | undefined {
  if (!ascii) {
    const tokens = tokenize(word);
    return tokens.length === 1 ? tokens[0] : undefined;
  }
  return word.length > 1 && !digits ? word.toLowerCase() : undefined;
}

/** The content words of `text`; a word the analyzer drops (a stop word, a number, one letter) breaks phrases. */
function contentWords(text: string): TextWord[] {
  const words: TextWord[] = [];
  let previous: TextWord | undefined;
  forEachWord(text, (start, end, ascii, digits) => {
    const token = tokenOf(text.slice(start, end), ascii, digits);
    if (token === undefined || STOP_WORDS.has(token)) {
      previous = undefined;
      return;
    }
    const joinsPrevious = previous !== undefined && isPhraseGap(text, previous.end, start);
    previous = { stem: stem(token), start, end, joinsPrevious };
    words.push(previous);
  });
  return words;
}

/** The sentences of text[from…] with the stems of the words in each (words in text order). */
function sentencesOf(text: string, from: number, words: readonly TextWord[]): TextSentence[] {
  const spans = sentenceSpans(text.slice(from)).slice(0, WHY_MAX_SENTENCES);
  let w = 0;
  return spans.map(({ text: sentence, start }) => {
    const [begin, end] = [from + start, from + start + sentence.length];
    while (w < words.length && words[w].start < begin) w++;
    const [stems, firstWord] = [new Set<string>(), w];
    for (; w < words.length && words[w].end <= end; w++) stems.add(words[w].stem);
    return { text: sentence, start: begin, stems, firstWord, endWord: w };
  });
}

/**
 * The why-view of `text`, whose sentences are read from `sentencesFrom` on (a paper's title
 * and abstract, its sentences those of the abstract).
 * @example whyText('Optimal transport maps').words.map((w) => w.stem) // => ['optim', 'transport', 'map']
 */
export function whyText(text: string, sentencesFrom = 0): WhyText {
  const cut = text.slice(0, WHY_MAX_TEXT_CHARS);
  const words = contentWords(cut);
  const [keys, checks] = [new Int32Array(words.length), new Int32Array(words.length)];
  words.forEach((word, i) => {
    const { key, check } = stemHashes(word.stem);
    keys[i] = key;
    checks[i] = check;
  });
  return { text: cut, words, keys, checks, stems: new Set(words.map((w) => w.stem)), sentences: sentencesOf(cut, Math.min(sentencesFrom, cut.length), words) };
}
