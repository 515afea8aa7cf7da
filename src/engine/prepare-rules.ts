/**
 * The per-index work done once, not per paste: regexes compiled, identical facts shared, and the
 * words every literal and pattern needs picked out, so that matching a large paste only tests
 * the lines that hold its rarest needed words (one token scan of the paste finds them all,
 * instead of rules × lines scans).
 */
import type { Place } from './evidence.ts';
import { pushTo } from './push-to.ts';
import type { RuleFact, RuleIndex } from './rule-index.ts';
import { compileRegex, createRegexCache, type RegexCache } from './value-test.ts';
import { kindOf } from './fact-kinds/registry.ts';
import { minMatchLength } from './regex-syntax.ts';

/** A text or pattern fact with its prefilters. */
export interface PreparedLiteral {
  /** Index in `PreparedIndex.literals`. */
  id: number;
  /** The fact. */
  fact: Extract<RuleFact, { kind: 'text' | 'pattern' }>;
  /** The folded literal, for text facts. */
  text?: string;
  /**
   * Text facts: the parts of the literal between whitespace and `{ } [ ] , :` (the characters
   * around which normalisation changes spacing), longest first; every line holding the literal
   * holds each of them verbatim once lower-cased, so a line without one is rejected before
   * being normalised.
   */
  segments?: string[];
  /** The compiled regex, for pattern facts (null when it does not compile: never holds). */
  regex?: RegExp | null;
  /** The places it may match in; null for anywhere. */
  places: ReadonlySet<Place> | null;
  /**
   * Whether a line the parser could not place (`any`) may count: yes when the fact allows a log,
   * client, traceback or body line, whose formats vary too much for the parser to know them all;
   * no for requests, headers, status lines and config, which the parser recognises by structure.
   */
  acceptsUnplaced: boolean;
  /**
   * For each alternative (one for a text literal), the ids in `PreparedIndex.words` of the words
   * (3+ characters) that occur as whole tokens of any line it holds on; null when some alternative
   * has none (then `needles`, or every line). A line must hold all words of one alternative.
   */
  branches: number[][] | null;
  /** Without branches: lower-case substrings one of which every matching line contains; null: test every line. */
  needles: string[] | null;
  /**
   * Patterns: per top-level alternative, the runs of word characters (lower case) it must
   * match; a line whose lower-cased text lacks a run of every alternative cannot hold the
   * pattern, unless it holds a character case-insensitive matching folds onto ASCII (`ſ`, `K`).
   * Null when some alternative has no such run.
   */
  runBranches: string[][] | null;
  /** Patterns: the length of a run of word characters every matching line holds (0: no such bound). */
  minWordRun: number;
  /** Patterns: a length two distinct runs of word characters of every matching line reach (0: no such bound). */
  minSecondRun: number;
  /** Patterns: the fewest characters a match spans, so a shorter line cannot hold it (0: no bound). */
  minLength: number;
}

/** The distinct fact ids of one page's signatures (one list per signature) and clues. */
export interface PageFactIds {
  /** Per signature, the ids of its facts in order. */
  signatures: number[][];
  /** Per clue, the id of its fact. */
  clues: number[];
}

