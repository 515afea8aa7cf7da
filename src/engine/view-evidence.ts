/**
 * The per-paste view the matcher works on: every line normalised once, the lines each literal's
 * anchor word occurs on (one pass over the tokens of the paste), and lookups for explanations.
 */
import type { Evidence, HeaderLine, HttpRequest, HttpResponse, InputName, JsonSeen, Place, PythonException, StatusSeen } from './evidence.ts';
import { normalizeForMatch } from './normalize.ts';
import type { PreparedIndex } from './prepare-rules.ts';
import { asText } from './value-test.ts';

/** One line the literals are tested on: a pasted line, or a multi-line JSON value made compact. */
export interface ViewLine {
  /** Which input. */
  input: InputName;
  /** 1-based line in that input. */
  line: number;
  /** The place the parser gave it. */
  place: Place;
  /** The text without colour codes (patterns test this). */
  raw: string;
  /** The normalised text, computed on first use (text literals test this). */
  norm: string | undefined;
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
  /** The lines literals are tested on. */
  lines: ViewLine[];
  /** literal id → indexes into `lines` where its anchor occurs (ascending). */
  candidates: Map<number, number[]>;
  /** JSON values by their first key (objects) or `*` (arrays and scalars). */
  jsonByKey: Map<string, JsonSeen[]>;
  /** Evidence grouped for the non-literal facts. */
  indexes: EvidenceIndexes;
  /** The text of a line of an input (colour codes removed), for excerpts. */
  textAt(input: InputName, line: number): string;
  /** Indexes into `lines` whose text contains a lower-case needle (case-insensitively), ascending. */
  linesContaining(needle: string): number[];
}

