/**
 * Needles of a page's regex, read at build from the parse of `@eslint-community/regexpp`: lower-case
 * strings at least one of which every match contains. The matcher then tests the pattern only on
 * lines holding a needle (found in one pass over the paste) instead of on every line. The
 * prefilter analysis (src/engine/prepare-rules.ts) finds needles only in runs each top-level
 * alternative must match; this reading also goes into groups, so `\b(items|enum)\b` or
 * `\d+ (replicas|pods)` get needles (`items`, `enum`; `replicas`, `pods`). A part with no run of
 * word characters long enough gives its literal text instead, punctuation and spaces included:
 * `\d+ ?(->|→) ?0` gets `->` and `→`, which a log line seldom holds, where it had none.
 *
 * Build only: src/catalog/analyse-pattern.ts stores the needles in the rules, so the engine never
 * parses a regex.
 */
import type { AST } from '@eslint-community/regexpp';
import { parsePagePattern } from './parse-page-pattern.ts';
import { isSearchableNeedle, isWordCode, type PatternAnalysis } from '../engine/prepare-rules.ts';

/** Runs of word characters shorter than this select too many lines to be worth a search (the engine's own bound). */
const MIN_NEEDLE = 3;
/**
 * A needle of two word characters (`db`) is kept only where no part of the sequence offers a run of
 * MIN_NEEDLE or a longer literal text: it still spares the pattern's test on every line of a paste
 * that lacks it, and a paste full of it costs what no needle costs.
 */
const MIN_SHORT_NEEDLE = 2;

/**
 * The needles of a pattern compiled as the pages' regexes are (`iu`): lower-case strings, every
 * match holding at least one of them (case-insensitively); runs of ASCII word characters where
 * every part of the pattern that is searched has one, else its literal text. Null when some way to
 * match holds neither, or the source does not parse.
 */
export function needlesOfPattern(source: string): string[] | null {
  const tree = parsePagePattern(source);
  return tree === null ? null : needlesOfTree(tree);
}

/** `needlesOfPattern` of a pattern already parsed (see `parsePagePattern`). */
export function needlesOfTree(tree: AST.Pattern): string[] | null {
  const needles = needlesOfAlternatives(tree.alternatives);
  return needles === null ? null : [...new Set(needles)].sort();
}

// Every match takes one of the alternatives: the union of their needles, null if one has none.
function needlesOfAlternatives(alternatives: readonly AST.Alternative[]): string[] | null {
  const all: string[] = [];
  for (const alternative of alternatives) {
    const needles = needlesOfSequence(alternative.elements);
    if (needles === null) return null;
    all.push(...needles);
  }
  return all;
}

// Every match of a sequence holds each of its parts, so the needles of any one part will do: the
// part whose shortest needle is longest (the fewest lines to visit), ties to the fewest needles.
// Parts whose needles are all runs of MIN_NEEDLE word characters or more come first (a change of
// the needles a pattern already had costs bytes and buys little); the others, literal texts and
// runs of two, compete when no such part exists.
function needlesOfSequence(elements: readonly AST.Element[]): string[] | null {
  const candidates: string[][] = [];
  let run = '';
  let literal = '';
  const endRun = (): void => {
    if (run.length >= MIN_SHORT_NEEDLE) candidates.push([run]);
    run = '';
  };
  const endLiteral = (): void => {
    if (isSearchableNeedle(literal)) candidates.push([literal]);
    literal = '';
  };
  for (const element of elements) {
    const char = element.type === 'Character' ? wordCharOf(element.value) : undefined;
    const other = element.type === 'Character' && char === undefined ? literalCharOf(element.value) : undefined;
    if (char !== undefined || other !== undefined) {
      if (char !== undefined) run += char;
      else endRun();
      literal += char ?? other;
      continue;
    }
    endRun();
    endLiteral();
    const inner = needlesOfElement(element);
    if (inner !== null) candidates.push(inner);
  }
  endRun();
  endLiteral();
  const words = candidates.filter((candidate) => candidate.every((needle) => isWordRun(needle) && needle.length >= MIN_NEEDLE));
  let best: string[] | null = null;
  for (const candidate of words.length > 0 ? words : candidates) {
    if (best === null || isBetter(candidate, best)) best = candidate;
  }
  return best;
}

