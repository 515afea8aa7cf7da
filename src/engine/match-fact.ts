/**
 * Decides whether one fact holds in a paste's evidence, and where: the semantics documented on
 * the page schema (src/schemas/fact.ts), evaluated once per distinct fact per paste.
 */
import type { InputName, ServerConfig } from './evidence.ts';
import type { MatchContext } from './fact-kinds/define-fact-kind.ts';
import { matchFactOfKind } from './fact-kinds/registry.ts';
import type { PreparedIndex, PreparedLiteral } from './prepare-rules.ts';
import type { RuleFact } from './rule-index.ts';
import { patternWindow, type EvidenceView } from './view-evidence.ts';

/** Where a fact was seen. */
export interface FactHit {
  /** Which input. */
  input: InputName;
  /** 1-based line. */
  line: number;
  /** The span of the raw line that counted, when it is narrower than the line. */
  span?: { start: number; end: number };
  /** The `mcp_servers` entry a server-config fact held on. */
  server?: string;
  /** For a group (`any-of`): the index of the member that held, whose hit this is. */
  member?: number;
}

/** Evaluates facts against one paste, remembering each distinct fact's answer. */
export interface FactMatcher {
  /** Where the fact holds, or null when it does not. */
  match(fact: RuleFact): FactHit | null;
  /** The same for a fact whose distinct id (`PreparedIndex.factIds`) is known. */
  matchId(id: number, fact: RuleFact): FactHit | null;
}

/** Creates the fact matcher for one paste. */
export function createFactMatcher(prepared: PreparedIndex, view: EvidenceView): FactMatcher {
  // Answers by distinct fact id: undefined until asked.
  const memo = new Array<FactHit | null | undefined>(prepared.factCount);
  const cache = new Map<string, unknown>();
  const context: MatchContext = {
    view,
    regexOf: prepared.regexOf,
    servers: serversInScope(view),
    cached<T>(key: string, make: () => T): T {
      if (cache.has(key)) return cache.get(key) as T;
      const value = make();
      cache.set(key, value);
      return value;
    },
  };
  const matchId = (id: number, fact: RuleFact): FactHit | null => {
    let hit = memo[id];
    if (hit === undefined) {
      const literal = prepared.literalOfFact.get(id);
      hit = literal ? matchLiteral(literal, view) : safeMatch(fact, context);
      memo[id] = hit;
    }
    return hit;
  };
  return {
    match(fact) {
      const id = prepared.factIds.get(fact);
      return id === undefined ? safeMatch(fact, context) : matchId(id, fact);
    },
    matchId,
  };
}

// A rule is data written by people; a surprising shape must cost that fact, never the whole check.
function safeMatch(fact: RuleFact, context: MatchContext): FactHit | null {
  try {
    return matchFactOfKind(fact, context);
  } catch {
    return null;
  }
}

