/**
 * @file The view of a text that `why` compares: its content words in their surface form with
 * their stems (src/text's analyzer, the one BM25 uses), the two-word phrases among them, and
 * its sentences with their stems. Built once per query or source paper and once per result
 * paper (cached), each on at most WHY_MAX_TEXT_CHARS characters so a very long abstract or
 * draft costs a bounded amount per request.
 */
import { WHY_MAX_SENTENCES, WHY_MAX_TEXT_CHARS } from '../config.js';
import { analyze, STOP_WORDS, stem, tokenize } from '../text/tokenize.js';
import { splitSentences } from '../text/sentences.js';

/** A content word of a text: as written, its stem, and where it is. */
export interface TextWord {
  surface: string;
  stem: string;
  start: number;
  end: number;
  /** True when it directly follows the previous content word (a space or a hyphen apart): the two form a phrase. */
  joinsPrevious: boolean;
}

export interface TextSentence {
  text: string;
  stems: ReadonlySet<string>;
}

export interface WhyText {
  /** The text the words were read from (cut to WHY_MAX_TEXT_CHARS). */
  text: string;
  words: TextWord[];
  stems: ReadonlySet<string>;
  /** "stemA stemB" of each two-word phrase. */
  pairs: ReadonlySet<string>;
  sentences: TextSentence[];
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
/** What may sit between the two words of a phrase: "optimal transport", "self-attention". */
const PHRASE_GAP = /^(?:[ \t]+|-)$/;

/** The key of a two-word phrase in `WhyText.pairs`. */
export const pairKey = (a: string, b: string) => `${a} ${b}`;

/** The content words of `text`: a word the analyzer drops (a stop word, a number, one letter) breaks phrases. */
function contentWords(text: string): TextWord[] {
  const words: TextWord[] = [];
  let previous: TextWord | undefined;
  for (const match of text.matchAll(WORD)) {
    const tokens = tokenize(match[0]);
    if (tokens.length !== 1 || STOP_WORDS.has(tokens[0])) {
      previous = undefined;
      continue;
    }
    const start = match.index;
    const joinsPrevious = previous !== undefined && PHRASE_GAP.test(text.slice(previous.end, start));
    const word: TextWord = { surface: match[0], stem: stem(tokens[0]), start, end: start + match[0].length, joinsPrevious };
    words.push(word);
    previous = word;
  }
  return words;
}

/**
 * The why-view of a text whose words come from `wordText` and whose sentences from `sentenceText`
 * (a paper's title and abstract, and its abstract alone).
 * @example whyText('Optimal transport maps', 'Optimal transport maps.').pairs // => Set { 'optim transport', 'transport map' }
 */
export function whyText(wordText: string, sentenceText = wordText): WhyText {
  const text = wordText.slice(0, WHY_MAX_TEXT_CHARS);
  const words = contentWords(text);
  const pairs = new Set<string>();
  words.forEach((word, i) => word.joinsPrevious && pairs.add(pairKey(words[i - 1].stem, word.stem)));
  const sentences = splitSentences(sentenceText.slice(0, WHY_MAX_TEXT_CHARS))
    .slice(0, WHY_MAX_SENTENCES)
    .map((sentence) => ({ text: sentence, stems: new Set(analyze(sentence)) }));
  return { text, words, stems: new Set(words.map((w) => w.stem)), pairs, sentences };
}
