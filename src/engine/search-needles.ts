/**
 * The search for the lines holding a literal's needles (lower-case substrings, one of which every
 * line holding the literal contains) in a paste's lines joined by line feeds: needles the token
 * scan's sequence set rules out are never searched; the others are searched one by one, from the
 * line being visited and no further than where the scan's marks say the needle occurs no more,
 * until those searches have read the text a few times over; then one pass finds every needle's
 * first (and where known last) occurrence.
 */
import { escapeRegExp } from './escape-regexp.ts';
import { joinLines, lineAt, type JoinedLines } from './joined-lines.ts';
import type { WordScan } from './scan-words.ts';

/**
 * Calls `visit` on each line index (ascending, once each) whose text contains one of the
 * lower-case needles (case-insensitively) or holds a character the token scan cannot fold,
 * until `visit` returns true.
 */
export type NeedleSearch = (needles: readonly string[], visit: (index: number) => boolean) => void;

/** The text the needles are searched in, and how. */
interface SearchedText {
  /** The lines joined by line feeds: as they are, or lower-cased (`foldsCase` false). */
  text: string;
  /** Where each line starts in `text`. */
  starts: Int32Array;
  /** True when `text` is the lines as they are, searched ignoring ASCII case. */
  foldsCase: boolean;
}

// Below this many characters, one search per needle is cheaper than compiling the alternation.
const FIRST_OCCURRENCE_PASS_FROM = 16 * 1024;
// How many times over single-needle searches read the text before one pass over every needle
// finds where each occurs. A large paste seldom has many needles asked: the 10 MB log's literals
// ask six of the 15 its sequences allow, which alone cost less than the pass over all 15 (6 ms);
// an alternation of needles reads a character about as slowly as four single-needle searches
// (0.78 ns against 0.1-0.2 ns), so a paste that asks many pays at most about twice the pass.
const PASS_AFTER_READING = 4;
// Finds of needles already found that make the alternation worth recompiling without them.
const REPEATS_BEFORE_SHRINKING = 32;

/**
 * Creates the needle search over the view's lines (`joined`, with `lowerAt` their lower-cased
 * texts) for the needles of a prepared index (`allNeedles`), with the token scan's unfolded
 * lines and sequences. When every needle the sequences allow is ASCII or without case (the usual
 * case; see `readsAsItIs`), the joined text is searched as it is, ignoring ASCII case: a
 * lower-cased copy would cost a pass and a string as large as the paste. Otherwise it is lower-cased in one call, or line by line
 * when that changes its length (İ lower-cases to two characters), so that offsets map back to
 * lines. The two read the same lines but on those holding İ or K (which lower-case onto ASCII
 * letters), and those are visited anyway. `passAfterReading` moves the pass (tests run it at
 * once or never).
 */