/** An index made ready for matching. */
export interface PreparedIndex {
  /** The index itself. */
  index: RuleIndex;
  /** Each distinct fact (by content) has one id; identical facts on several pages share it. */
  factIds: Map<RuleFact, number>;
  /** How many distinct facts there are. */
  factCount: number;
  /** One fact of each distinct id, by id. */
  factOfId: RuleFact[];
  /** The distinct fact ids of each page (parallel to `index.pages`): per signature, and per clue. */
  pageFactIds: PageFactIds[];
  /** Literal facts (text, pattern) by distinct fact id. */
  literalOfFact: Map<number, PreparedLiteral>;
  /** Every literal fact. */
  literals: PreparedLiteral[];
  /** Every needle of a literal without words (lower case, distinct). */
  needles: string[];
  /** Every word some literal needs (lower case), by word id. */
  words: string[];
  /** An open-addressing table of word ids + 1 by `hashWord(word) & (size - 1)` (0: empty slot). */
  wordSlots: Int32Array;
  /** `hashWord` of each word, by word id. */
  wordHashes: Int32Array;
  /** Shortest and longest word, to skip tokens cheaply. */
  wordLength: { min: number; max: number };
  /** Compiled regexes for header values, exception messages and `matches` tests. */
  regexOf: RegexCache;
  /** What must be in a paste for each distinct fact to possibly hold (see `FactTriggers`). */
  triggers: FactTriggers;
  /** Per distinct fact id, the pages (indexes into `index.pages`, ascending) with it in a signature. */
  pagesOfFact: number[][];
}

/**
 * The inverted index from evidence to the facts that could hold on it: a paste only ever asks
 * the facts whose trigger it shows, so one check costs what the paste holds, not what the index
 * holds. Each list holds distinct fact ids.
 */
export interface FactTriggers {
  /** Per word id, the literals with an alternative anchored on that word (every line holding the alternative holds it). */
  literalsByWord: number[][];
  /** Literals with alternatives (tested whenever some line holds a character the token scan cannot fold). */
  literalsWithWords: number[];
  /** Literals no word of the token scan can rule out: asked on every paste with lines. */
  literalsAlways: number[];
  /** Other facts by the evidence key that wakes them (see fact-kinds/evidence-keys.ts). */
  byEvidenceKey: Map<string, number[]>;
}

const prepared = new WeakMap<RuleIndex, PreparedIndex>();

/** Prepares an index once; later calls with the same index object reuse the result. */
export function prepareIndex(index: RuleIndex): PreparedIndex {
  const cached = prepared.get(index);
  if (cached) return cached;
  const result = buildPrepared(index);
  prepared.set(index, result);
  return result;
}

function buildPrepared(index: RuleIndex): PreparedIndex {
  const factIds = new Map<RuleFact, number>();
  const idOfKey = new Map<string, number>();
  const literalOfFact = new Map<number, PreparedLiteral>();
  const literals: PreparedLiteral[] = [];
  const wordIds = new Map<string, number>();
  const words: string[] = [];
  const idOfWord = (word: string): number => {
    let id = wordIds.get(word);
    if (id === undefined) {
      id = words.length;
      words.push(word);
      wordIds.set(word, id);
    }
    return id;
  };

  const visit = (fact: RuleFact): number => {
    const key = JSON.stringify(fact);
    let id = idOfKey.get(key);
    if (id === undefined) {
      id = idOfKey.size;
      idOfKey.set(key, id);
      if (fact.kind === 'text' || fact.kind === 'pattern') {
        const literal = prepareLiteral(fact, literals.length, idOfWord);
        literals.push(literal);
        literalOfFact.set(id, literal);
      }
    }
    factIds.set(fact, id);
    return id;
  };

  const pageFactIds: PageFactIds[] = [];
  const pagesOfFact: number[][] = [];
  const pages = Array.isArray(index.pages) ? index.pages : [];
  pages.forEach((page, pageAt) => {
    const signatures = page.signatures.map((signature) => signature.facts.map(visit));
    pageFactIds.push({ signatures, clues: page.clues.map((clue) => visit(clue.fact)) });
    for (const id of new Set(signatures.flat())) (pagesOfFact[id] ??= []).push(pageAt);
  });
  const factOfId: RuleFact[] = [];
  for (const [fact, id] of factIds) factOfId[id] ??= fact;
  for (let id = 0; id < idOfKey.size; id++) pagesOfFact[id] ??= [];
  let size = 16;
  while (size < words.length * 2) size *= 2;
  const wordSlots = new Int32Array(size);
  const wordHashes = new Int32Array(words.length);
  let min = Infinity;
  let max = 0;
  words.forEach((word, id) => {
    const hash = hashWord(word);
    wordHashes[id] = hash;
    let slot = hash & (size - 1);
    while (wordSlots[slot] !== 0) slot = (slot + 1) & (size - 1);
    wordSlots[slot] = id + 1;
    min = Math.min(min, word.length);
    max = Math.max(max, word.length);
  });
  return {
    index,
    factIds,
    factCount: idOfKey.size,
    factOfId,
    needles: [...new Set(literals.flatMap((literal) => (literal.branches ? [] : literal.needles ?? [])))],
    pageFactIds,
    literalOfFact,
    literals,
    words,
    wordSlots,
    wordHashes,
    wordLength: { min: min === Infinity ? 0 : min, max },
    regexOf: createRegexCache(),
    triggers: buildTriggers(factOfId, literalOfFact, words.length),
    pagesOfFact,
  };
}

