/**
 * @file Finds the words of a text with their positions: runs of Unicode letters, marks and
 * digits, as tokenize() (src/text/tokenize.ts) cuts them. A character-code scan: `why` reads
 * every word of ten abstracts per request, and a global regex's match objects were a third of
 * its time.
 */

const UNICODE_WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;
const [DIGIT_0, DIGIT_9, UPPER_A, UPPER_Z, LOWER_A, LOWER_Z] = ['0', '9', 'A', 'Z', 'a', 'z'].map((c) => c.charCodeAt(0));

/** Length (1 or 2 UTF-16 units) of the word character at `i`, or 0 when it is not one. */
function wordCharLength(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 128) return (code >= DIGIT_0 && code <= DIGIT_9) || (code >= UPPER_A && code <= UPPER_Z) || (code >= LOWER_A && code <= LOWER_Z) ? 1 : 0;
  const point = text.codePointAt(i)!;
  const length = point > 0xffff ? 2 : 1;
  return UNICODE_WORD_CHAR.test(String.fromCodePoint(point)) ? length : 0;
}

/**
 * Calls `visit` for each word of `text`, in order, with its bounds, whether it is plain ASCII
 * (letters and digits only) and whether it is all digits.
 * @example forEachWord('GPT-4 naïve', (start, end) => console.log(start, end)) // logs 0 3, 4 5, 6 11
 */
export function forEachWord(text: string, visit: (start: number, end: number, ascii: boolean, digits: boolean) => void): void {
  let i = 0;
  while (i < text.length) {
    let length = wordCharLength(text, i);
    if (length === 0) {
      i++;
      continue;
    }
    const start = i;
    let ascii = true;
    let digits = true;
    while (length > 0) {
      const code = text.charCodeAt(i);
      if (code >= 128) ascii = false;
      if (code < DIGIT_0 || code > DIGIT_9) digits = false;
      i += length;
      length = i < text.length ? wordCharLength(text, i) : 0;
    }
    visit(start, i, ascii, digits);
  }
}