export function createNeedleSearch(joined: JoinedLines, lowerAt: (index: number) => string, allNeedles: readonly string[], scan: WordScan, passAfterReading = PASS_AFTER_READING): NeedleSearch {
  const { unfolded, mayContain: possible } = scan;
  let searched: SearchedText | undefined;
  // The needles the token scan's sequences allow, and where they occur when the pass has run.
  let looked: string[] = [];
  let bounds: NeedleBounds | undefined;
  // Where the scan's marks say each needle occurs no more: offsets of the joined lines, which a
  // text lower-cased line by line may not keep (it then has no such bound).
  let startsBefore = scan.startsBefore;
  // Code units single-needle searches have read: the pass over every needle at once runs when
  // they come to PASS_AFTER_READING texts' worth.
  let readAlone = 0;
  // Per needle, the regex that finds it ignoring ASCII case (null: it has no ASCII letter, and
  // indexOf finds the same, 6x faster for `{"` on half of a 10 MB log).
  const regexes = new Map<string, RegExp | null>();
  // Per needle, its last search that found it (from where, and the offset found), and the
  // offset from which it is known to occur no more: literals sharing a needle reuse them.
  const lastSearch = new Map<string, { from: number; at: number }>();
  const noneFrom = new Map<string, number>();
  const searchFrom = (needle: string, from: number): number => {
    const { text: whole, foldsCase } = searched as SearchedText;
    // No further than where the needle occurs no more: a needle of the first line of a 10 MB log
    // that the rest lacks is not looked for in all of it each time a literal asks.
    const until = Math.min(whole.length, startsBefore(needle) + needle.length - 1);
    const text = until < whole.length ? whole.slice(0, until) : whole;
    let regex = foldsCase ? regexes.get(needle) : null;
    if (regex === undefined) {
      regex = /[a-z]/.test(needle) ? new RegExp(escapeRegExp(needle), 'gi') : null;
      regexes.set(needle, regex);
    }
    let at: number;
    if (regex === null) at = text.indexOf(needle, from);
    else {
      regex.lastIndex = from;
      at = regex.exec(text)?.index ?? -1;
    }
    readAlone += (at < 0 ? text.length : at) - from;
    return at;
  };
  return (needles, visit) => {
    if (searched === undefined) {
      // Needles with a sequence the text lacks are absent from all but the unfolded lines, which
      // are visited anyway: only the others are looked for.
      looked = allNeedles.filter(possible);
      searched = searchedTextOf(joined, lowerAt, looked.every(readsAsItIs));
      if (searched.starts !== joined.starts) startsBefore = () => Infinity;
    }
    const { text, starts, foldsCase } = searched;
    // The next line holding the needle at or after the line (-1: no more); no needle holds a
    // line feed (isSearchableNeedle), so none spans the one that joins two lines.
    const nextLine = (needle: string, fromLine: number): number => {
      if (!possible(needle)) return -1;
      let from = starts[fromLine] ?? text.length;
      if (bounds === undefined && readAlone >= passAfterReading * text.length && text.length >= FIRST_OCCURRENCE_PASS_FROM) bounds = findNeedleBounds(text, looked, foldsCase, startsBefore);
      if (bounds !== undefined) {
        const at = bounds.first.get(needle);
        if (at === undefined || from > (bounds.last.get(needle) ?? Infinity)) return -1;
        if (at > from) from = at;
      }
      if (from >= (noneFrom.get(needle) ?? Infinity) || from >= startsBefore(needle)) return -1;
      const last = lastSearch.get(needle);
      let at: number;
      if (last !== undefined && from >= last.from && from <= last.at) at = last.at;
      else {
        at = searchFrom(needle, from);
        if (at < 0) noneFrom.set(needle, from);
        else lastSearch.set(needle, { from, at });
      }
      return at < 0 ? -1 : lineAt(starts, at);
    };
    const pending = needles.map((needle) => nextLine(needle, 0));
    // Lines holding ſ or K are visited too: a case-insensitive pattern reads them as s and k,
    // which the lower-cased text does not show.
    let unfoldedAt = 0;
    for (;;) {
      let line = unfoldedAt < unfolded.length ? (unfolded[unfoldedAt] as number) : -1;
      for (const found of pending) if (found >= 0 && (line < 0 || found < line)) line = found;
      if (line < 0 || visit(line)) return;
      for (let k = 0; k < pending.length; k++) if (pending[k] === line) pending[k] = nextLine(needles[k] as string, line + 1);
      if (unfolded[unfoldedAt] === line) unfoldedAt++;
    }
  };
}

function searchedTextOf(raw: JoinedLines, lowerAt: (index: number) => string, isAsciiOnly: boolean): SearchedText {
  if (isAsciiOnly) return { text: raw.text, starts: raw.starts, foldsCase: true };
  const lower = raw.text.toLowerCase();
  if (lower.length === raw.text.length) return { text: lower, starts: raw.starts, foldsCase: false };
  const lowered = joinLines(Array.from({ length: raw.starts.length }, (_, index) => lowerAt(index)));
  return { text: lowered.text, starts: lowered.starts, foldsCase: false };
}

/**
 * Whether a needle is found in the lines as they are, ASCII case ignored, exactly where the
 * lower-cased lines show it: each of its characters is ASCII or has no case (`→`, `…`, `✗`), so
 * only that very character lower-cases onto it (but for İ's combining dot, whose lines are visited
 * anyway). A paste holding any non-ASCII character lets a one-character needle such as `→` through
 * the token scan's sequences, and lower-casing a 10 MB paste for it cost about 18 ms.
 */