// Patterns are tested on at most this many characters of a line: a bound on regex work for
// single-line megabyte pastes (minified JSON, binary junk) that no real signature needs.
const MAX_PATTERN_LINE = 16_384;
// The same colour-code shape normalizeForMatch removes.
const ANSI = /\u001b\[[0-9;]{0,20}[A-Za-z]/g;

/** Builds the view of a paste's evidence for one index. */
export function viewEvidence(evidence: Evidence, prepared: PreparedIndex): EvidenceView {
  const lines: ViewLine[] = [];
  const text: Record<InputName, string[]> = { paste: [], config: [] };
  const places: Record<InputName, Place[]> = { paste: [], config: [] };
  for (const line of evidence.lines) {
    // Colour codes are dropped before patterns run, as normalizeForMatch drops them for literals:
    // the words a pattern sees are then exactly the words the anchor prefilter saw.
    const raw = line.text.includes('\u001b') ? line.text.replace(ANSI, '') : line.text;
    lines.push({ input: line.input, line: line.line, place: line.place, raw, norm: undefined });
    text[line.input][line.line] = raw;
    places[line.input][line.line] = line.place;
  }
  addCompactJson(evidence, lines, text, places);
  for (const config of evidence.configs) {
    config.source.split(/\r?\n/).forEach((sourceLine, offset) => {
      const at = config.line + offset;
      if (text[config.input][at] === undefined) text[config.input][at] = sourceLine;
    });
  }
  const jsonByKey = new Map<string, JsonSeen[]>();
  for (const seen of evidence.json) {
    const value = seen.value;
    const keys = value && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : ['*'];
    for (const key of keys) pushTo(jsonByKey, key, seen);
  }
  return {
    evidence,
    lines,
    candidates: findCandidates(lines, prepared),
    jsonByKey,
    indexes: indexEvidence(evidence),
    textAt: (input, line) => text[input]?.[line] ?? '',
    linesContaining: createNeedleSearch(lines),
  };
}

// One lower-cased copy of the whole text, searched with indexOf per needle: far cheaper than
// testing every line when a literal has no anchor word.
function createNeedleSearch(lines: readonly ViewLine[]): (needle: string) => number[] {
  let joined: string | undefined;
  let starts: number[] = [];
  const cache = new Map<string, number[]>();
  return (needle) => {
    const cached = cache.get(needle);
    if (cached) return cached;
    if (joined === undefined) {
      starts = [];
      let offset = 0;
      for (const line of lines) {
        starts.push(offset);
        offset += line.raw.length + 1;
      }
      const plain = lines.map((line) => line.raw).join('\n');
      const lower = plain.toLowerCase();
      // Lower-casing a few characters changes the length (İ): then offsets would lie; search per line.
      joined = lower.length === plain.length ? lower : '';
    }
    const found: number[] = [];
    if (joined === '' && lines.length > 0) {
      lines.forEach((line, index) => {
        if (line.raw.toLowerCase().includes(needle)) found.push(index);
      });
    } else {
      let from = 0;
      for (;;) {
        const at = joined.indexOf(needle, from);
        if (at < 0) break;
        let low = 0;
        let high = starts.length - 1;
        while (low < high) {
          const mid = (low + high + 1) >> 1;
          if ((starts[mid] ?? 0) <= at) low = mid;
          else high = mid - 1;
        }
        found.push(low);
        from = (starts[low + 1] ?? joined.length) as number;
      }
    }
    cache.set(needle, found);
    return found;
  };
}

/** The normalised text of a view line, computed once. */
export function normOf(line: ViewLine): string {
  if (line.norm === undefined) line.norm = safeNormalize(line.raw);
  return line.norm;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
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

/** The lower-cased last dotted part of a Python type (`httpx.ConnectError` → `connecterror`). */
export function lastTypePart(type: string): string {
  const lower = type.toLowerCase();
  const dot = lower.lastIndexOf('.');
  return dot < 0 ? lower : lower.slice(dot + 1);
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
// line shows; its compact form is tested as one more body line.
function addCompactJson(evidence: Evidence, lines: ViewLine[], text: Record<InputName, string[]>, places: Record<InputName, Place[]>): void {
  for (const seen of evidence.json) {
    if (seen.value === null || typeof seen.value !== 'object') continue;
    const source = text[seen.input]?.[seen.line] ?? '';
    if (source.length > 2 && !/^\s*[[{]\s*$/.test(source)) continue;
    const compact = asText(seen.value);
    lines.push({ input: seen.input, line: seen.line, place: places[seen.input]?.[seen.line] ?? 'body', raw: compact, norm: undefined });
  }
}

// Tokens are read from the text without colour codes, folding ASCII case on the fly and hashing
// as they go, so the scan allocates nothing for the many tokens that are no anchor. Tokens of the
// folded text are the tokens of the normalised text: normalisation only lower-cases, drops
// colour codes (already gone) and changes spacing between non-word characters.
function findCandidates(lines: readonly ViewLine[], prepared: PreparedIndex): Map<number, number[]> {
  const candidates = new Map<number, number[]>();
  const { anchorHashes } = prepared;
  const { min, max } = prepared.anchorLength;
  if (anchorHashes.size === 0) return candidates;
  for (let index = 0; index < lines.length; index++) {
    const raw = (lines[index] as ViewLine).raw;
    let start = -1;
    let hash = 0;
    for (let i = 0; i <= raw.length; i++) {
      let code = i < raw.length ? raw.charCodeAt(i) : 32;
      if (code >= 65 && code <= 90) code += 32;
      if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 95) {
        if (start < 0) {
          start = i;
          hash = 0;
        }
        hash = (Math.imul(hash, 31) + code) | 0;
        continue;
      }
      if (start < 0) continue;
      const length = i - start;
      if (length >= min && length <= max) {
        const entries = anchorHashes.get(hash);
        if (entries) {
          for (const entry of entries) {
            if (entry.word.length !== length || !isSameFolded(raw, start, entry.word)) continue;
            for (const id of entry.ids) {
              const list = candidates.get(id);
              if (!list) candidates.set(id, [index]);
              else if (list[list.length - 1] !== index) list.push(index);
            }
          }
        }
      }
      start = -1;
    }
  }
  return candidates;
}

function isSameFolded(text: string, start: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) {
    let code = text.charCodeAt(start + k);
    if (code >= 65 && code <= 90) code += 32;
    if (code !== word.charCodeAt(k)) return false;
  }
  return true;
}
