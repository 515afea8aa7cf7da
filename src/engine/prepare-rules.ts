/**
 * The per-index work done once, not per paste: regexes compiled, identical facts shared, and the
 * words every literal and pattern needs picked out, so that matching a large paste only tests
 * the lines that hold its rarest needed words (one token scan of the paste finds them all,
 * instead of rules × lines scans).
 */
import type { Place } from './evidence.ts';
import { readPackedAnalysis } from './packed-analysis.ts';
import { pushTo } from './push-to.ts';
import type { RuleFact, RuleIndex, RulePage } from './rule-index.ts';
import { compileRegex, createRegexCache, type RegexCache } from './value-test.ts';
import { kindOf } from './fact-kinds/registry.ts';
import { symbolOf } from './text-grams.ts';
import { prefilterOfStored, readStoredPreparation, triggersOfStored, type StoredLiteral, type StoredPreparation } from './stored-preparation.ts';

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
  /** Patterns: whether one search of the joined lines finds every line it matches (`PatternAnalysis.lineLocal`). */
  isLineLocal: boolean;
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
  /**
   * Literal facts (text, pattern) by distinct fact id. Read from stored tables, a literal is made
   * when first asked for: a short paste asks a few hundred of the thousand and more.
   */
  literalOfFact: Pick<ReadonlyMap<number, PreparedLiteral>, 'get'>;
  /** Every literal fact, by literal id (all made, when they were made on demand). */
  readonly literals: PreparedLiteral[];
  /** Every needle of a literal without words (lower case, distinct). */
  needles: string[];
  /** Every word some literal needs (lower case), by word id. */
  words: string[];
  /** An open-addressing table of word ids + 1 by `slotOfHash(hashWord(word), size)` (0: empty slot). */
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

/**
 * Prepares an index once; later calls with the same index object reuse the result. With
 * `stored`, the tables the build computed (`RuleIndex.prepared`) are read instead of worked out,
 * when they were written by this very prepare code (`fingerprint`, see stored-preparation.ts) and
 * fit the index; otherwise, silently, the index is prepared as without them: the same result.
 */
export function prepareIndex(index: RuleIndex, stored?: { fingerprint: string }): PreparedIndex {
  const cached = prepared.get(index);
  if (cached) return cached;
  const tables = stored ? readStoredPreparation(index.prepared, stored.fingerprint) : null;
  const result = buildPrepared(index, tables);
  prepared.set(index, result);
  return result;
}

/** The facts of an index numbered: what preparing it from scratch and from stored tables share. */
interface NumberedFacts {
  factIds: Map<RuleFact, number>;
  factOfId: RuleFact[];
  pageFactIds: PageFactIds[];
  pagesOfFact: number[][];
}

// Identical facts share an id: the build's table says which (see `distinctFactIdsOf`), or each
// fact's JSON text does (about 12% of preparing the CLI's index, measured warm). Ids are numbered
// in the order facts are first met.
function numberFacts(index: RuleIndex): NumberedFacts {
  const table: unknown = index.factIds;
  const byTable = Array.isArray(table) ? numberFactsBy(index, (fact, at, factOfId) => storedFactId(table, at, fact, factOfId)) : null;
  if (byTable && byTable.visited === (table as unknown[]).length) return byTable.numbered;
  const idOfKey = new Map<string, number>();
  return (numberFactsBy(index, (fact) => {
    const key = JSON.stringify(fact);
    let id = idOfKey.get(key);
    if (id === undefined) {
      id = idOfKey.size;
      idOfKey.set(key, id);
    }
    return id;
  }) as { numbered: NumberedFacts }).numbered;
}