function matchLiteral(literal: PreparedLiteral, view: EvidenceView): FactHit | null {
  const { lines } = view;
  const { places, acceptsUnplaced, text, segments, regex, runBranches, minWordRun, minSecondRun } = literal;
  const test = (index: number): FactHit | null => {
    if (index < 0 || index >= lines.length) return null;
    if (places) {
      const place = lines.placeAt(index);
      if (!places.has(place) && !(place === 'any' && acceptsUnplaced)) return null;
    }
    if (text !== undefined) {
      if (segments && !holdsEvery(view.lowerAt(index), segments)) return null;
      if (!view.normAt(index).includes(text)) return null;
      const start = view.lowerAt(index).indexOf(text);
      return start >= 0 ? { input: lines.inputAt(index), line: lines.lineAt(index), span: { start, end: start + text.length } } : { input: lines.inputAt(index), line: lines.lineAt(index) };
    }
    if (!regex || (minWordRun > 0 && view.maxWordRunAt(index) < minWordRun) || (minSecondRun > 0 && view.secondWordRunAt(index) < minSecondRun)) return null;
    // A line shorter than the shortest match cannot hold one: no regex call for it.
    const raw = lines.textAt(index);
    if (raw.length < literal.minLength) return null;
    if (runBranches && view.isUnfoldedLine[index] === 0 && !holdsSomeBranch(view.lowerAt(index), runBranches)) return null;
    const found = regex.exec(patternWindow(raw));
    if (!found) return null;
    return { input: lines.inputAt(index), line: lines.lineAt(index), span: { start: found.index, end: found.index + found[0].length } };
  };
  // A part of the literal every line holding it holds (lower-cased), which the paste's
  // sequences rule out, leaves only the lines with İ, ſ or K, where they do not tell.
  if (!mayHoldOutsideUnfolded(literal, view)) {
    return testUntilSearched(literal, view, test, (visit) => {
      for (const index of view.unfoldedLines) if (visit(index)) return;
    });
  }
  // A literal kept to places the parser recognises by structure (a request, a status line) is
  // tested on those lines only when they are fewer than the prefilter's: the same lines hold it.
  if (places && !acceptsUnplaced) {
    const placed = [...places].flatMap((place) => view.linesOfPlace(place));
    if (places.size > 1) placed.sort((a, b) => a - b);
    if (placed.length < 512 || !literal.branches) {
      for (const index of placed) {
        const hit = test(index);
        if (hit) return hit;
      }
      return null;
    }
  }
  if (literal.branches) {
    let hit: FactHit | null = null;
    view.forCandidates(literal, (index) => (hit = test(index)) !== null);
    return hit;
  }
  const { needles } = literal;
  if (needles) return testUntilSearched(literal, view, test, (visit) => view.forLinesContaining(needles, visit));
  // A pattern with a word-run bound is tried only on lines with a run that long (the same lines
  // the bound lets through in `test`), listed once per bound and paste.
  if (regex && minWordRun > 0) return testUntilSearched(literal, view, test, (visit) => view.forLinesWithRunAtLeast(minWordRun, visit));
  // Otherwise a pattern is tried only on lines long enough to hold a match.
  if (regex && literal.minLength > 1) return testUntilSearched(literal, view, test, (visit) => view.forLinesWithLengthAtLeast(literal.minLength, visit));
  return testUntilSearched(literal, view, test, (visit) => {
    for (let index = 0; index < lines.length; index++) if (visit(index)) return;
  });
}

// Whether a line without İ, ſ or K may hold the literal, as far as the paste's sequences tell
// (view.mayContain): each segment of a text literal, some needle, and every run of some
// alternative of a pattern are in every line holding it, lower-cased.
function mayHoldOutsideUnfolded(literal: PreparedLiteral, view: EvidenceView): boolean {
  const { segments, needles, runBranches } = literal;
  if (segments && !segments.every(view.mayContain)) return false;
  if (needles && !literal.branches && !needles.some(view.mayContain)) return false;
  if (runBranches && !runBranches.some((runs) => runs.every(view.mayContain))) return false;
  return true;
}

// How many lines a line-local pattern is tested on one by one, without a hit, before the rest of
// the paste is searched in one pass of its joined text.
const TESTS_BEFORE_SEARCH = 2000;

// Tests the lines `walk` visits in order; a line-local pattern that has been tested on many of them
// in vain (a prefilter that lets most lines of a large paste through) searches the joined text from
// the next line on instead, and tests only the lines that search finds: the same first hit.
function testUntilSearched(literal: PreparedLiteral, view: EvidenceView, test: (index: number) => FactHit | null, walk: (visit: (index: number) => boolean) => void): FactHit | null {
  let hit: FactHit | null = null;
  let tested = 0;
  let searchFrom = -1;
  walk((index) => {
    if ((hit = test(index)) !== null) return true;
    if (!literal.isLineLocal || ++tested < TESTS_BEFORE_SEARCH) return false;
    searchFrom = index + 1;
    return true;
  });
  const { regex } = literal;
  if (hit !== null || searchFrom < 0 || !regex) return hit;
  view.forLinesMatching(regex, searchFrom, (index) => (hit = test(index)) !== null);
  return hit;
}

// Whether a lower-cased line holds every run of some alternative of a pattern.
function holdsSomeBranch(lower: string, runBranches: readonly (readonly string[])[]): boolean {
  for (const runs of runBranches) if (holdsEvery(lower, runs)) return true;
  return false;
}

// Whether a lower-cased line holds every one of the parts.
function holdsEvery(lower: string, parts: readonly string[]): boolean {
  for (const part of parts) if (!lower.includes(part)) return false;
  return true;
}

/**
 * The servers a server-config fact is tested on: when the request names a configured server
 * (`/github/mcp`), only that one, so the config of a server nobody called cannot decide.
 */
export function serversInScope(view: EvidenceView): ServerConfig[] {
  const all = view.evidence.configs.flatMap((config) => config.servers);
  const called = new Set(view.evidence.requests.map((r) => r.serverName).filter((n): n is string => n !== undefined));
  const scoped = all.filter((server) => called.has(server.name));
  return scoped.length > 0 ? scoped : all;
}