function buildTriggers(factOfId: readonly RuleFact[], literalOfFact: ReadonlyMap<number, PreparedLiteral>, wordCount: number): FactTriggers {
  const triggers: FactTriggers = {
    literalsByWord: Array.from({ length: wordCount }, () => []),
    literalsWithWords: [],
    literalsAlways: [],
    byEvidenceKey: new Map(),
  };
  // How many literals need each word: an alternative is anchored on its least shared word, so a
  // common word of the paste wakes as few literals as possible.
  const uses = new Int32Array(wordCount);
  for (const literal of literalOfFact.values()) for (const branch of literal.branches ?? []) for (const word of branch) uses[word] = (uses[word] as number) + 1;
  factOfId.forEach((fact, id) => {
    const trigger = kindOf(fact)?.trigger(fact);
    // A kind this engine does not know (a newer index): asked always, so it is never lost.
    if (!trigger) {
      triggers.literalsAlways.push(id);
      return;
    }
    if ('keys' in trigger) {
      for (const key of trigger.keys) pushTo(triggers.byEvidenceKey, key, id);
      return;
    }
    const branches = literalOfFact.get(id)?.branches;
    if (!branches) {
      triggers.literalsAlways.push(id);
      return;
    }
    triggers.literalsWithWords.push(id);
    const anchors = new Set<number>();
    for (const branch of branches) {
      let anchor = branch[0] as number;
      for (const word of branch) if ((uses[word] as number) < (uses[anchor] as number)) anchor = word;
      anchors.add(anchor);
    }
    for (const anchor of anchors) triggers.literalsByWord[anchor]?.push(id);
  });
  return triggers;
}

const UNPLACED_OK: readonly Place[] = ['log', 'client', 'traceback', 'body'];

