/**
 * The per-paste view the matcher works on: every line normalised at most once (and only when a
 * literal's prefilter lets it through), the lines each needed word occurs on (one pass over the
 * tokens of the paste), and lookups for explanations.
 */
import type { Evidence, HeaderLine, HttpRequest, HttpResponse, InputName, JsonSeen, Place, PythonException, StatusSeen, TaggedLine } from './evidence.ts';
import { placeCode, PLACES, type LineStore } from './line-store.ts';
import { normalizeForMatch, withoutColourCodes } from './normalize.ts';
import { joinLines, lineAt, type JoinedLines } from './joined-lines.ts';
import { lastTypePart } from './fact-kinds/evidence-keys.ts';
import type { PreparedIndex, PreparedLiteral } from './prepare-rules.ts';
import { pushTo } from './push-to.ts';
import { LineCache } from './line-cache.ts';
import { LineWordRuns } from './line-word-runs.ts';
import { forCandidates, scanWords } from './scan-words.ts';
import { createNeedleSearch } from './search-needles.ts';
import { asText } from './value-test.ts';

/** A line the view adds after the evidence's: a multi-line JSON value made compact. */
export type ViewLine = TaggedLine;

/**
 * The lines literals are tested on, by index: the evidence's lines (read from its line store,
 * with colour codes removed), then one compact line per multi-line JSON value. Texts are without
 * colour codes (patterns test them); their lower-cased and normalised forms are cached by the
 * view (`lowerAt`, `normAt`).
 */
export class ViewLines {
  /** How many lines. */
  readonly length: number;
  readonly #store: LineStore;
  readonly #stored: number;
  // The texts without colour codes, when some line had them (else the store's texts are used).
  readonly #texts: readonly string[] | undefined;
  readonly #extra: readonly ViewLine[];
  #joined: JoinedLines | undefined;

  constructor(store: LineStore, texts: readonly string[] | undefined, extra: readonly ViewLine[]) {
    this.#store = store;
    this.#stored = store.length;
    this.#texts = texts;
    this.#extra = extra;
    this.length = store.length + extra.length;
  }

