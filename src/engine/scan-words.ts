/**
 * The token scan of a paste: one walk over its lines joined by line feeds that finds, for every
 * word some literal needs, the lines holding it as a whole token, and records the text's
 * three-symbol sequences (text-grams.ts); the lines holding a character the scan cannot fold; and
 * the walk that visits the lines a literal's words allow.
 */
import { escapeRegExp } from './escape-regexp.ts';
import { forLinesMatching, type JoinedLines } from './joined-lines.ts';
import { EXACT_HASH_LENGTH, type PreparedIndex, type PreparedLiteral } from './prepare-rules.ts';
import { ASCII_SYMBOLS, createGramSet, GRAM_MASK, LAST_WORD_SYMBOL, LINE_FEED_SYMBOL, lastMarkOf, MAX_MARK, NON_ASCII_SYMBOL } from './text-grams.ts';

/**
 * Where the words literals need occur in a paste: per word, the lines holding it as a token, in
 * line order (each word's list grows on its own, so nothing is regrouped afterwards). A word on
 * more than `LISTED_LINES` lines keeps its first ones only; the rest are found when asked for.
 */
export class WordScan {
  /**
   * Per word id, how many lines hold it: 0 exactly when none does. Exact for a word on at most
   * `LISTED_LINES` lines or on at most half of them; a word more frequent than both stops being
   * followed and counts every line after that as holding it (an upper bound: it only makes the
   * word less likely to be chosen as the rarest of a literal, and `linesOf` still exact).
   */
  readonly count: Int32Array;
  /** Lines holding a character the scan does not fold (ascending). */
  readonly unfolded: number[];
  /**
   * The three-symbol sequences of the joined text, a line feed after its end included (text-grams.ts),
   * each marked with 1 + the chunk (`chunkSize` code units) of the text where the scan read it last.
   */
  readonly grams: Uint8Array;
  /** `mayContain` of text-grams.ts on these sequences, remembered per part (a function of its own: callers pass it on). */
  readonly mayContain: (part: string) => boolean;
  /**
   * An offset of the joined text at or after which no occurrence of `part` (lower case) starts,
   * lines with a character the scan cannot fold aside (0 when `mayContain` is false): the end of
   * the chunk its sequences were last read in, and of the longest token that ran on past a chunk's
   * end (its sequences took the mark of the chunk it began in). Remembered per part.
   */
  readonly startsBefore: (part: string) => number;
  readonly #lines: readonly (Int32Array | undefined)[];
  readonly #joined: JoinedLines;
  readonly #words: readonly string[];
  readonly #completed = new Map<number, Int32Array>();

  constructor(parts: { count: Int32Array; lines: readonly (Int32Array | undefined)[]; unfolded: number[]; grams: Uint8Array; chunkSize: number; overrun: number; joined: JoinedLines; words: readonly string[] }) {
    this.count = parts.count;
    this.#lines = parts.lines;
    this.unfolded = parts.unfolded;
    this.grams = parts.grams;
    this.#joined = parts.joined;
    this.#words = parts.words;
    const { grams, chunkSize, overrun } = parts;
    const textLength = parts.joined.text.length;
    const marks = new Map<string, number>();
    const markOf = (part: string): number => {
      let mark = marks.get(part);
      if (mark === undefined) {
        mark = lastMarkOf(grams, part);
        marks.set(part, mark);
      }
      return mark;
    };
    this.mayContain = (part) => markOf(part) !== 0;
    this.startsBefore = (part) => {
      const mark = markOf(part);
      return mark === 0 ? 0 : Math.min(textLength, mark * chunkSize + overrun);
    };
  }