// The table crosses the same trust boundary as the index. The build writes it in the same file as
// the facts it numbers, so it is never stale; one that is plainly wrong (not one id per fact, an
// id out of first-met order, one id for facts of different kinds) is ignored, and the facts are
// then told apart by their JSON text: slower, the same ids. Wrong sharing between facts of one
// kind is not looked for: that would cost the serialising the table saves.
function storedFactId(table: readonly unknown[], at: number, fact: RuleFact, factOfId: readonly RuleFact[]): number | null {
  const id: unknown = table[at];
  if (!Number.isInteger(id) || (id as number) < 0 || (id as number) > factOfId.length) return null;
  if ((id as number) < factOfId.length && (factOfId[id as number] as { kind?: unknown }).kind !== (fact as { kind?: unknown } | undefined)?.kind) return null;
  return id as number;
}

// Walks the facts in visit order (each page's signature facts, signature by signature, then its
// clues' facts), numbering each with `idOf`; null as soon as `idOf` gives up.
function numberFactsBy(index: RuleIndex, idOf: (fact: RuleFact, at: number, factOfId: readonly RuleFact[]) => number | null): { numbered: NumberedFacts; visited: number } | null {
  const factIds = new Map<RuleFact, number>();
  const factOfId: RuleFact[] = [];
  const pageFactIds: PageFactIds[] = [];
  const pagesOfFact: number[][] = [];
  let visited = 0;
  const pages = Array.isArray(index.pages) ? index.pages : [];
  const number = (fact: RuleFact): number | null => {
    const id = idOf(fact, visited++, factOfId);
    if (id === null) return null;
    if (id === factOfId.length) factOfId.push(fact);
    factIds.set(fact, id);
    return id;
  };
  // Plain loops: this runs at every cold start, over every fact of the index.
  for (let pageAt = 0; pageAt < pages.length; pageAt++) {
    const page = pages[pageAt] as RulePage;
    const signatures: number[][] = [];
    for (const signature of page.signatures) {
      const ids: number[] = [];
      for (const fact of signature.facts) {
        const id = number(fact);
        if (id === null) return null;
        ids.push(id);
        const onPages = (pagesOfFact[id] ??= []);
        if (onPages[onPages.length - 1] !== pageAt) onPages.push(pageAt);
      }
      signatures.push(ids);
    }
    const clues: number[] = [];
    for (const clue of page.clues) {
      const id = number(clue.fact);
      if (id === null) return null;
      clues.push(id);
    }
    pageFactIds.push({ signatures, clues });
  }
  for (let id = 0; id < factOfId.length; id++) pagesOfFact[id] ??= [];
  return { numbered: { factIds, factOfId, pageFactIds, pagesOfFact }, visited };
}

function isLiteralFact(fact: RuleFact): fact is Extract<RuleFact, { kind: 'text' | 'pattern' }> {
  return fact.kind === 'text' || fact.kind === 'pattern';
}