  /** The text of line `index` ('' past the end). */
  textAt(index: number): string {
    if (index < this.#stored) return this.#texts !== undefined ? (this.#texts[index] ?? '') : this.#store.textAt(index);
    return this.#extra[index - this.#stored]?.text ?? '';
  }

  /** The place code of line `index` (line-store.ts `PLACES`). */
  placeCodeAt(index: number): number {
    if (index < this.#stored) return this.#store.placeCodeAt(index);
    return placeCode(this.#extra[index - this.#stored]?.place ?? 'any');
  }

  /** The place of line `index`. */
  placeAt(index: number): Place {
    return PLACES[this.placeCodeAt(index)] ?? 'any';
  }

  /** Which input line `index` came from. */
  inputAt(index: number): InputName {
    if (index < this.#stored) return this.#store.inputAt(index);
    return this.#extra[index - this.#stored]?.input ?? 'paste';
  }

  /** The 1-based line number of line `index` in its input. */
  lineAt(index: number): number {
    if (index < this.#stored) return this.#store.lineAt(index);
    return this.#extra[index - this.#stored]?.line ?? 0;
  }

  /**
   * The lines joined by line feeds, with where each starts: made once, and shared by the token
   * scan and the whole-text searches. The paste's part is the store's own join (shared with the
   * other whole-paste scans) when no colour code had to be removed.
   */
  join(): JoinedLines {
    this.#joined ??= this.#join();
    return this.#joined;
  }

  #join(): JoinedLines {
    const pasteCount = this.#store.pasteCount;
    if (this.#texts !== undefined || pasteCount === 0) return joinLines(Array.from({ length: this.length }, (_, index) => this.textAt(index)));
    const paste = this.#store.joinedPaste();
    if (this.length === pasteCount) return paste;
    const starts = new Int32Array(this.length);
    starts.set(paste.starts);
    const rest: string[] = [];
    let offset = paste.text.length + 1;
    for (let index = pasteCount; index < this.length; index++) {
      const text = this.textAt(index);
      rest.push(text);
      starts[index] = offset;
      offset += text.length + 1;
    }
    return { text: `${paste.text}\n${rest.join('\n')}`, starts };
  }
}

/** Evidence regrouped so that each fact looks only at what could make it hold. */
export interface EvidenceIndexes {
  /** The first sighting of each status. */
  statuses: Map<number, StatusSeen>;
  /** Response headers by lower-cased name, and the first response that showed headers. */
  responseHeaders: Map<string, HeaderLine[]>;
  firstResponseWithHeaders: HttpResponse | undefined;
  /** Sent headers by lower-cased name, and the first request that lists its headers. */
  requestHeaders: Map<string, HeaderLine[]>;
  firstRequestWithHeaders: HttpRequest | undefined;
  /** Exceptions by the lower-cased last part of their type. */
  exceptions: Map<string, PythonException[]>;
}

/** What the matcher knows about one paste. */
export interface EvidenceView {
  /** The parsed evidence. */
  evidence: Evidence;
  /** The lines literals are tested on: the evidence's lines in order, then compact JSON lines. */
  lines: ViewLines;
  /** The lower-cased text of `lines[index]`, computed once (cheap prefilters test this). */
  lowerAt(index: number): string;
  /** The normalised text of `lines[index]`, computed once (text literals test this). */
  normAt(index: number): string;
  /**
   * Calls `visit` on each index into `lines` (ascending, once each) that may hold a literal with
   * `branches`, until `visit` returns true: every line holding it is among them. Lines with
   * characters the token scan cannot fold (`İ`, `ſ`, `K`) are always visited. Candidates
   * are found as they are visited, so a literal that holds early costs only its first lines.
   */
  forCandidates(literal: PreparedLiteral, visit: (index: number) => boolean): void;
  /** Indexes into `lines` (ascending) of the lines the parser gave `place` (listed on first use). */
  linesOfPlace(place: Place): readonly number[];
  /**
   * Calls `visit` on each index into `lines` (ascending) that may hold a longest word run
   * (`maxWordRunAt`) of at least `length`, until `visit` returns true: every such line, and
   * possibly others when most lines qualify (`visit` checks the bound itself).
   */
  forLinesWithRunAtLeast(length: number, visit: (index: number) => boolean): void;
  /** The same for lines of at least `length` characters. */
  forLinesWithLengthAtLeast(length: number, visit: (index: number) => boolean): void;
  /** Per word id of the prepared index, how many lines hold the word as a token: 0 exactly when none, else possibly more than hold it (`WordScan.count`). */
  wordLineCount: Int32Array;
  /** Whether some line holds a character the token scan cannot fold (every literal with words is then possible). */
  hasUnfolded: boolean;
  /** Per index into `lines`, 1 when the line holds such a character (`İ`, `ſ`, `K`). */
  isUnfoldedLine: Uint8Array;
  /** The indexes into `lines` of those lines, ascending. */
  unfoldedLines: readonly number[];
  /**
   * False when no line without such a character holds `part` (lower case) once lower-cased:
   * the part has a three-character sequence the paste lacks (text-grams.ts). Answered once per part.
   */
  mayContain(part: string): boolean;
  /** The longest run of word characters (`[A-Za-z0-9_ſK]`) of line `index` of `lines` (at most `MAX_COUNTED_RUN`; measured on first use). */
  maxWordRunAt(index: number): number;
  /** The second-longest run of word characters of line `index` (0 when it has fewer than two runs). */
  secondWordRunAt(index: number): number;
  /** JSON values by their first key (objects) or `*` (arrays and scalars). */
  jsonByKey: Map<string, JsonSeen[]>;
  /** Evidence grouped for the non-literal facts. */
  indexes: EvidenceIndexes;
  /** The text of a line of an input (colour codes removed), for excerpts. */
  textAt(input: InputName, line: number): string;
  /**
   * Calls `visit` on each index into `lines` (ascending, once each) whose text contains one of
   * the lower-case needles (case-insensitively) or holds a character the token scan cannot fold,
   * until `visit` returns true.
   */
  forLinesContaining(needles: readonly string[], visit: (index: number) => boolean): void;
  /**
   * Calls `visit` on each index into `lines` from `from` on (ascending, once each) where a search
   * of the lines joined by line feeds finds a match of `regex`, until `visit` returns true. For a
   * line-local pattern (no lookaround) every line it matches on its own is among them: the joined
   * text holds the same characters at the same offsets, and a line feed reads as a line's edge to
   * `\b`, and to `^` and `$` searched multiline.
   */
  forLinesMatching(regex: RegExp, from: number, visit: (index: number) => boolean): void;
}


// Patterns are tested on at most this many characters of a line: a bound on regex work for
// single-line megabyte pastes (minified JSON, binary junk) that no real signature needs.
const MAX_PATTERN_LINE = 16_384;

/** Builds the view of a paste's evidence for one index. */
export function viewEvidence(evidence: Evidence, prepared: PreparedIndex): EvidenceView {
  const lines = viewLinesOf(evidence);
  const jsonByKey = new Map<string, JsonSeen[]>();
  for (const seen of evidence.json) {
    const value = seen.value;
    const keys = value && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : ['*'];
    for (const key of keys) pushTo(jsonByKey, key, seen);
  }
  const joined = lines.join();
  const scan = scanWords(joined, prepared);
  const runs = new LineWordRuns(joined);
  // Per-line caches, made on first use: only the lines a prefilter lets through are ever lowered
  // or normalised, and many pastes never need either.
  const lower = new LineCache(lines.length, (index) => lines.textAt(index).toLowerCase());
  const norm = new LineCache(lines.length, (index) => safeNormalize(lines.textAt(index)));
  const lowerAt = (index: number): string => lower.at(index);
  const normAt = (index: number): string => norm.at(index);
  // Only the places and run lengths some literal asks for are listed: a paste of millions of
  // lines should not pay for a list nobody reads.
  const byPlace = new Map<Place, number[]>();
  const linesOfPlace = (place: Place): readonly number[] => {
    let listed = byPlace.get(place);
    if (!listed) {
      listed = [];
      const code = placeCode(place);
      // The store's lines read from the store itself: one call a line, not two.
      const store = evidence.lines;
      for (let index = 0; index < store.length; index++) if (store.placeCodeAt(index) === code) listed.push(index);
      for (let index = store.length; index < lines.length; index++) if (lines.placeCodeAt(index) === code) listed.push(index);
      byPlace.set(place, listed);
    }
    return listed;
  };
  const forLinesWithRunAtLeast = createBoundListing(lines.length, (index) => runs.longestAt(index));
  // A line's length is the distance to the next line's start in the joined text, less its line feed.
  const lengthAt = (index: number): number => (index + 1 < lines.length ? (joined.starts[index + 1] as number) - 1 : joined.text.length) - (joined.starts[index] as number);
  const forLinesWithLengthAtLeast = createBoundListing(lines.length, lengthAt);
  return {
    linesOfPlace,
    forLinesWithRunAtLeast,
    forLinesWithLengthAtLeast,
    evidence,
    lines,
    lowerAt,
    normAt,
    forCandidates: (literal, visit) => forCandidates(literal, scan, visit),
    wordLineCount: scan.count,
    hasUnfolded: scan.unfolded.length > 0,
    isUnfoldedLine: flagLines(lines.length, scan.unfolded),
    unfoldedLines: scan.unfolded,
    mayContain: scan.mayContain,
    maxWordRunAt: (index) => runs.longestAt(index),
    secondWordRunAt: (index) => runs.secondAt(index),
    jsonByKey,
    indexes: indexEvidence(evidence),
    textAt: createTextLookup(evidence, lines),
    forLinesContaining: createNeedleSearch(joined, lowerAt, prepared.needles, scan),
    forLinesMatching: createJoinedSearch(lines),
  };
}

// The evidence's lines as they are when none holds a colour code (the common case: no copy of a
// list that can hold millions of lines), then one compact line per multi-line JSON value.
function viewLinesOf(evidence: Evidence): ViewLines {
  const store = evidence.lines;
  let texts: string[] | undefined;
  // One search of the joined paste (shared with the other whole-paste scans) rules out colour
  // codes in all of its lines at once; the config's lines are then the only ones to look at.
  const from = store.pasteCount > 0 && !store.joinedPaste().text.includes('\u001b') ? store.pasteCount : 0;
  for (let index = from; index < store.length; index++) {
    const text = store.textAt(index);
    if (!text.includes('\u001b')) continue;
    if (texts === undefined) {
      texts = new Array<string>(store.length);
      for (let at = 0; at < store.length; at++) texts[at] = store.textAt(at);
    }
    // Colour codes are dropped before patterns run, as normalizeForMatch drops them for literals:
    // the words a pattern sees are then exactly the words the anchor prefilter saw.
    texts[index] = withoutColourCodes(text);
  }
  return new ViewLines(store, texts, compactJsonLines(evidence, texts));
}

// Text for excerpts: a non-blank line of the paste or config as the view holds it (colour codes
// removed; the view's lines start with the evidence's, index for index), else the line of a
// config's source (blank lines inside a config block), else ''.
function createTextLookup(evidence: Evidence, lines: ViewLines): EvidenceView['textAt'] {
  let configLines: { input: InputName; first: number; lines: string[] }[] | undefined;
  return (input, line) => {
    const at = evidence.lines.findLine(input, line);
    if (at >= 0) return lines.textAt(at);
    configLines ??= evidence.configs.map((config) => ({ input: config.input, first: config.line, lines: config.source.split(/\r?\n/) }));
    for (const config of configLines) {
      if (config.input !== input) continue;
      const text = config.lines[line - config.first];
      if (text !== undefined) return text;
    }
    return '';
  };
}

// One search of the joined lines per pattern (the lines' own join, shared with the needle search's
// source when it is the paste itself): the regex engine's own scan finds the next line worth a
// test, where testing line after line costs a regex call each.
function createJoinedSearch(lines: ViewLines): EvidenceView['forLinesMatching'] {
  let joined: JoinedLines | undefined;
  const searches = new Map<RegExp, RegExp>();
  return (regex, from, visit) => {
    joined ??= lines.join();
    const { text, starts } = joined;
    if (from >= starts.length) return;
    let search = searches.get(regex);
    if (search === undefined) {
      search = new RegExp(regex.source, `${regex.flags.replace(/[gmy]/g, '')}gm`);
      searches.set(regex, search);
    }
    search.lastIndex = starts[from] as number;
    for (;;) {
      const found = search.exec(text);
      if (found === null) return;
      const line = lineAt(starts, found.index);
      if (visit(line) || line + 1 >= starts.length) return;
      // On from the next line: this one is decided.
      search.lastIndex = starts[line + 1] as number;
    }
  };
}

// The indexes below `count` (ascending) for which `isListed` holds, counted first so that the list
// is one typed array of its exact size; null when they are more than a quarter of all: walking
// every index is then as quick, and a paste of millions of lines keeps no list of them. The count
// stops as soon as it passes that quarter (a bound most lines meet is known after a quarter of them).
function listIndexes(count: number, isListed: (index: number) => boolean): Int32Array | null {
  let size = 0;
  for (let index = 0; index < count; index++) if (isListed(index) && ++size * 4 > count) return null;
  const listed = new Int32Array(size);
  let at = 0;
  for (let index = 0; index < count && at < size; index++) if (isListed(index)) listed[at++] = index;
  return listed;
}

// Visits the indexes below `count` whose measure is at least a bound (the longest word run, the
// length), from a list made once per bound (listIndexes). The first list that looks at every index
// (no bound met by a quarter of them has one) tells the largest measure: a bound beyond it lists
// nothing without a pass, on a paste of millions of short lines. Looking for that largest measure
// first took a pass over every line where a bound most lines meet stops at a quarter of them
// (10 MB log, a length bound of 2: 0.95 ms against 0.2 ms).
function createBoundListing(count: number, measureAt: (index: number) => number): (bound: number, visit: (index: number) => boolean) => void {
  let largest = -1;
  const byBound = new Map<number, Int32Array | null>();
  return (bound, visit) => {
    if (largest >= 0 && bound > largest) return;
    let listed = byBound.get(bound);
    if (listed === undefined) {
      let seen = 0;
      listed = listIndexes(count, (index) => {
        const measure = measureAt(index);
        if (measure > seen) seen = measure;
        return measure >= bound;
      });
      if (listed !== null) largest = seen;
      byBound.set(bound, listed);
    }
    visitListed(listed, count, visit);
  };
}

// Visits the listed indexes, or every index below `count` when there is no list, until `visit` returns true.
function visitListed(listed: Int32Array | null, count: number, visit: (index: number) => boolean): void {
  if (listed === null) {
    for (let index = 0; index < count; index++) if (visit(index)) return;
    return;
  }
  for (let at = 0; at < listed.length; at++) if (visit(listed[at] as number)) return;
}

function flagLines(count: number, indexes: readonly number[]): Uint8Array {
  const flags = new Uint8Array(count);
  for (const index of indexes) flags[index] = 1;
  return flags;
}

function indexEvidence(evidence: Evidence): EvidenceIndexes {
  const statuses = new Map<number, StatusSeen>();
  for (const seen of evidence.statuses) if (!statuses.has(seen.status)) statuses.set(seen.status, seen);
  const responseHeaders = new Map<string, HeaderLine[]>();
  let firstResponseWithHeaders: HttpResponse | undefined;
  for (const response of evidence.responses) {
    if (response.headers.length > 0) firstResponseWithHeaders ??= response;
    for (const header of response.headers) pushTo(responseHeaders, header.name, header);
  }
  // An access-log line shows a request but not its headers: it can neither show nor rule out a header.
  const requestHeaders = new Map<string, HeaderLine[]>();
  let firstRequestWithHeaders: HttpRequest | undefined;
  for (const request of evidence.requests) {
    if (request.source === 'access-log') continue;
    firstRequestWithHeaders ??= request;
    for (const header of request.headers) pushTo(requestHeaders, header.name, header);
  }
  const exceptions = new Map<string, PythonException[]>();
  for (const exception of evidence.exceptions) pushTo(exceptions, lastTypePart(exception.type), exception);
  return { statuses, responseHeaders, firstResponseWithHeaders, requestHeaders, firstRequestWithHeaders, exceptions };
}

/** The part of a raw line a pattern is tested on. */
export function patternWindow(raw: string): string {
  return raw.length > MAX_PATTERN_LINE ? raw.slice(0, MAX_PATTERN_LINE) : raw;
}

function safeNormalize(text: string): string {
  try {
    return normalizeForMatch(text);
  } catch {
    return text.toLowerCase();
  }
}

// A JSON body pretty-printed over many lines holds literals such as `{"tools":[]}` that no single
// line shows; its compact form is tested as one more body line. `lines` are the evidence's lines
// with colour codes removed (`texts`, when some line had them).
function compactJsonLines(evidence: Evidence, texts: readonly string[] | undefined): ViewLine[] {
  const compact: ViewLine[] = [];
  const store = evidence.lines;
  for (const seen of evidence.json) {
    if (seen.value === null || typeof seen.value !== 'object') continue;
    const at = store.findLine(seen.input, seen.line);
    const text = at < 0 ? '' : texts !== undefined ? (texts[at] ?? '') : store.textAt(at);
    if (text.length > 2 && !/^\s*[[{]\s*$/.test(text)) continue;
    compact.push({ input: seen.input, line: seen.line, place: at >= 0 ? store.placeAt(at) : 'body', text: asText(seen.value) });
  }
  return compact;
}