function isWordRun(needle: string): boolean {
  return /^[a-z0-9_]+$/.test(needle);
}

function isBetter(candidate: readonly string[], best: readonly string[]): boolean {
  const shortest = (needles: readonly string[]): number => Math.min(...needles.map((needle) => needle.length));
  return shortest(candidate) > shortest(best) || (shortest(candidate) === shortest(best) && candidate.length < best.length);
}

// What a match of one element must hold: a group's alternatives, a repeated element's (when it
// must occur at least once); nothing is known of classes, sets, escapes, assertions and references.
function needlesOfElement(element: AST.Element): string[] | null {
  switch (element.type) {
    case 'Group':
    case 'CapturingGroup':
      return needlesOfAlternatives(element.alternatives);
    case 'Quantifier':
      return element.min >= 1 ? needlesOfElement(element.element) : null;
    default:
      return null;
  }
}

// A literal ASCII word character, lower-cased (the matcher searches the lower-cased line; the
// characters case-insensitive matching folds onto ASCII, ſ and K, are the engine's to handle).
function wordCharOf(code: number): string | undefined {
  return isWordCode(code) ? String.fromCharCode(code).toLowerCase() : undefined;
}

// Any other literal character a needle may hold: printable ASCII, or a character outside ASCII
// that is no letter or mark and has no case (`→`), so that case-insensitive matching (`iu`) and
// the lower-cased line agree on it. Line breaks and other controls end the literal text.
function literalCharOf(code: number): string | undefined {
  if (code >= 32 && code <= 126) return String.fromCharCode(code);
  if (code < 128 || code > 0xffff) return undefined;
  const char = String.fromCharCode(code);
  const isUncased = char.toLowerCase() === char && char.toUpperCase() === char && !/[\p{L}\p{M}\p{C}\p{Z}]/u.test(char);
  return isUncased ? char : undefined;
}

/**
 * Whether the engine's reading of an analysis (prepareLiteral in src/engine/prepare-rules.ts) finds
 * something to search for without needles: anchor words of 3+ characters in every alternative, or
 * a run of 3+ in every alternative.
 */
export function hasSearchableWords(analysis: PatternAnalysis): boolean {
  const { safeWords, requiredRuns } = analysis;
  if (safeWords && safeWords.every((words) => words.some((word) => word.length >= MIN_NEEDLE))) return true;
  return requiredRuns !== null && requiredRuns.every((runs) => runs.some((run) => run.length >= MIN_NEEDLE));
}

/**
 * The needles the engine reads off the required runs alone when a pattern has no anchor words
 * (prepareLiteral in src/engine/prepare-rules.ts): the longest run of each alternative, when every
 * one has 3+ characters; else null.
 */
export function runNeedlesOf(analysis: PatternAnalysis): string[] | null {
  const { safeWords, requiredRuns } = analysis;
  if (safeWords && safeWords.every((words) => words.some((word) => word.length >= MIN_NEEDLE))) return null;
  if (requiredRuns === null) return null;
  const longest = requiredRuns.map((runs) => runs.reduce((best, run) => (run.length > best.length ? run : best), ''));
  return longest.every((run) => run.length >= MIN_NEEDLE) ? [...new Set(longest)] : null;
}

/**
 * Whether a pattern's needles are worth storing beside runs the engine would search instead: their
 * shortest is longer than the runs' shortest (`still`, `checked`… against `not`, which every line
 * holding `nothing` holds), and each is a run of word characters, which the packed rules carry in
 * their analysis string (a needle with a space or `-` would keep the whole analysis an object, in
 * the bytes every first visit to /check/ fetches).
 */
export function isBetterThanRuns(needles: readonly string[], fromRuns: readonly string[]): boolean {
  const shortest = (list: readonly string[]): number => Math.min(...list.map((needle) => needle.length));
  return needles.every((needle) => /^[a-z0-9_]+$/.test(needle)) && shortest(needles) > shortest(fromRuns);
}
