/**
 * Decides whether one fact holds in a paste's evidence, and where: the semantics documented on
 * the page schema (src/schemas/fact.ts), evaluated once per distinct fact per paste.
 */
import type { HeaderLine, InputName, JsonSeen, ServerConfig } from './evidence.ts';
import { lastTypePart, type PreparedIndex, type PreparedLiteral } from './prepare-rules.ts';
import type { RuleFact } from './rule-index.ts';
import { isNegativeTest, testValues, valuesAtPath } from './value-test.ts';
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
  const servers = serversInScope(view);
  const paths: PathCache = new Map();
  const scalars: ScalarCache = new Map();
  const matchId = (id: number, fact: RuleFact): FactHit | null => {
    let hit = memo[id];
    if (hit === undefined) {
      const literal = prepared.literalOfFact.get(id);
      hit = literal ? matchLiteral(literal, view) : safeMatch(fact, prepared, view, servers, paths, scalars);
      memo[id] = hit;
    }
    return hit;
  };
  return {
    match(fact) {
      const id = prepared.factIds.get(fact);
      return id === undefined ? safeMatch(fact, prepared, view, servers, paths, scalars) : matchId(id, fact);
    },
    matchId,
  };
}

// A rule is data written by people; a surprising shape must cost that fact, never the whole check.
function safeMatch(fact: RuleFact, prepared: PreparedIndex, view: EvidenceView, servers: readonly ServerConfig[], paths: PathCache, scalars: ScalarCache): FactHit | null {
  try {
    return matchOther(fact, prepared, view, servers, paths, scalars);
  } catch {
    return null;
  }
}

function matchLiteral(literal: PreparedLiteral, view: EvidenceView): FactHit | null {
  const { lines, maxWordRun, secondWordRun } = view;
  const { places, acceptsUnplaced, text, segments, regex, runBranches, minWordRun, minSecondRun } = literal;
  const test = (index: number): FactHit | null => {
    const line = lines[index];
    if (!line) return null;
    if (places && !places.has(line.place) && !(line.place === 'any' && acceptsUnplaced)) return null;
    if (text !== undefined) {
      if (segments && !holdsEvery(view.lowerAt(index), segments)) return null;
      if (!view.normAt(index).includes(text)) return null;
      const start = view.lowerAt(index).indexOf(text);
      return start >= 0 ? { input: line.input, line: line.line, span: { start, end: start + text.length } } : { input: line.input, line: line.line };
    }
    if (!regex || (maxWordRun[index] as number) < minWordRun || (secondWordRun[index] as number) < minSecondRun) return null;
    if (runBranches && view.isUnfoldedLine[index] === 0 && !holdsSomeBranch(view.lowerAt(index), runBranches)) return null;
    const found = regex.exec(patternWindow(line.text));
    if (!found) return null;
    return { input: line.input, line: line.line, span: { start: found.index, end: found.index + found[0].length } };
  };
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
  if (literal.needles) {
    let hit: FactHit | null = null;
    view.forLinesContaining(literal.needles, (index) => (hit = test(index)) !== null);
    return hit;
  }
  // A pattern with a word-run bound is tried only on lines with a run that long (the same lines
  // the bound lets through in `test`), listed once per bound and paste.
  if (regex && minWordRun > 0) {
    for (const index of view.linesWithRunAtLeast(minWordRun)) {
      const hit = test(index);
      if (hit) return hit;
    }
    return null;
  }
  for (let index = 0; index < lines.length; index++) {
    const hit = test(index);
    if (hit) return hit;
  }
  return null;
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

// The values at one JSON path, walked once per paste however many facts test that path; and,
// built on first use, the first walked entry holding each scalar value there (an `equals` test
// on a scalar is then one lookup instead of a walk over every JSON value of the paste).
type Walked = { seen: JsonSeen; values: unknown[] }[];
type PathCache = Map<string, Walked>;
type ScalarCache = Map<Walked, Map<unknown, Walked[number]>>;

function isScalarKey(value: unknown): boolean {
  return value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && !Number.isNaN(value));
}

function firstWithScalar(scalars: ScalarCache, walked: Walked, wanted: unknown): Walked[number] | undefined {
  let byValue = scalars.get(walked);
  if (!byValue) {
    byValue = new Map();
    for (const entry of walked) for (const value of entry.values) if (isScalarKey(value) && !byValue.has(value)) byValue.set(value, entry);
    scalars.set(walked, byValue);
  }
  return byValue.get(wanted);
}

function valuesOfPool(paths: PathCache, pool: readonly JsonSeen[], path: string, isWholePool: boolean): { seen: JsonSeen; values: unknown[] }[] {
  const key = `${isWholePool ? 'all' : 'key'}:${path}`;
  let cached = paths.get(key);
  if (!cached) {
    cached = pool.map((seen) => ({ seen, values: valuesAtPath(seen.value, path) }));
    paths.set(key, cached);
  }
  return cached;
}