function buildPrepared(index: RuleIndex, stored: StoredPreparation | null): PreparedIndex {
  const { factIds, factOfId, pageFactIds, pagesOfFact } = numberFacts(index);
  const factCount = factOfId.length;
  // Literals are numbered in the order of their facts' ids, as the build numbered them.
  const literalFactIds: number[] = [];
  factOfId.forEach((fact, id) => {
    if (isLiteralFact(fact)) literalFactIds.push(id);
  });
  let literalOfFact: PreparedIndex['literalOfFact'];
  let allLiterals: () => PreparedLiteral[];
  let needles: string[];
  let words: string[];
  let triggers: FactTriggers;
  if (stored && stored.factCount === factCount && stored.literals.length === literalFactIds.length) {
    words = stored.words;
    const literalIdOfFact = new Int32Array(factCount).fill(-1);
    literalFactIds.forEach((factId, id) => (literalIdOfFact[factId] = id));
    const made: Array<PreparedLiteral | undefined> = [];
    const literalAt = (id: number): PreparedLiteral =>
      (made[id] ??= createLiteral(factOfId[literalFactIds[id] as number] as Extract<RuleFact, { kind: 'text' | 'pattern' }>, id, prefilterOfStored(stored.literals[id] as StoredLiteral), false));
    literalOfFact = {
      get: (factId) => {
        const id = literalIdOfFact[factId];
        return id === undefined || id < 0 ? undefined : literalAt(id);
      },
    };
    allLiterals = () => literalFactIds.map((_factId, id) => literalAt(id));
    needles = [...new Set(stored.literals.flatMap((literal) => (literal.branches ? [] : literal.needles ?? [])))];
    triggers = triggersOfStored(stored);
  } else {
    const wordIds = new Map<string, number>();
    words = [];
    const idOfWord = (word: string): number => {
      let id = wordIds.get(word);
      if (id === undefined) {
        id = words.length;
        words.push(word);
        wordIds.set(word, id);
      }
      return id;
    };
    const byFact = new Map<number, PreparedLiteral>();
    const literals = literalFactIds.map((factId, id) => {
      const fact = factOfId[factId] as Extract<RuleFact, { kind: 'text' | 'pattern' }>;
      // The build stores each pattern's analysis in its fact (src/catalog/analyse-pattern.ts), and
      // only for a pattern that compiles. Without it the regex is compiled at once (every line is
      // tested); with it, when a line first reaches it: most of a short paste's patterns are ruled
      // out by their words and never compiled.
      const literal = createLiteral(fact, id, prefilterOf(fact, idOfWord), fact.kind === 'pattern' && !storedAnalysis(fact.prefilter));
      byFact.set(factId, literal);
      return literal;
    });
    literalOfFact = byFact;
    allLiterals = () => literals;
    needles = [...new Set(literals.flatMap((literal) => (literal.branches ? [] : literal.needles ?? [])))];
    triggers = buildTriggers(factOfId, byFact, words.length);
  }
  let size = 16;
  // Most tokens of a paste are no word: a sparse table answers most of them with one empty slot.
  while (size < words.length * 8) size *= 2;
  const wordSlots = new Int32Array(size);
  const wordHashes = new Int32Array(words.length);
  let min = Infinity;
  let max = 0;
  words.forEach((word, id) => {
    const hash = hashWord(word);
    wordHashes[id] = hash;
    let slot = slotOfHash(hash, size);
    while (wordSlots[slot] !== 0) slot = (slot + 1) & (size - 1);
    wordSlots[slot] = id + 1;
    min = Math.min(min, word.length);
    max = Math.max(max, word.length);
  });
  return {
    index,
    factIds,
    factCount,
    factOfId,
    needles,
    pageFactIds,
    literalOfFact,
    get literals() {
      return allLiterals();
    },
    words,
    wordSlots,
    wordHashes,
    wordLength: { min: min === Infinity ? 0 : min, max },
    regexOf: createRegexCache(),
    triggers,
    pagesOfFact,
  };
}

/**
 * The distinct-fact id of every fact of the index, in the order `prepareIndex` visits them (each
 * page's signature facts, signature by signature, then its clues' facts), numbered as it numbers
 * them: identical facts (by content) share an id, and ids follow the order facts are first met.
 * The build stores it as the CLI's `factIds` so that a cold check does not serialise every fact
 * to find the identical ones.
 */
export function distinctFactIdsOf(index: RuleIndex): number[] {
  const { factIds } = numberFacts({ ...index, factIds: undefined });
  return factsInVisitOrder(index).map((fact) => factIds.get(fact) as number);
}