function prepareLiteral(fact: Extract<RuleFact, { kind: 'text' | 'pattern' }>, id: number, idOfWord: (word: string) => number): PreparedLiteral {
  const places = fact.in && !fact.in.includes('any') ? new Set<Place>(fact.in) : null;
  const acceptsUnplaced = !places || UNPLACED_OK.some((place) => places.has(place));
  const branchesOf = (lists: readonly (readonly string[])[]): number[][] | null => {
    const kept = lists.map((list) => [...new Set(list.filter((word) => word.length >= 3))]);
    return kept.every((list) => list.length > 0) ? kept.map((list) => list.map(idOfWord)) : null;
  };
  if (fact.kind === 'text') {
    const branches = branchesOf([safeWordsOfLiteral(fact.text)]);
    const run = longestRun(fact.text);
    return { id, fact, text: fact.text, segments: segmentsOf(fact.text), places, acceptsUnplaced, branches, needles: !branches && run.length >= 3 ? [run] : null, runBranches: null, minWordRun: 0, minSecondRun: 0, minLength: 0 };
  }
  // The build stores each pattern's analysis in its fact (see compileRules), and only for a
  // pattern that compiles; reading the source again here is the fallback for an index made
  // without it. With the analysis stored, the regex is compiled when a line first reaches it:
  // most of a short paste's patterns are ruled out by their words and never compiled.
  const stored = storedAnalysis(fact.prefilter);
  const eager = stored ? undefined : compileRegex(fact.pattern);
  const analysis = stored ?? (eager ? analysePattern(fact.pattern) : null);
  const safe = analysis ? analysis.safeWords : null;
  const branches = safe ? branchesOf(safe) : null;
  let needles: string[] | null = null;
  const required = analysis ? analysis.requiredRuns : null;
  const runBranches = required && required.every((branch) => branch.length > 0) ? required.map((branch) => [...new Set(branch)].sort((a, b) => b.length - a.length)) : null;
  const runs = branches ? null : required;
  if (runs) {
    const longest = runs.map((branch) => branch.reduce((best, run) => (run.length > best.length ? run : best), ''));
    if (longest.every((run) => run.length >= 3)) needles = [...new Set(longest)];
  }
  if (!branches && !needles && analysis?.needles && analysis.needles.length > 0 && analysis.needles.every((needle) => needle.length >= 3)) needles = analysis.needles;
  const prepared: PreparedLiteral = { id, fact, places, acceptsUnplaced, branches, needles, runBranches, minWordRun: analysis ? analysis.minWordRun : 0, minSecondRun: analysis ? analysis.minSecondRun : 0, minLength: analysis ? analysis.minLength : 0 };
  if (!stored) {
    prepared.regex = eager ?? null;
    return prepared;
  }
  let compiled: RegExp | null | undefined;
  return Object.defineProperty(prepared, 'regex', { enumerable: true, get: () => (compiled === undefined ? (compiled = compileRegex(fact.pattern)) : compiled) });
}

/** Everything the matcher's prefilters read off a pattern's source (see the functions named in each field). */
export interface PatternAnalysis {
  /** safeWordsOfPattern: per alternative, words that are whole tokens of any matching line; null: none known. */
  safeWords: string[][] | null;
  /** requiredRunsOfPattern: per alternative, runs of word characters it must match; null: none known. */
  requiredRuns: string[][] | null;
  /** minWordRunOfPattern. */
  minWordRun: number;
  /** secondWordRunOfPattern. */
  minSecondRun: number;
  /** minMatchLength: the fewest characters any match spans (ranking reads it to tell an exact pattern from a loose one). */
  minLength: number;
  /**
   * Lower-case runs of word characters, one of which every match holds: found by the build's own
   * regex parse (src/catalog/regex-needles.ts) and stored only for a pattern the fields above give
   * no words or runs to search for; absent otherwise.
   */
  needles?: string[] | undefined;
}

/** Analyses a pattern's source for the prefilters; the build runs it once per pattern and stores the result in the index. */
export function analysePattern(source: string): PatternAnalysis {
  return {
    safeWords: safeWordsOfPattern(source),
    requiredRuns: requiredRunsOfPattern(source),
    minWordRun: minWordRunOfPattern(source),
    minSecondRun: secondWordRunOfPattern(source),
    minLength: minMatchLength(source),
  };
}

/** The fewest characters a match of the pattern spans: stored by the build, read off the source only for an index made without it. */
export function minLengthOfPattern(pattern: string, prefilter: unknown): number {
  return storedAnalysis(prefilter)?.minLength ?? minMatchLength(pattern);
}

