/**
 * @file fast-check generators of hostile request parts for the API fuzz tests: text with
 * any code point (control characters, lone surrogates, RTL marks, emoji), numbers in every
 * notation, and the ways a client may percent-encode them (or fail to).
 */
import fc from 'fast-check';

/** Characters with a meaning in URLs, queries, paths, JSON or terminals. */
const SPECIAL_CHARS = [
  '%', '&', '=', '+', '#', '?', '/', '\\', '.', ' ', '\t', '\n', '\r', '\0', '\u0007', '\u001b', '\u007f',
  ';', '"', "'", '<', '>', '[', ']', '{', '}', '|', '^', '`', ',', ':', '@',
  '\u00a0', '\u00ad', '\u0301', '\u200b', '\u200e', '\u202e', '\u2028', '\u3000', '\ufeff', '\ufffd', '\uffff',
  '🙂', '👩‍👩‍👧', 'ß', 'İ', 'ﬁ', 'Ａ', '١',
];

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));

/** One "character": any code point, an ASCII control, a lone surrogate, or a special one. */
export const fuzzChar: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }), weight: 3 },
  { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 1 }), weight: 2 },
  { arbitrary: loneSurrogate, weight: 1 },
  { arbitrary: fc.constantFrom(...SPECIAL_CHARS), weight: 3 },
);

/** Short hostile text, or a short pattern repeated to around the 1000-character q limit, or beyond. */
export const fuzzText: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.string({ unit: fuzzChar, maxLength: 30 }), weight: 8 },
  { arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 12 }), weight: 3 },
  {
    arbitrary: fc
      .tuple(fc.string({ unit: fuzzChar, minLength: 1, maxLength: 3 }), fc.constantFrom(999, 1000, 1001, 2500))
      .map(([unit, length]) => [...unit.repeat(length)].slice(0, length).join('')),
    weight: 1,
  },
);

/** Numbers as people and programs write them: most are not plain 1..100 digits. */
const NUMBER_NOTATIONS = [
  '0', '1', '10', '100', '101', '010', '0010', '00100', '-0', '-1', '+5', ' 5', '5 ', '1e1', '1E1', '1e+1', '.5', '5.', '1.0',
  '0x10', '0X0A', '0o7', '0b1', '1_0', '1,0', '10n', 'Infinity', '-Infinity', 'NaN', 'null', 'undefined', 'true', '[]', '{}',
  '99999999999999999999', '1e309', '4294967297', '9007199254740993', '١٠', '१०', '１０', '²', 'Ⅹ', '٣', '',
];

export const fuzzNumber: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...NUMBER_NOTATIONS),
  fc.integer({ min: -5, max: 120 }).map(String),
  fc.double({ noNaN: false }).map(String),
  fc.integer({ min: 0, max: 200 }).map((n) => n.toString(16)),
  fc.tuple(fc.integer({ min: 1, max: 100 }), fc.constantFrom('0', '00', '+', ' ', '%20', '\u00a0')).map(([n, pad]) => pad + n),
);

/** A value for a known parameter: usually hostile, sometimes valid. */
export function paramValue(valid: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof({ arbitrary: fc.constantFrom(...valid), weight: 3 }, { arbitrary: fuzzNumber, weight: 2 }, { arbitrary: fuzzText, weight: 3 });
}

/** Bytes of `text` as WTF-8: UTF-8, except that lone surrogates are encoded as they are (ED A0 80). */
export function wtf8Bytes(text: string): number[] {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 63));
    else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
    else bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
  }
  return bytes;
}

const hex = (byte: number, lower: boolean) => {
  const h = byte.toString(16).padStart(2, '0');
  return `%${lower ? h : h.toUpperCase()}`;
};

/** ASCII a client may leave unescaped in a query value or path segment (never % & = # + / ? or space). */
const RAW_SAFE = /^[A-Za-z0-9\-._~!$'()*,;:@[\]{}|^`"<>]$/;

/** The ways text is put in a URL: escaped where needed (as lax clients do), every byte escaped, lower-case hex, `+` for space, or double-encoded. */
export const ENCODINGS = ['lax', 'every-byte', 'lower-hex', 'plus-space', 'double'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** `text` percent-encoded the way `how` says; the result is printable ASCII (no # & = ? / or space left raw). */
export function encodeText(text: string, how: Encoding): string {
  if (how === 'double') return encodeText(encodeText(text, 'lax'), 'lax');
  let out = '';
  for (const char of text) {
    if (how !== 'every-byte' && RAW_SAFE.test(char)) out += char;
    else if (how === 'plus-space' && char === ' ') out += '+';
    else out += wtf8Bytes(char).map((b) => hex(b, how === 'lower-hex')).join('');
  }
  return out;
}

/** Escapes that are not valid percent-encoding or not valid UTF-8 once decoded. */
export const BROKEN_ESCAPES = ['%', '%z', '%zz', '%2', '%%', '%%41', '%E0%A4%A', '%C0%AF', '%ED%A0%80', '%FF', '%F4%90%80%80', '%C3', '%u0041', '%2%3'];

/** An encoded value, sometimes with a broken escape spliced in at a random place. */
export function encodedValue(value: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(value, fc.constantFrom(...ENCODINGS), fc.option(fc.tuple(fc.constantFrom(...BROKEN_ESCAPES), fc.nat()), { freq: 4 })).map(([text, how, broken]) => {
    const encoded = encodeText(text, how);
    if (!broken) return encoded;
    // Splice between escapes only, so the broken escape is the one that breaks decoding.
    const cuts = [0, ...[...encoded.matchAll(/(?=%[0-9A-Fa-f]{2})|(?<=%[0-9A-Fa-f]{2})/g)].map((m) => m.index!), encoded.length];
    const at = cuts[broken[1] % cuts.length];
    return encoded.slice(0, at) + broken[0] + encoded.slice(at);
  });
}

/** Query keys: the route's own, their look-alikes, prototype names and random text. */
export function queryKey(known: readonly string[]): fc.Arbitrary<string> {
  const lookalikes = known.flatMap((k) => [k.toUpperCase(), `${k}[]`, `${k}[0]`, ` ${k}`, `${k}.x`]);
  return fc.oneof(
    { arbitrary: fc.constantFrom(...known), weight: 6 },
    { arbitrary: fc.constantFrom(...lookalikes, '__proto__', 'constructor', 'hasOwnProperty', 'toString', ''), weight: 2 },
    { arbitrary: fuzzText, weight: 1 },
  );
}

/** A raw query string: key=value pairs (repeated, unknown, valueless, empty), each encoded its own way. */
export function queryString(params: Record<string, readonly string[]>): fc.Arbitrary<string> {
  const known = Object.keys(params);
  const pair = fc.tuple(queryKey(known), fc.constantFrom('=', '', '=='), fc.nat()).chain(([key, eq, n]) => {
    const valid = Object.hasOwn(params, key) ? params[key] : ['x'];
    return fc.tuple(encodedValue(fc.constant(key)), encodedValue(paramValue(valid))).map(([k, v]) => (eq === '' && n % 3 === 0 ? k : `${k}${eq || '='}${v}`));
  });
  return fc.tuple(fc.array(pair, { maxLength: 7 }), fc.constantFrom('&', '&&', '&amp;')).map(([pairs, sep]) => pairs.join(sep));
}