function readsAsItIs(needle: string): boolean {
  for (let at = 0; at < needle.length; at++) {
    if (needle.charCodeAt(at) <= 127) continue;
    const char = needle.charAt(at);
    if (char.toLowerCase() !== char || char.toUpperCase() !== char) return false;
  }
  return true;
}

/** Where needles occur in a text: each present needle's first offset, and its last where known. */
export interface NeedleBounds {
  /** The first offset of every needle that occurs. */
  first: Map<string, number>;
  /** The last offset of the needles the pass kept looking for to the end of the text. */
  last: Map<string, number>;
}

/**
 * The first offset of every needle that occurs in the text, in one left-to-right pass of an
 * alternation of the needles not yet found, recompiled without the found ones once they keep
 * turning up. A needle absent from a large paste then costs nothing per literal, where an
 * indexOf per needle would read the whole text each time.
 */
export function findFirstOccurrences(text: string, needles: readonly string[]): Map<string, number> {
  return findNeedleBounds(text, needles).first;
}

/**
 * The same pass, which also gives the last offset of each needle still in the alternation when
 * it reached the end of the text, or the offset `startsBefore` gives it (from which it occurs no
 * more): every occurrence of those was a match of the pass. A search past a needle's last
 * occurrence (a rare line in a large log) then reads nothing. With `foldsCase`, the needles
 * (lower-case ASCII) are found ignoring ASCII case.
 */
export function findNeedleBounds(text: string, needles: readonly string[], foldsCase = false, startsBefore: (needle: string) => number = () => Infinity): NeedleBounds {
  const found = new Map<string, number>();
  const seenLast = new Map<string, number>();
  const last = new Map<string, number>();
  let remaining = [...new Set(needles)].filter((needle) => needle !== '');
  let from = 0;
  const startsAt = foldsCase ? startsWithFolded : (needle: string, at: number): boolean => text.startsWith(needle, at);
  while (remaining.length > 0) {
    // The pass reads no further than where the first of its needles stops occurring: a needle on
    // one line in the middle of a 10 MB log is not looked for in the half after it (3.9 ms for
    // the nine such needles of the bench's log).
    const stop = Math.min(text.length, ...remaining.map(startsBefore));
    const longest = Math.max(...remaining.map((needle) => needle.length));
    const read = stop >= text.length ? text : text.slice(0, stop + longest - 1);
    const search = new RegExp(remaining.map(escapeRegExp).join('|'), foldsCase ? 'gi' : 'g');
    search.lastIndex = from;
    let repeats = 0;
    let match: RegExpExecArray | null;
    while (repeats < REPEATS_BEFORE_SHRINKING && (match = search.exec(read)) !== null && match.index < stop) {
      const at = match.index;
      // Every needle starting here counts, not only the alternative that won; the search goes
      // on from the next character, so a needle starting inside this match is not skipped.
      let isNew = false;
      for (const needle of remaining) {
        if (!startsAt(needle, at, text)) continue;
        seenLast.set(needle, at);
        if (!found.has(needle)) {
          found.set(needle, at);
          isNew = true;
        }
      }
      if (!isNew) repeats++;
      search.lastIndex = at + 1;
      from = at + 1;
    }
    if (repeats >= REPEATS_BEFORE_SHRINKING) {
      remaining = remaining.filter((needle) => !found.has(needle));
      continue;
    }
    // Every occurrence before `stop` of the needles left was matched: those that occur no more
    // from there (all of them at the end of the text) had their last one seen.
    for (const needle of remaining) if ((stop >= text.length || startsBefore(needle) <= stop) && seenLast.has(needle)) last.set(needle, seenLast.get(needle) as number);
    if (stop >= text.length) break;
    remaining = remaining.filter((needle) => startsBefore(needle) > stop);
    from = stop;
  }
  return { first: found, last };
}

// Whether the text holds the lower-case ASCII needle at `at`, ASCII case ignored: what a
// case-insensitive regex without the `u` flag matches for it (it folds no other letter onto ASCII).
function startsWithFolded(needle: string, at: number, text: string): boolean {
  if (at + needle.length > text.length) return false;
  for (let k = 0; k < needle.length; k++) {
    let code = text.charCodeAt(at + k);
    if (code >= 65 && code <= 90) code += 32;
    if (code !== needle.charCodeAt(k)) return false;
  }
  return true;
}