// The index crosses a trust boundary (a page, a worker message, a file on disk): an entry of the
// wrong shape is ignored and the pattern analysed here, never trusted into a wrong prefilter.
function storedAnalysis(entry: unknown): PatternAnalysis | undefined {
  if (typeof entry !== 'object' || entry === null) return undefined;
  const { safeWords, requiredRuns, minWordRun, minSecondRun, minLength, needles } = entry as Record<string, unknown>;
  const isWordLists = (value: unknown): value is string[][] | null =>
    value === null || (Array.isArray(value) && value.every((list) => Array.isArray(list) && list.every((word) => typeof word === 'string')));
  if (!isWordLists(safeWords) || !isWordLists(requiredRuns) || !Number.isInteger(minWordRun) || !Number.isInteger(minSecondRun) || !Number.isInteger(minLength)) return undefined;
  const analysis: PatternAnalysis = { safeWords, requiredRuns, minWordRun: minWordRun as number, minSecondRun: minSecondRun as number, minLength: minLength as number };
  // Needles are only ever a lower-case word run each (the paste search relies on it): anything else is ignored.
  if (Array.isArray(needles) && needles.every((needle) => typeof needle === 'string' && /^[a-z0-9_]+$/.test(needle))) analysis.needles = needles as string[];
  return analysis;
}

/** The hash the token scan computes for a lower-case word. */
export function hashWord(word: string): number {
  let hash = 0;
  for (let i = 0; i < word.length; i++) hash = (Math.imul(hash, 31) + word.charCodeAt(i)) | 0;
  return hash;
}

/** Whether a UTF-16 code unit is a token character: ASCII letters, digits and `_`. */
export function isWordCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 95 || (code >= 65 && code <= 90);
}

/**
 * The words of a folded literal that are whole tokens wherever the literal occurs: runs of token
 * characters with a non-token character of the literal on both sides (the first and last run can
 * be parts of longer tokens in the paste).
 */
export function safeWordsOfLiteral(text: string): string[] {
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const isWord = i < text.length && isWordCode(text.charCodeAt(i));
    if (isWord && start < 0) start = i;
    if (!isWord && start >= 0) {
      if (start > 0 && i < text.length) words.push(text.slice(start, i).toLowerCase());
      start = -1;
    }
  }
  return words;
}

type Atom = { kind: 'word'; char: string } | { kind: 'bound' } | { kind: 'edge' } | { kind: 'unknown' };

/**
 * For each top-level alternative of a regex, the words that must occur as whole tokens in any
 * line it matches; null when the source is beyond this conservative reader (then the pattern is
 * tested on every line).
 */
export function safeWordsOfPattern(source: string): string[][] | null {
  return atomsOfPattern(source)?.map(wordsOfAtoms) ?? null;
}

/**
 * For each top-level alternative of a regex, the runs of literal word characters it must match
 * (not necessarily whole tokens); null when the source is beyond the reader.
 */
export function requiredRunsOfPattern(source: string): string[][] | null {
  return atomsOfPattern(source)?.map(runsOfAtoms) ?? null;
}

