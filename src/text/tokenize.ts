/**
 * @file The one text analyzer paperscope uses: the lexical (LSA) embedder, the BM25 search
 * and the topic labels all split, filter and stem words here, so a word means the same
 * thing to each of them. Pure functions, no state.
 */
import { stemmer } from 'stemmer';

/** Bump when tokenize/STOP_WORDS/stem change output: stored lexical models record it. */
export const ANALYZER_VERSION = 1;

/**
 * scikit-learn's ENGLISH_STOP_WORDS (the Glasgow IR list) minus two kinds of entries:
 * content words that carry topics in paper abstracts (system, fire, interest, detail, part,
 * side, top, bottom, move, full, empty, thick, thin, bill, mill, fill, front, cry, serious,
 * sincere) and entries tokenize() can never produce ("no one", "couldn't", "hasn't",
 * one-letter words). Added: the halves tokenize() leaves of common contractions (don't → don).
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `about above across after afterwards again against all almost alone along already also
  although always am among amongst amount an and another any anyhow anyone anything anyway
  anywhere are around as at back be became because become becomes becoming been before
  beforehand behind being below beside besides between beyond both but by call can cannot
  cant co con could de describe do done down due during each eg eight either eleven else
  elsewhere enough etc even ever every everyone everything everywhere except few fifteen
  fifty find first five for former formerly forty found four from further get give go had
  has have he hence her here hereafter hereby herein hereupon hers herself him himself his
  how however hundred ie if in inc indeed into is it its itself keep last latter latterly
  least less ltd made many may me meanwhile might mine more moreover most mostly much must
  my myself name namely neither never nevertheless next nine no nobody none nor not nothing
  now nowhere of off often on once one only onto or other others otherwise our ours
  ourselves out over own per perhaps please put rather re same see seem seemed seeming seems
  several she should show since six sixty so some somehow someone something sometime
  sometimes somewhere still such take ten than that the their them themselves then thence
  there thereafter thereby therefore therein thereupon these they third this those though
  three through throughout thru thus to together too toward towards twelve twenty two un
  under until up upon us very via was we well were what whatever when whence whenever where
  whereafter whereas whereby wherein whereupon wherever whether which while whither who
  whoever whole whom whose why will with within without would yet you your yours yourself
  yourselves
  aren couldn didn doesn don hadn hasn haven isn ll shouldn ve wasn weren won wouldn`
    .split(/\s+/)
    .filter((word) => word.length > 0),
);

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
/** Phrases don't run across these: sentence and clause punctuation. */
const PHRASE_BREAK = /[.,;:!?()[\]{}"“”‘’«»|\u2014\u2013]+/u;
/** TeX commands (\mathcal, \varepsilon) are markup, not topic words: they break phrases too. */
const TEX_COMMAND = /\\[a-zA-Z]+/g;
const ALL_DIGITS = /^\p{N}+$/u;
/** Accents on Latin letters, so "naïve" and "Poincaré" match queries typed without them. */
const LATIN_ACCENT = /(\p{Script=Latin})\p{Mn}+/gu;

/**
 * Splits text into lowercase words: runs of Unicode letters and digits. Hyphenated and
 * apostrophised words come apart; pure numbers and one-character tokens are dropped (they
 * match too much to mean anything); mixed tokens such as "gpt4" or "3d" stay.
 * @example tokenize('State-of-the-art GPT4 naïve 2024 models') // => ['state', 'of', 'the', 'art', 'gpt4', 'naive', 'models']
 * @param text  Any text; NFKC-normalized first, so ligatures and full-width forms fold.
 */
export function tokenize(text: string): string[] {
  const folded = text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(LATIN_ACCENT, '$1')
    .normalize('NFC');
  const words = folded.match(WORD) ?? [];
  return words.filter((word) => word.length > 1 && !ALL_DIGITS.test(word));
}

/**
 * tokenize() of each stretch of text between punctuation marks and TeX commands: words next to
 * each other in one stretch can form a phrase, words on either side of a break cannot.
 * @example tokenizePhrases('Optimal transport (OT) maps: a survey') // => [['optimal', 'transport'], ['ot'], ['maps'], ['survey']]
 * @param text  Any text.
 */
export function tokenizePhrases(text: string): string[][] {
  return text.replace(TEX_COMMAND, '|').split(PHRASE_BREAK).map(tokenize);
}

/**
 * Stemming is most of analyze()'s cost and words repeat (100,000 abstracts: ~20 million
 * words, a few hundred thousand distinct), so stems are remembered, up to a bound.
 */
const STEM_CACHE_LIMIT = 500_000;
const stemCache = new Map<string, string>();

/**
 * The Porter stem of a lowercase word.
 * @example stem('networks') // => 'network'
 * @param word  One token from tokenize().
 */
export function stem(word: string): string {
  let stemmed = stemCache.get(word);
  if (stemmed === undefined) {
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stemmed = stemmer(word);
    stemCache.set(word, stemmed);
  }
  return stemmed;
}

/**
 * tokenize → drop STOP_WORDS → stem: the terms a text is indexed and searched by.
 * @example analyze('We propose learning graph networks') // => ['propos', 'learn', 'graph', 'network']
 * @param text  Any text.
 */
export function analyze(text: string): string[] {
  const terms: string[] = [];
  for (const word of tokenize(text)) {
    if (!STOP_WORDS.has(word)) terms.push(stem(word));
  }
  return terms;
}