  /** The lines holding the word as a token (indexes into the view's lines, ascending): exact, whatever `count` says. */
  linesOf(word: number): Int32Array {
    const count = this.count[word] as number;
    const listed = this.#lines[word];
    if (listed === undefined) return new Int32Array(0);
    if (count <= listed.length) return listed.subarray(0, count);
    let completed = this.#completed.get(word);
    if (completed === undefined) {
      completed = completeLines(this.#joined, this.#words[word] as string, listed, count);
      this.#completed.set(word, completed);
    }
    return completed;
  }
}

/**
 * The lines holding a word when the scan listed only the first `LISTED_LINES`: those, then the
 * later lines where a search of the joined text finds it as a token, at most `count` (an upper
 * bound when the scan stopped following the word). The search is the scan's reading: ASCII
 * letters match either case (a pattern without the `u` flag folds nothing else onto them), and
 * a token is bounded by anything that is no ASCII word character.
 */
function completeLines(joined: JoinedLines, word: string, listed: Int32Array, count: number): Int32Array {
  const lines = new Int32Array(count);
  lines.set(listed);
  let at = listed.length;
  const search = new RegExp(`(?<![A-Za-z0-9_])${escapeRegExp(word)}(?![A-Za-z0-9_])`, 'gi');
  forLinesMatching(joined, search, (listed[at - 1] as number) + 1, (line) => {
    lines[at++] = line;
    return at >= count;
  });
  return lines.subarray(0, at);
}

/**
 * Scans the lines joined by line feeds (`joined.starts`: where each line starts) for the words of
 * the prepared index, and lists the lines holding a character it cannot fold.
 *
 * Tokens are read from the text without colour codes, folding ASCII case on the fly (through each
 * character's symbol) and hashing as they go, so the scan allocates nothing for the many tokens
 * that are no needed word. Tokens of the folded text are the tokens of the normalised text
 * (normalisation only lower-cases, drops colour codes, already gone, and changes spacing between
 * non-word characters) and of the text a case-insensitive pattern sees, except around the three
 * characters `copyMixed` looks for (İ, ſ, K): lines holding one are candidates for every literal.
 */
export function scanWords(joined: JoinedLines, prepared: PreparedIndex): WordScan {
  const { words, wordSlots, wordHashes } = prepared;
  const { min, max } = prepared.wordLength;
  const mask = wordSlots.length - 1;
  const slotShift = 32 - Math.log2(wordSlots.length);
  const count = new Int32Array(words.length);
  const lastLine = new Int32Array(words.length).fill(-1);
  const { text: raw, starts } = joined;
  const lineCount = starts.length;
  // Each word's lines, made when the word is first met and doubled when full.
  const linesOfWord: (Int32Array<ArrayBuffer> | undefined)[] = new Array<Int32Array<ArrayBuffer> | undefined>(words.length);
  const grams = createGramSet();
  let gram = 0;
  const hasWords = words.length > 0;
  const unfoldedAt: number[] = [];
  const codes = byteCodesOf(raw, unfoldedAt);
  // Imported bindings are read through their module on every use; the hot loop reads locals.
  const symbols = BYTE_SYMBOLS;
  const lastWordSymbol = LAST_WORD_SYMBOL;
  const gramMask = GRAM_MASK;
  // One walk over the joined text: its line feeds end tokens like any other character that is no
  // word character, so lines need no loop of their own; the line of a token is looked up only
  // when its hash names a word. Two tight loops, one over the characters between tokens and one
  // over a token's, branch far less per character than one loop asking at each character whether
  // a token starts or ends (30 against 44 ms on 10 MB of log).
  const end = raw.length;
  let line = 0;
  let nextStart = lineCount > 1 ? (starts[1] as number) : end + 1;
  let i = 0;
  // The text is read a chunk at a time, each sequence marked with the chunk it was last read in
  // (WordScan.startsBefore): a needle a log holds on one line is then known to occur no more past
  // that line's chunk, and no search reads the rest of the log for it. Storing the mark where a
  // constant was costs about 1 ms of the 10 MB log's 29. A token running past its chunk's end
  // keeps that chunk's mark: the longest such overrun widens every bound.
  const chunkSize = gramChunkSize(end);
  let overrun = 0;
  while (i < end) {
    const mark = Math.floor(i / chunkSize) + 1;
    const chunkEnd = Math.min(end, mark * chunkSize);
    while (i < chunkEnd) {
      let symbol = symbols[codes[i] as number] as number;
      gram = ((gram << 6) | symbol) & gramMask;
      grams[gram] = mark;
      i++;
      if (symbol > lastWordSymbol) continue;
      // A token starts at i - 1 and runs to the next character that is no word character. Its
      // hash goes on from the sequence, so that the hash's low 18 bits are the sequence at each of
      // its characters: one shift and one or a character for both (10 MB of log: 28 against 30 ms).
      const start = i - 1;
      let hash = gram;
      while (i < end) {
        symbol = symbols[codes[i] as number] as number;
        if (symbol > lastWordSymbol) break;
        hash = (hash << 6) | symbol;
        grams[hash & gramMask] = mark;
        i++;
      }
      gram = hash & gramMask;
      // The character that ended the token (if any) is recorded: on past it.
      if (i < end) {
        gram = ((gram << 6) | symbol) & gramMask;
        grams[gram] = mark;
      }
      const tokenLength = i - start;
      i++;
      if (!hasWords || tokenLength < min || tokenLength > max) continue;
      // The two symbols before the token leave the hash once six of its own are shifted in; a
      // shorter token's hash keeps its own bits only, as hashWord has them.
      if (tokenLength < 6) hash &= (1 << (6 * tokenLength)) - 1;
      // slotOfHash, inline.
      let slot = Math.imul(hash, 0x9e3779b1) >>> slotShift;
      for (let id = wordSlots[slot] as number; id !== 0; slot = (slot + 1) & mask, id = wordSlots[slot] as number) {
        const word = id - 1;
        if (wordHashes[word] !== hash) continue;
        while (start >= nextStart) {
          line++;
          nextStart = line + 1 < lineCount ? (starts[line + 1] as number) : end + 1;
        }
        // Counted on this line already, or no longer followed (below).
        if ((lastLine[word] as number) >= line) continue;
        const text = words[word] as string;
        // A hash of a short token names it (hashWord); a longer one is compared.
        if (text.length !== tokenLength || (tokenLength > EXACT_HASH_LENGTH && !isSameFolded(codes, start, text))) continue;
        const held = count[word] as number;
        // Lines past the listed ones are counted only (WordScan.linesOf finds them if asked): on a
        // log, the words on every line are many and their lines seldom asked for.
        if (held < LISTED_LINES) {
          let list = linesOfWord[word];
          if (list === undefined) linesOfWord[word] = list = new Int32Array(16);
          else if (held === list.length) linesOfWord[word] = list = grow(list);
          list[held] = line;
        } else if (held > line >> 1) {
          // A word on most lines so far is on too many to narrow any literal down: it is no longer
          // followed, and counts every line left as holding it (WordScan.count). The five words of
          // every line of a 10 MB log cost 5.5 ms followed to its end.
          count[word] = held + lineCount - line;
          lastLine[word] = UNFOLLOWED;
          continue;
        }
        lastLine[word] = line;
        count[word] = held + 1;
      }
    }
    overrun = Math.max(overrun, i - chunkEnd);
  }
  // The line feed after the last line, as the lines before it have theirs.
  if (lineCount > 0) {
    gram = ((gram << 6) | LINE_FEED_SYMBOL) & gramMask;
    grams[gram] = Math.floor(end / chunkSize) + 1;
  }
  return new WordScan({ count, lines: linesOfWord, unfolded: linesHolding(starts, unfoldedAt), grams, chunkSize, overrun, joined, words });
}

/** The lines of a word the scan lists as it goes (a power of two, as the lists double from 16). */
export const LISTED_LINES = 4096;

// The code units of a chunk of the text whose sequences share a mark: the marks of a byte, 1 to
// MAX_MARK, cover it and the line feed after it; a short text is one chunk or a few.
function gramChunkSize(length: number): number {
  return Math.max(MIN_CHUNK, Math.ceil((length + 1) / MAX_MARK));
}
const MIN_CHUNK = 4096;

// The last line of a word the scan no longer follows: past every line, so the word is skipped.
const UNFOLLOWED = 0x7fffffff;

// The symbol of each byte code of `byteCodesOf`: ASCII's own, and the non-ASCII symbol for 128.
const BYTE_SYMBOLS: Uint8Array = new Uint8Array(256).fill(NON_ASCII_SYMBOL);
BYTE_SYMBOLS.set(ASCII_SYMBOLS);

// TextEncoder is in every runtime the engine runs in (browsers, workers, Node), but not in the
// ES library its tsconfig allows: only the one method used is declared.
declare const TextEncoder: new () => { encodeInto(source: string, destination: Uint8Array): { read: number; written: number } };

/**
 * The code units of `text` as bytes, each non-ASCII one as 128 (the scan gives them all one
 * symbol). Reading a typed array in the hot loop costs less than charCodeAt and drops its ASCII
 * test (10 MB of log: 36 against 43 ms); encodeInto copies ASCII at memory speed. Its UTF-8
 * output matches the code units only while they are ASCII (a lone surrogate is written as three
 * bytes, so it is never taken for ASCII): from the first other one on, see `copyMixed`.
 */
function byteCodesOf(text: string, unfoldedAt: number[]): Uint8Array {
  if (spareCodes.length < text.length) spareCodes = new Uint8Array(Math.max(text.length, 2 * spareCodes.length));
  const codes = spareCodes.subarray(0, text.length);
  // Encoded a chunk at a time, so that a text that is not all ASCII is not encoded to its end
  // in vain (its UTF-8 path is slower). A chunk's code units all read and one byte written for
  // each: all of them were ASCII.
  for (let at = 0; at < text.length; at += ENCODED_CHUNK) {
    const chunk = text.slice(at, at + ENCODED_CHUNK);
    const { read, written } = encoder.encodeInto(chunk, codes.subarray(at, at + chunk.length));
    if (read === chunk.length && written === chunk.length) continue;
    copyMixed(text, codes, at + chunk.search(NON_ASCII), unfoldedAt);
    break;
  }
  return codes;
}

// The code units encoded at once while the text is all ASCII.
const ENCODED_CHUNK = 1 << 16;

// The stretch of ASCII worth an encodeInto of its own, and the block copied one by one when the
// next non-ASCII code unit is nearer: a text dense in them pays one search per block, not one per
// code unit, and one with a few pays a search per code unit and copies the rest at once.
const MIN_ENCODED_STRETCH = 256;
const COPIED_BLOCK = 4096;

/**
 * Fills `codes` from `from` on with `text`'s code units, each non-ASCII one as 128, and adds to
 * `unfoldedAt` the offsets of the characters the scan cannot fold (İ, ſ, K): every non-ASCII code
 * unit is copied one by one here, so they are found on the way, where a search of their own read a
 * text holding any character past Latin-1 (stored two bytes a character) again: 7 ms on 10 MB.
 */
function copyMixed(text: string, codes: Uint8Array, from: number, unfoldedAt: number[]): void {
  const search = new RegExp(NON_ASCII.source, 'g');
  let at = from;
  while (at < text.length) {
    search.lastIndex = at;
    const next = search.exec(text)?.index ?? text.length;
    if (next - at >= MIN_ENCODED_STRETCH) {
      encoder.encodeInto(text.slice(at, next), codes.subarray(at, next));
      at = next;
      continue;
    }
    const stop = Math.min(text.length, Math.max(next, at + COPIED_BLOCK));
    for (; at < stop; at++) {
      const code = text.charCodeAt(at);
      codes[at] = Math.min(code, 128);
      if (code > 127 && (code === 0x130 || code === 0x17f || code === 0x212a)) unfoldedAt.push(at);
    }
  }
}
const NON_ASCII = /[^\0-\x7f]/;
const encoder = new TextEncoder();

// The bytes of the last text scanned, overwritten by the next: a fresh 10 MB buffer per check
// cost its page faults and a collection each time (median of the 10 MB log's view 43-49 ms
// against 38-39 min). Only the scan reads it, and only while it runs.
let spareCodes = new Uint8Array(0);

// The characters whose folding reaches ASCII word characters: `İ` lower-cases to `i` + a combining
// dot (normalised literals see an `i`); `ſ` and `K` fold to `s` and `k` for case-insensitive
// patterns. The ASCII-only scan cannot tell which tokens a line holding one has; copyMixed finds
// them. The lines (by `starts`) holding the ascending offsets, each once, ascending.
function linesHolding(starts: Int32Array, offsets: readonly number[]): number[] {
  const lines: number[] = [];
  let line = 0;
  for (const offset of offsets) {
    while (line + 1 < starts.length && (starts[line + 1] as number) <= offset) line++;
    if (lines[lines.length - 1] !== line) lines.push(line);
  }
  return lines;
}

function grow(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

// For each alternative, the lines holding its rarest word, kept only when they also hold its
// second-rarest word: a line must hold every word of the alternative. The alternatives' lines
// (each ascending) and the unfolded lines are merged as they are visited, each line once.
/** Calls `visit` on each line that may hold `literal` by its words (see `EvidenceView.forCandidates`). */
export function forCandidates(literal: PreparedLiteral, scan: WordScan, visit: (index: number) => boolean): void {
  const { count, unfolded } = scan;
  const branches = literal.branches ?? [];
  // Most literals have a word the paste lacks in every alternative: nothing to visit, decided
  // before allocating the cursors.
  if (unfolded.length === 0 && branches.every((branch) => branch.some((word) => count[word] === 0))) return;
  const cursors = branches.length + (unfolded.length > 0 ? 1 : 0);
  // Per alternative: its rarest word's lines and the position in them, its second-rarest word's
  // lines (null: a word alone) and the position in them; per cursor, the line it stands on (-1: none).
  const rarestLines: Int32Array[] = [];
  const rarestAt = new Int32Array(cursors);
  const secondLines: (Int32Array | null)[] = [];
  const secondAt = new Int32Array(cursors);
  const lineAt = new Int32Array(cursors);
  // Moves cursor k to its next candidate line at or after its current position; -1 when none.
  const settle = (k: number): void => {
    if (k === branches.length) {
      lineAt[k] = (rarestAt[k] as number) < unfolded.length ? (unfolded[rarestAt[k] as number] as number) : -1;
      return;
    }
    const lines = rarestLines[k] as Int32Array;
    const others = secondLines[k] ?? null;
    let at = rarestAt[k] as number;
    let other = secondAt[k] as number;
    for (; at < lines.length && others !== null; at++) {
      const line = lines[at] as number;
      while (other < others.length && (others[other] as number) < line) other++;
      if (other >= others.length) {
        at = lines.length;
        break;
      }
      if (others[other] === line) break;
    }
    rarestAt[k] = at;
    secondAt[k] = other;
    lineAt[k] = at < lines.length ? (lines[at] as number) : -1;
  };
  for (let k = 0; k < branches.length; k++) {
    let rarest = -1;
    let second = -1;
    for (const word of branches[k] as number[]) {
      if (rarest < 0 || (count[word] as number) < (count[rarest] as number)) {
        second = rarest;
        rarest = word;
      } else if (second < 0 || (count[word] as number) < (count[second] as number)) second = word;
    }
    rarestLines.push(rarest < 0 ? new Int32Array(0) : scan.linesOf(rarest));
    secondLines.push(second < 0 ? null : scan.linesOf(second));
    settle(k);
  }
  if (cursors > branches.length) settle(branches.length);
  for (;;) {
    let line = -1;
    for (let k = 0; k < cursors; k++) {
      const at = lineAt[k] as number;
      if (at >= 0 && (line < 0 || at < line)) line = at;
    }
    if (line < 0 || visit(line)) return;
    for (let k = 0; k < cursors; k++) {
      if (lineAt[k] !== line) continue;
      rarestAt[k] = (rarestAt[k] as number) + 1;
      settle(k);
    }
  }
}

function isSameFolded(codes: Uint8Array, start: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) {
    let code = codes[start + k] as number;
    if (code >= 65 && code <= 90) code += 32;
    if (code !== word.charCodeAt(k)) return false;
  }
  return true;
}
