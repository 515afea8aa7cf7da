/**
 * The per-index work done once, not per paste: regexes compiled, identical facts shared, and an
 * anchor word picked for every literal and pattern so that matching a large paste only tests the
 * lines that contain the anchor (a word-token prefilter instead of rules × lines scans).
 */
import type { Place } from './evidence.ts';
import type { RuleFact, RuleIndex } from './rule-index.ts';
import { compileRegex, createRegexCache, type RegexCache } from './value-test.ts';

/** A text or pattern fact with its prefilter anchors. */
export interface PreparedLiteral {
  /** Index in `PreparedIndex.literals`. */
  id: number;
  /** The fact. */
  fact: Extract<RuleFact, { kind: 'text' | 'pattern' }>;
  /** The folded literal, for text facts. */
  text?: string;
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
  /** Words that each fully occur as a token of any line the fact holds on (any one suffices); null: test every line. */
  anchors: string[] | null;
  /** Without anchors: lower-case substrings one of which every matching line contains; null: test every line. */
  needles: string[] | null;
}

/** An index made ready for matching. */
export interface PreparedIndex {
  /** The index itself. */
  index: RuleIndex;
  /** Each distinct fact (by content) has one id; identical facts on several pages share it. */
  factIds: Map<RuleFact, number>;
  /** How many distinct facts there are. */
  factCount: number;
  /** Literal facts (text, pattern) by distinct fact id. */
  literalOfFact: Map<number, PreparedLiteral>;
  /** Every literal fact. */
  literals: PreparedLiteral[];
  /** anchor word → literal ids. */
  anchorTable: Map<string, number[]>;
  /** The same table keyed by the anchor's hash (see `hashWord`), for an allocation-free token scan. */
  anchorHashes: Map<number, { word: string; ids: number[] }[]>;
  /** Literal ids without an anchor: tested on every line of their places. */
  unanchored: number[];
  /** Shortest and longest anchor, to skip tokens cheaply. */
  anchorLength: { min: number; max: number };
  /** Compiled regexes for header values, exception messages and `matches` tests. */
  regexOf: RegexCache;
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
  const anchorTable = new Map<string, number[]>();
  const unanchored: number[] = [];
  let min = Infinity;
  let max = 0;

  const visit = (fact: RuleFact): void => {
    const key = JSON.stringify(fact);
    let id = idOfKey.get(key);
    if (id === undefined) {
      id = idOfKey.size;
      idOfKey.set(key, id);
      if (fact.kind === 'text' || fact.kind === 'pattern') {
        const literal = prepareLiteral(fact, literals.length);
        literals.push(literal);
        literalOfFact.set(id, literal);
        if (literal.anchors) {
          for (const anchor of literal.anchors) {
            const list = anchorTable.get(anchor);
            if (list) list.push(literal.id);
            else anchorTable.set(anchor, [literal.id]);
            min = Math.min(min, anchor.length);
            max = Math.max(max, anchor.length);
          }
        } else {
          unanchored.push(literal.id);
        }
      }
    }
    factIds.set(fact, id);
  };

  for (const page of Array.isArray(index.pages) ? index.pages : []) {
    for (const signature of page.signatures) signature.facts.forEach(visit);
    for (const clue of page.clues) visit(clue.fact);
  }
  const anchorHashes = new Map<number, { word: string; ids: number[] }[]>();
  for (const [word, ids] of anchorTable) {
    const hash = hashWord(word);
    const list = anchorHashes.get(hash);
    if (list) list.push({ word, ids });
    else anchorHashes.set(hash, [{ word, ids }]);
  }
  return {
    index,
    factIds,
    anchorHashes,
    factCount: idOfKey.size,
    literalOfFact,
    literals,
    anchorTable,
    unanchored,
    anchorLength: { min: min === Infinity ? 0 : min, max },
    regexOf: createRegexCache(),
  };
}

const UNPLACED_OK: readonly Place[] = ['log', 'client', 'traceback', 'body'];

function prepareLiteral(fact: Extract<RuleFact, { kind: 'text' | 'pattern' }>, id: number): PreparedLiteral {
  const places = fact.in && !fact.in.includes('any') ? new Set<Place>(fact.in) : null;
  const acceptsUnplaced = !places || UNPLACED_OK.some((place) => places.has(place));
  if (fact.kind === 'text') {
    const anchor = pickAnchor(safeWordsOfLiteral(fact.text));
    const run = longestRun(fact.text);
    return { id, fact, text: fact.text, places, acceptsUnplaced, anchors: anchor ? [anchor] : null, needles: !anchor && run.length >= 3 ? [run] : null };
  }
  const regex = compileRegex(fact.pattern);
  const branches = regex ? safeWordsOfPattern(fact.pattern) : null;
  let anchors: string[] | null = null;
  if (branches) {
    const picked = branches.map(pickAnchor);
    if (picked.every((a): a is string => a !== null)) anchors = [...new Set(picked)];
  }
  let needles: string[] | null = null;
  const runs = anchors || !regex ? null : requiredRunsOfPattern(fact.pattern);
  if (runs) {
    const longest = runs.map((branch) => branch.reduce((best, run) => (run.length > best.length ? run : best), ''));
    if (longest.every((run) => run.length >= 3)) needles = [...new Set(longest)];
  }
  return { id, fact, regex, places, acceptsUnplaced, anchors, needles };
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

// Words so common in error text that they filter little; used only when nothing better exists.
const WEAK_ANCHORS = new Set(['error', 'errors', 'failed', 'request', 'server', 'servers', 'true', 'false', 'null', 'http', 'https', 'json', 'message', 'detail', 'litellm', 'tools', 'with', 'from', 'that', 'this', 'info', 'debug']);

function pickAnchor(words: readonly string[]): string | null {
  let best: string | null = null;
  let bestScore = -1;
  for (const word of words) {
    if (word.length < 3) continue;
    const score = Math.min(word.length, 12) + (WEAK_ANCHORS.has(word) ? 0 : 20);
    if (score > bestScore) {
      best = word;
      bestScore = score;
    }
  }
  return best;
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
