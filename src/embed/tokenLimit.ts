/**
 * @file How much of a text a length-limited model reads. A transformer embeds at most its
 * token limit and drops the rest (sentence-transformers' behaviour), so a pasted draft is
 * represented by its beginning; the API says how many characters that beginning holds.
 */

/**
 * The length of the longest prefix of `text`, cut at the end of a word, whose token count is
 * at most `room`; the whole length when the text fits. A binary search over word ends:
 * token counts grow with the prefix.
 * @example charsWithinTokens('a b c d', (s) => s.split(' ').length, 2) // => 3
 * @param countTokens  the model tokenizer's token count of a text (special tokens excluded)
 */
export function charsWithinTokens(text: string, countTokens: (text: string) => number, room: number): number {
  if (countTokens(text) <= room) return text.length;
  const ends = Array.from(text.matchAll(/\S+/g), (m) => m.index + m[0].length);
  let low = 0;
  let high = ends.length - 1;
  let fits = 0;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (countTokens(text.slice(0, ends[mid])) <= room) {
      fits = ends[mid];
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return fits;
}