function atomsOfPattern(source: string): Atom[][] | null {
  const branches: Atom[][] = [[]];
  let i = 0;
  const push = (atom: Atom): void => {
    branches[branches.length - 1]?.push(atom);
  };
  while (i < source.length) {
    const ch = source[i] ?? '';
    let atom: Atom;
    let next = i + 1;
    if (ch === '|') {
      branches.push([]);
      i = next;
      continue;
    } else if (ch === '(') {
      const end = skipGroup(source, i);
      if (end < 0) return null;
      next = end;
      atom = { kind: 'unknown' };
    } else if (ch === '[') {
      const end = skipClass(source, i);
      if (end < 0) return null;
      next = end;
      atom = { kind: 'unknown' };
    } else if (ch === '^' || ch === '$') {
      atom = { kind: 'edge' };
    } else if (ch === '.') {
      atom = { kind: 'unknown' };
    } else if (ch === '\\') {
      const esc = source[i + 1] ?? '';
      next = i + 2;
      if (esc === 'b') atom = { kind: 'edge' };
      else if (esc === 's' || esc === 'n' || esc === 't' || esc === 'r' || esc === 'f' || esc === 'v') atom = { kind: 'bound' };
      else if (/[A-Za-z0-9]/.test(esc)) {
        // \d \w \S \B \p{…} \u… \x… and backreferences: not a literal we can reason about.
        if (esc === 'p' || esc === 'P' || esc === 'u' || esc === 'x' || esc === 'k') {
          const brace = source[next] === '{' ? source.indexOf('}', next) : -1;
          if (brace > 0) next = brace + 1;
          else if (esc === 'u') next = i + 6;
          else if (esc === 'x') next = i + 4;
        }
        atom = { kind: 'unknown' };
      } else atom = esc === '_' ? { kind: 'word', char: '_' } : { kind: 'bound' };
    } else if (ch === '*' || ch === '+' || ch === '?' || ch === '{') {
      return null;
    } else {
      atom = isWordCode(ch.charCodeAt(0)) ? { kind: 'word', char: ch.toLowerCase() } : { kind: 'bound' };
    }
    // A quantifier on the atom: optional atoms tell nothing, repeated ones keep their class.
    const q = source[next] ?? '';
    if (q === '?' || q === '*' || q === '+' || q === '{') {
      let min = q === '+' ? 1 : 0;
      let end = next + 1;
      if (q === '{') {
        const close = source.indexOf('}', next);
        const body = close > 0 ? source.slice(next + 1, close) : '';
        const m = /^(\d+)(,\d*)?$/.exec(body);
        if (!m) return null;
        min = Number(m[1]);
        end = close + 1;
      }
      if (source[end] === '?') end++;
      atom = atom.kind === 'bound' && min >= 1 ? atom : { kind: 'unknown' };
      next = end;
    }
    push(atom);
    i = next;
  }
  return branches;
}

function runsOfAtoms(atoms: readonly Atom[]): string[] {
  const runs: string[] = [];
  let run = '';
  for (const atom of [...atoms, { kind: 'unknown' } as const]) {
    if (atom.kind === 'word') run += atom.char;
    else {
      if (run !== '') runs.push(run);
      run = '';
    }
  }
  return runs;
}

/**
 * The length of a run of word characters (`[A-Za-z0-9_]`, and `ſ`/`K`, which the case-insensitive
 * unicode flag folds to `s`/`k`) that every match of the regex contains, taking the least over
 * its top-level alternatives; 0 when there is no such bound or the source is beyond this
 * conservative reader. Optional word atoms inside a run keep it contiguous and add nothing.
 */
export function minWordRunOfPattern(source: string): number {
  const atoms = readRunAtoms(source);
  if (!atoms) return 0;
  let least = Infinity;
  let branchBest = 0;
  let run = 0;
  for (const atom of atoms) {
    if (atom.kind === 'bar') {
      least = Math.min(least, Math.max(branchBest, run));
      branchBest = 0;
      run = 0;
    } else if (atom.kind === 'word') run += atom.min;
    else {
      branchBest = Math.max(branchBest, run);
      run = 0;
    }
  }
  least = Math.min(least, Math.max(branchBest, run));
  return least === Infinity ? 0 : Math.min(least, 1 << 20);
}

/**
 * A length that two distinct runs of word characters (as `minWordRunOfPattern` counts them) of
 * every line the regex matches reach; 0 when there is no such bound or the source is beyond this
 * conservative reader. `[A-Za-z0-9_]{20,}-[A-Za-z0-9_]{20,}` gives 20: the `-` between the two
 * runs can never be a word character, so the line holds two runs of 20 or more. Each top-level
 * alternative is cut into segments at mandatory separators (an ASCII non-word literal, `\s`…);
 * the runs of different segments are different runs of the line, while anything the reader does
 * not follow (a group, `.`, a mixed class, an optional separator) keeps the segment whole.
 */