function factsInVisitOrder(index: RuleIndex): RuleFact[] {
  return index.pages.flatMap((page) => [...page.signatures.flatMap((signature) => signature.facts), ...page.clues.map((clue) => clue.fact)]);
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

/**
 * The prefilters of a literal fact: the fields of `PreparedLiteral` read off its text or its
 * stored pattern analysis, word ids included. The build stores them (stored-preparation.ts).
 */
export type LiteralPrefilter = Pick<PreparedLiteral, 'segments' | 'branches' | 'needles' | 'runBranches' | 'minWordRun' | 'minSecondRun' | 'minLength' | 'isLineLocal'>;

function prefilterOf(fact: Extract<RuleFact, { kind: 'text' | 'pattern' }>, idOfWord: (word: string) => number): LiteralPrefilter {
  const branchesOf = (lists: readonly (readonly string[])[]): number[][] | null => {
    const kept = lists.map((list) => [...new Set(list.filter((word) => word.length >= 3))]);
    return kept.every((list) => list.length > 0) ? kept.map((list) => list.map(idOfWord)) : null;
  };
  if (fact.kind === 'text') {
    const branches = branchesOf([safeWordsOfLiteral(fact.text)]);
    const run = longestRun(fact.text);
    return { segments: segmentsOf(fact.text), branches, needles: !branches && run.length >= 3 ? [run] : null, runBranches: null, minWordRun: 0, minSecondRun: 0, minLength: 0, isLineLocal: false };
  }
  // The engine never reads regex source itself: without the build's analysis (an index compiled
  // without it, or a damaged entry) the pattern has no prefilter and is tested on every line its
  // places allow: slower, and the same matches.
  const analysis = storedAnalysis(fact.prefilter) ?? null;
  const safe = analysis ? analysis.safeWords : null;
  const branches = safe ? branchesOf(safe) : null;
  let needles: string[] | null = null;
  const required = analysis ? analysis.requiredRuns : null;
  const runBranches = required && required.every((branch) => branch.length > 0) ? required.map((branch) => [...new Set(branch)].sort((a, b) => b.length - a.length)) : null;
  // The build stores needles only where the runs give none or find more lines: stored ones come first.
  if (!branches && analysis?.needles && analysis.needles.length > 0 && analysis.needles.every(isSearchableNeedle)) needles = analysis.needles;
  const runs = branches || needles ? null : required;
  if (runs) {
    const longest = runs.map((branch) => branch.reduce((best, run) => (run.length > best.length ? run : best), ''));
    if (longest.every((run) => run.length >= 3)) needles = [...new Set(longest)];
  }
  return { branches, needles, runBranches, minWordRun: analysis ? analysis.minWordRun : 0, minSecondRun: analysis ? analysis.minSecondRun : 0, minLength: analysis ? analysis.minLength : 0, isLineLocal: analysis?.lineLocal === true };
}

// A pattern's regex is compiled when first read (`compileNow` false), so a check compiles only
// the patterns some line of its paste reaches.
function createLiteral(fact: Extract<RuleFact, { kind: 'text' | 'pattern' }>, id: number, prefilter: LiteralPrefilter, compileNow: boolean): PreparedLiteral {
  const places = fact.in && !fact.in.includes('any') ? new Set<Place>(fact.in) : null;
  const acceptsUnplaced = !places || UNPLACED_OK.some((place) => places.has(place));
  const { segments, branches, needles, runBranches, minWordRun, minSecondRun, minLength, isLineLocal } = prefilter;
  if (fact.kind === 'text') return { id, fact, text: fact.text, segments: segments ?? segmentsOf(fact.text), places, acceptsUnplaced, branches, needles, runBranches, minWordRun, minSecondRun, minLength, isLineLocal };
  const literal: PreparedLiteral = { id, fact, places, acceptsUnplaced, branches, needles, runBranches, minWordRun, minSecondRun, minLength, isLineLocal };
  if (compileNow) {
    literal.regex = compileRegex(fact.pattern);
    return literal;
  }
  let compiled: RegExp | null | undefined;
  return Object.defineProperty(literal, 'regex', { enumerable: true, get: () => (compiled === undefined ? (compiled = compileRegex(fact.pattern)) : compiled) });
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
   * Lower-case strings, one of which every match holds (see `isSearchableNeedle`): found by the
   * build's own regex parse (src/catalog/regex-needles.ts) and stored only for a pattern the fields
   * above give no anchor words for, and no runs or only runs that find more lines (then the
   * needles are searched instead of them); absent otherwise.
   */
  needles?: string[] | undefined;
  /**
   * True when the pattern has no lookaround: a match inside a line is then also a match at the same
   * offset of the lines joined by line feeds (searched multiline), so one search of the joined text
   * finds every line worth testing. Absent (false) otherwise, and for an index built before it.
   */
  lineLocal?: true | undefined;
}

/**
 * The fewest characters a match of the pattern spans, as the build stored it; 0 (no bound known, so
 * ranking reads the pattern as a loose one) for a pattern without a usable stored analysis.
 */
export function minLengthOfPattern(prefilter: unknown): number {
  return storedAnalysis(prefilter)?.minLength ?? 0;
}

// The index crosses a trust boundary (a page, a worker message, a file on disk): an entry of the
// wrong shape is ignored (the pattern then has no prefilter), never trusted into a wrong one.
function storedAnalysis(entry: unknown): PatternAnalysis | undefined {
  if (typeof entry === 'string') return packedAnalysis(entry);
  if (typeof entry !== 'object' || entry === null) return undefined;
  const { safeWords, requiredRuns, minWordRun, minSecondRun, minLength, needles } = entry as Record<string, unknown>;
  const isWordLists = (value: unknown): value is string[][] | null =>
    value === null || (Array.isArray(value) && value.every((list) => Array.isArray(list) && list.every((word) => typeof word === 'string')));
  if (!isWordLists(safeWords) || !isWordLists(requiredRuns) || !Number.isInteger(minWordRun) || !Number.isInteger(minSecondRun) || !Number.isInteger(minLength)) return undefined;
  const analysis: PatternAnalysis = { safeWords, requiredRuns, minWordRun: minWordRun as number, minSecondRun: minSecondRun as number, minLength: minLength as number };
  // Needles are lower case and hold no line break (the paste search relies on both): anything else is ignored.
  if (Array.isArray(needles) && needles.every((needle) => typeof needle === 'string' && isSearchableNeedle(needle))) analysis.needles = needles as string[];
  if ((entry as Record<string, unknown>)['lineLocal'] === true) analysis.lineLocal = true;
  return analysis;
}

// A packed analysis is read when first asked for (a check of the CLI's index asks for few: those
// of the patterns that held, to rank them), then the same object each time.
const packedAnalyses = new Map<string, PatternAnalysis | undefined>();
function packedAnalysis(text: string): PatternAnalysis | undefined {
  if (!packedAnalyses.has(text)) {
    const read = readPackedAnalysis(text);
    packedAnalyses.set(text, read === undefined ? undefined : storedAnalysis(read));
  }
  return packedAnalyses.get(text);
}

/**
 * Whether a needle is one the paste search can use and worth its search: lower case, without
 * control characters (no line break, so it never spans two lines of the joined paste), and 2+
 * characters other than spaces (`db`, `->`, `to 0`), or one character outside ASCII (`→`, seldom
 * in a log line). The build picks the longest needles a pattern offers (src/catalog/regex-needles.ts).
 */
export function isSearchableNeedle(needle: string): boolean {
  if (needle !== needle.toLowerCase()) return false;
  for (let at = 0; at < needle.length; at++) if (needle.charCodeAt(at) < 32 || needle.charCodeAt(at) === 127) return false;
  const shown = needle.trim();
  return shown.length >= 2 || (shown.length === 1 && shown.charCodeAt(0) > 127);
}

/**
 * The hash the token scan computes for a lower-case word: its characters' symbols (text-grams.ts,
 * 1 to 37 for word characters) as the digits of a base-64 number, cut to 32 bits. A word of at
 * most `EXACT_HASH_LENGTH` characters fits whole, so its hash names it; a longer one keeps its
 * last characters only, and a token with its hash is compared with it.
 */
export function hashWord(word: string): number {
  let hash = 0;
  for (let i = 0; i < word.length; i++) hash = ((hash << 6) + symbolOf(word.charCodeAt(i))) | 0;
  return hash;
}

/** The longest word whose hash holds all of it (5 symbols of 6 bits in 31 bits). */
export const EXACT_HASH_LENGTH = 5;

/**
 * The slot of a hash in a table of `size` (a power of two) slots: its top bits once multiplied
 * by a large odd constant, which spreads words sharing their last characters (`hashWord`).
 */
export function slotOfHash(hash: number, size: number): number {
  return Math.imul(hash, 0x9e3779b1) >>> (32 - Math.log2(size));
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
