/**
 * Which three-character sequences a text holds, as a set, so that a needle with a
 * sequence the text lacks is known absent without searching for it. The token scan records the
 * set as it reads every character anyway (scan-words.ts); proving hundreds of needles absent from
 * a large paste by searching costs a pass of the regex engine per position, this a few reads of
 * the set per needle. Characters are read as six-bit symbols: ASCII letters folded to lower case, digits,
 * `_` and the common punctuation each have their own, other ASCII characters share one, and
 * every non-ASCII code unit shares another. A shared symbol only makes the set less selective.
 */

/** The symbols of the word characters `a`–`z`, `0`–`9` and `_` are 1 to this, in that order. */
export const LAST_WORD_SYMBOL = 37;

/** The symbol of a line feed: a needle never holds one, the joined lines hold one between lines. */
export const LINE_FEED_SYMBOL = 38;

/** The symbol shared by every non-ASCII code unit. */
export const NON_ASCII_SYMBOL = 63;

// The symbol shared by the ASCII characters without one of their own.
const OTHER_ASCII_SYMBOL = 62;
const PUNCTUATION = ' ./-:"{}[],=\'()><\t@?&#*';

/** The symbol of each ASCII code unit (index: the code). */
export const ASCII_SYMBOLS: Uint8Array = makeAsciiSymbols();

function makeAsciiSymbols(): Uint8Array {
  const symbols = new Uint8Array(128).fill(OTHER_ASCII_SYMBOL);
  for (let letter = 0; letter < 26; letter++) {
    symbols[97 + letter] = 1 + letter;
    symbols[65 + letter] = 1 + letter;
  }
  for (let digit = 0; digit < 10; digit++) symbols[48 + digit] = 27 + digit;
  symbols[95] = LAST_WORD_SYMBOL;
  symbols[10] = LINE_FEED_SYMBOL;
  for (let at = 0; at < PUNCTUATION.length; at++) symbols[PUNCTUATION.charCodeAt(at)] = LINE_FEED_SYMBOL + 1 + at;
  return symbols;
}

/** The symbol of a UTF-16 code unit. */
export function symbolOf(code: number): number {
  return code < 128 ? (ASCII_SYMBOLS[code] as number) : NON_ASCII_SYMBOL;
}

/** The 18 bits of a three-symbol sequence (`(a << 12) | (b << 6) | c`), its index in the set. */
export const GRAM_MASK = (1 << 18) - 1;

/**
 * A set with no sequence: a byte per sequence (2^18, 256 KiB), 0 when not held, else a mark of
 * where (`lastMarkOf`; any value from 1 when nobody asks where). A byte is set with one
 * store where a bit needs a load, an or and a store, on every character of the paste (10 MB of
 * log: about 2.5 ms less).
 */
export function createGramSet(): Uint8Array {
  return new Uint8Array(GRAM_MASK + 1);
}

/**
 * Whether a text whose sequences are in `grams` may hold `needle` (lower case, no line feed):
 * false only when the needle has a sequence the text lacks. A needle of two characters is looked
 * for as the start of a sequence (the set's text must end with a line feed for its last two
 * characters to count), and one of a single character as the end of one. Needles are compared
 * as symbols, so a character lower-casing gives another symbol than the text's (only `İ` and
 * `K`, outside ASCII, lower-case into it) is not seen: the token scan lists lines holding them apart.
 */
export function mayContain(grams: Uint8Array, needle: string): boolean {
  return lastMarkOf(grams, needle) !== 0;
}

/**
 * The same question asked of a set whose sequences are marked with where the text holds them last
 * (a number from 1 on that grows along the text, as the token scan marks them): the highest mark
 * an occurrence of the needle can have, 0 when it has none. Every occurrence sets each of its
 * sequences, so the last one of the needle is at most the lowest of their marks.
 */
export function lastMarkOf(grams: Uint8Array, needle: string): number {
  if (needle.length === 0) return MAX_MARK;
  if (needle.length === 1) {
    const last = symbolOf(needle.charCodeAt(0));
    let highest = 0;
    for (let pair = 0; pair < 4096; pair++) highest = Math.max(highest, grams[(pair << 6) | last] as number);
    return highest;
  }
  if (needle.length === 2) {
    const pair = (symbolOf(needle.charCodeAt(0)) << 12) | (symbolOf(needle.charCodeAt(1)) << 6);
    let highest = 0;
    for (let last = 0; last < 64; last++) highest = Math.max(highest, grams[pair | last] as number);
    return highest;
  }
  let lowest = MAX_MARK;
  let gram = ((symbolOf(needle.charCodeAt(0)) << 6) | symbolOf(needle.charCodeAt(1))) & GRAM_MASK;
  for (let at = 2; at < needle.length && lowest > 0; at++) {
    gram = ((gram << 6) | symbolOf(needle.charCodeAt(at))) & GRAM_MASK;
    lowest = Math.min(lowest, grams[gram] as number);
  }
  return lowest;
}

/** The highest mark a sequence can have (the set holds bytes). */
export const MAX_MARK = 255;