export function secondWordRunOfPattern(source: string): number {
  const atoms = readRunAtoms(source);
  if (!atoms) return 0;
  let least = Infinity;
  let segments: number[] = [];
  let segmentBest = 0;
  let run = 0;
  const closeSegment = (): void => {
    segmentBest = Math.max(segmentBest, run);
    run = 0;
    if (segmentBest > 0) segments.push(segmentBest);
    segmentBest = 0;
  };
  const closeBranch = (): void => {
    closeSegment();
    segments.sort((a, b) => b - a);
    least = Math.min(least, segments[1] ?? 0);
    segments = [];
  };
  for (const atom of atoms) {
    if (atom.kind === 'bar') closeBranch();
    else if (atom.kind === 'word') run += atom.min;
    else if (atom.kind === 'separator' && atom.min >= 1) closeSegment();
    else {
      segmentBest = Math.max(segmentBest, run);
      run = 0;
    }
  }
  closeBranch();
  return least === Infinity ? 0 : Math.min(least, 1 << 20);
}

/**
 * One atom of a regex as the word-run readers see it: a word character (class), a separator
 * no word character can match, something they do not follow, or a top-level `|`; with the
 * least number of times its quantifier repeats it.
 */
type RunAtom = { kind: 'word' | 'separator' | 'other'; min: number } | { kind: 'bar' };

// The atoms of a regex source, left to right; undefined when the source holds something these
// readers do not follow (a unicode escape or property, a stray quantifier, an unclosed group).
function readRunAtoms(source: string): RunAtom[] | undefined {
  const atoms: RunAtom[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i] ?? '';
    let next = i + 1;
    let kind: 'word' | 'separator' | 'other' = 'other';
    if (ch === '|') {
      atoms.push({ kind: 'bar' });
      i = next;
      continue;
    }
    let repeats = 1;
    if (ch === '(') {
      next = skipGroup(source, i);
      if (next < 0) return undefined;
      const least = leastWordGroup(source.slice(i + 1, next - 1));
      if (least !== undefined) {
        kind = 'word';
        repeats = least;
      }
    } else if (ch === '[') {
      next = skipClass(source, i);
      if (next < 0) return undefined;
      if (isWordClass(source.slice(i + 1, next - 1))) kind = 'word';
    } else if (ch === '\\') {
      const esc = source[i + 1] ?? '';
      next = i + 2;
      if (esc === 'w' || esc === 'd') kind = 'word';
      else if (esc === 's' || esc === 'n' || esc === 't' || esc === 'r' || esc === 'f' || esc === 'v') kind = 'separator';
      else if (esc === 'p' || esc === 'P' || esc === 'u' || esc === 'x' || esc === 'k' || esc === 'c') return undefined;
      else if (esc !== '' && esc.charCodeAt(0) < 128 && !isWordCode(esc.charCodeAt(0))) kind = 'separator';
      else if (esc === '_') kind = 'word';
    } else if (ch === '*' || ch === '+' || ch === '?' || ch === '{' || ch === ')' || ch === ']') {
      return undefined;
    } else if (ch !== '^' && ch !== '$' && ch !== '.') {
      const code = ch.charCodeAt(0);
      if (isWordCode(code)) kind = 'word';
      else if (code < 128) kind = 'separator';
    }
    const quantifier = readQuantifier(source, next);
    if (!quantifier) return undefined;
    atoms.push({ kind, min: quantifier.min * repeats });
    i = quantifier.next;
  }
  return atoms;
}

// A group every alternative of which matches only word characters (`(401|403)`,
// `(?:get|post)`) reads as one word atom: the least number of word characters it matches.
// Undefined for any other group (lookarounds, a separator or anything unread inside).
function leastWordGroup(body: string): number | undefined {
  let inner = body;
  if (inner.startsWith('?:')) inner = inner.slice(2);
  else if (/^\?<[A-Za-z_$][\w$]*>/.test(inner)) inner = inner.slice(inner.indexOf('>') + 1);
  else if (inner.startsWith('?')) return undefined;
  const atoms = readRunAtoms(inner);
  if (!atoms) return undefined;
  let least = Infinity;
  let length = 0;
  for (const atom of atoms) {
    if (atom.kind === 'bar') {
      least = Math.min(least, length);
      length = 0;
    } else if (atom.kind === 'word') length += atom.min;
    else return undefined;
  }
  return Math.min(least, length);
}