function matchOther(fact: RuleFact, prepared: PreparedIndex, view: EvidenceView, servers: readonly ServerConfig[], paths: PathCache, scalars: ScalarCache): FactHit | null {
  const { evidence } = view;
  const regexOf = prepared.regexOf;
  switch (fact.kind) {
    case 'text':
    case 'pattern':
      return null;
    case 'status': {
      const wanted = Array.isArray(fact.status) ? fact.status : [fact.status];
      let first: { input: InputName; line: number } | undefined;
      for (const status of wanted) {
        const seen = view.indexes.statuses.get(status);
        if (seen && (!first || isEarlier(seen, first))) first = seen;
      }
      return first ? { input: first.input, line: first.line } : null;
    }
    case 'header':
    case 'request-header': {
      const isResponse = fact.kind === 'header';
      const byName = isResponse ? view.indexes.responseHeaders : view.indexes.requestHeaders;
      const holder = isResponse ? view.indexes.firstResponseWithHeaders : view.indexes.firstRequestWithHeaders;
      const name = fact.name.toLowerCase();
      if (fact.absent) return holder && !byName.has(name) ? { input: holder.input, line: holder.line } : null;
      const valueRegex = fact.value === undefined ? null : regexOf(fact.value);
      if (fact.value !== undefined && !valueRegex) return null;
      const header = byName.get(name)?.find((h: HeaderLine) => !valueRegex || valueRegex.test(h.value));
      return header ? { input: header.input, line: header.line } : null;
    }
    case 'json': {
      const negative = isNegativeTest(fact.test);
      const first = fact.path.split('.')[0] ?? '';
      const isWholePool = negative || first === '*';
      const pool: readonly JsonSeen[] = isWholePool ? evidence.json : view.jsonByKey.get(first) ?? [];
      const walked = valuesOfPool(paths, pool, fact.path, isWholePool);
      if (negative) {
        const seen = pool[0];
        if (!seen) return null;
        const holds = walked.every(({ values }) => testValues(values, fact.test, regexOf));
        return holds ? { input: seen.input, line: seen.line } : null;
      }
      const test = fact.test;
      const found = 'equals' in test && isScalarKey(test.equals) ? firstWithScalar(scalars, walked, test.equals) : walked.find(({ values }) => testValues(values, test, regexOf));
      return found ? { input: found.seen.input, line: found.seen.line } : null;
    }
    case 'exception': {
      const wanted = fact.type.toLowerCase();
      const messageRegex = fact.message === undefined ? null : regexOf(fact.message);
      if (fact.message !== undefined && !messageRegex) return null;
      const seen = view.indexes.exceptions.get(lastTypePart(wanted))?.find((e) => {
        const type = e.type.toLowerCase();
        if (wanted.includes('.') && type.includes('.') && !type.endsWith(wanted)) return false;
        return !messageRegex || messageRegex.test(e.message);
      });
      return seen ? { input: seen.input, line: seen.line } : null;
    }
    case 'server-config': {
      const entries = Object.entries(fact.fields);
      const server = servers.find((s) => entries.every(([key, test]) => testValues(valuesAtPath(s.fields, key), test, regexOf)));
      return server ? { input: server.input, line: server.line, server: server.name } : null;
    }
    case 'config': {
      const docs = evidence.configs;
      if (docs.length === 0) return null;
      if (isNegativeTest(fact.test)) {
        const holds = docs.every((doc) => testValues(valuesAtPath(doc.value, fact.path), fact.test, regexOf));
        const doc = docs[0];
        return holds && doc ? { input: doc.input, line: doc.line } : null;
      }
      const doc = docs.find((d) => testValues(valuesAtPath(d.value, fact.path), fact.test, regexOf));
      return doc ? { input: doc.input, line: lineOfPath(view, doc.input, doc.line, fact.path) } : null;
    }
  }
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

function isEarlier(a: { input: InputName; line: number }, b: { input: InputName; line: number }): boolean {
  return a.input === b.input ? a.line < b.line : a.input === 'paste';
}

// Points a config explanation at the line of the last key of the path, when it can be found.
function lineOfPath(view: EvidenceView, input: InputName, from: number, path: string): number {
  const key = path.split('.').filter((k) => k !== '*').pop();
  if (!key) return from;
  for (let line = from; line < from + 5000; line++) {
    const text = view.textAt(input, line);
    if (text === '' && line > from + 1 && view.textAt(input, line + 1) === '') break;
    if (text.trimStart().startsWith(`${key}:`)) return line;
  }
  return from;
}