// The quantifier after an atom that ends before `at`: the atom's least repeat count and where the
// next atom starts; no quantifier means exactly once. Undefined for a `{…}` this reader cannot read.
function readQuantifier(source: string, at: number): { min: number; next: number } | undefined {
  const q = source[at] ?? '';
  if (q !== '?' && q !== '*' && q !== '+' && q !== '{') return { min: 1, next: at };
  let min = q === '+' ? 1 : 0;
  let end = at + 1;
  if (q === '{') {
    const close = source.indexOf('}', at);
    const m = close > 0 ? /^(\d+)(,\d*)?$/.exec(source.slice(at + 1, close)) : null;
    if (!m) return undefined;
    min = Number(m[1]);
    end = close + 1;
  }
  if (source[end] === '?') end++;
  return { min, next: end };
}

// Whether a character class (its body, between the brackets) only holds word characters.
function isWordClass(body: string): boolean {
  if (body === '' || body.startsWith('^')) return false;
  const isIn = (code: number, from: string, to: string): boolean => code >= from.charCodeAt(0) && code <= to.charCodeAt(0);
  const groupOf = (code: number): number => (isIn(code, 'a', 'z') ? 1 : isIn(code, 'A', 'Z') ? 2 : isIn(code, '0', '9') ? 3 : code === 95 ? 4 : 0);
  let i = 0;
  while (i < body.length) {
    if (body[i] === '\\') {
      if (body[i + 1] !== 'w' && body[i + 1] !== 'd') return false;
      i += 2;
      continue;
    }
    const code = body.charCodeAt(i);
    const group = groupOf(code);
    if (group === 0) return false;
    if (body[i + 1] === '-' && i + 2 < body.length) {
      if (body[i + 2] === '\\' || groupOf(body.charCodeAt(i + 2)) !== group || body.charCodeAt(i + 2) < code) return false;
      i += 3;
      continue;
    }
    i++;
  }
  return true;
}

/** The distinct parts of a folded literal between whitespace and `{ } [ ] , :`, longest first (see `PreparedLiteral.segments`). */
export function segmentsOf(text: string): string[] {
  return [...new Set(text.split(/[\s{}[\],:]+/).filter((part) => part !== ''))].sort((a, b) => b.length - a.length);
}

/** The longest run of word characters in a folded literal: a substring of any line it occurs on. */
export function longestRun(text: string): string {
  let best = '';
  for (const run of text.split(/[^a-z0-9_]+/)) if (run.length > best.length) best = run;
  return best;
}

function wordsOfAtoms(atoms: readonly Atom[]): string[] {
  const words: string[] = [];
  let run = '';
  let isLeftSafe = false;
  for (let k = 0; k <= atoms.length; k++) {
    const atom = atoms[k];
    if (atom?.kind === 'word') {
      if (run === '') isLeftSafe = k > 0 && (atoms[k - 1]?.kind === 'bound' || atoms[k - 1]?.kind === 'edge');
      run += atom.char;
      continue;
    }
    if (run !== '' && isLeftSafe && (atom?.kind === 'bound' || atom?.kind === 'edge')) words.push(run);
    run = '';
  }
  return words;
}

function skipGroup(source: string, start: number): number {
  let depth = 0;
  for (let i = start; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') i++;
    else if (ch === '[') {
      const end = skipClass(source, i);
      if (end < 0) return -1;
      i = end - 1;
    } else if (ch === '(') depth++;
    else if (ch === ')') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

function skipClass(source: string, start: number): number {
  for (let i = start + 1; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') i++;
    else if (ch === ']') return i + 1;
  }
  return -1;
}
