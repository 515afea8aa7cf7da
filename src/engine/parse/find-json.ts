/** The most characters a single JSON value may span before the scanner gives up on it. */
export const MAX_JSON_CHARS = 2_000_000;

/**
 * Finds where the JSON value that opens at `start` (a `{` or `[`) closes, honouring strings and
 * escapes. Returns the index just past the closing bracket, or -1 when it does not close within
 * the text (or within `limit` characters). Linear in the characters scanned.
 */
export function findJsonEnd(text: string, start: number, limit = MAX_JSON_CHARS): number {
  const scanner = createJsonScanner();
  const stop = Math.min(text.length, start + limit);
  for (let index = start; index < stop; index++) {
    const state = scanner.feed(text.charCodeAt(index));
    if (state === 'closed') return index + 1;
    if (state === 'broken') return -1;
  }
  return -1;
}

/** What feeding one character to the scanner found. */
export type ScanState = 'open' | 'closed' | 'broken';

/** A bracket-balancing scanner that can be fed character by character across lines. */
export interface JsonScanner {
  /** Feeds one UTF-16 code unit; reports whether the value closed, stays open, or cannot be JSON. */
  feed(code: number): ScanState;
}

/** Creates a scanner for a value that starts with the first character fed (a `{` or `[`). */
export function createJsonScanner(): JsonScanner {
  const stack: number[] = [];
  let inString = false;
  let escaped = false;
  let started = false;
  return {
    feed(code: number): ScanState {
      if (!started) {
        started = true;
        if (code !== 123 && code !== 91) return 'broken';
        stack.push(code === 123 ? 125 : 93);
        return 'open';
      }
      if (inString) {
        if (escaped) escaped = false;
        else if (code === 92) escaped = true;
        else if (code === 34) inString = false;
        return 'open';
      }
      if (code === 34) inString = true;
      else if (code === 123) stack.push(125);
      else if (code === 91) stack.push(93);
      else if (code === 125 || code === 93) {
        if (stack.pop() !== code) return 'broken';
        if (stack.length === 0) return 'closed';
      }
      return 'open';
    },
  };
}

/** Parses JSON without throwing; undefined when the text is not JSON. */
export function tryParseJson(text: string): { value: unknown } | undefined {
  // A failed JSON.parse throws, which is slow: text whose start no JSON value can have
  // (`grant_type=…` form bodies, `[oauth]` sections, `{'a': 1}`) is refused before parsing.
  if (!canStartJson(text)) return undefined;
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

// JSON whitespace: space, tab, line feed, carriage return.
function skipJsonSpace(text: string, from: number): number {
  let index = from;
  for (;;) {
    const code = text.charCodeAt(index);
    if (code !== 32 && code !== 9 && code !== 10 && code !== 13) return index;
    index++;
  }
}

// Whether the text can be JSON by its first value character (and, for `{`, the next one).
function canStartJson(text: string): boolean {
  const at = skipJsonSpace(text, 0);
  const code = text.charCodeAt(at);
  if (code === 123) {
    const next = text.charCodeAt(skipJsonSpace(text, at + 1));
    return next === 34 || next === 125;
  }
  if (code === 91) {
    const next = text.charCodeAt(skipJsonSpace(text, at + 1));
    return next === 93 || isValueStart(next);
  }
  return isValueStart(code);
}

// `{ [ " -`, a digit, or the first letter of true, false, null.
function isValueStart(code: number): boolean {
  return code === 123 || code === 91 || code === 34 || code === 45 || (code >= 48 && code <= 57) || code === 116 || code === 102 || code === 110;
}

/**
 * Finds JSON objects or arrays embedded in one line of text (`… (HTTP 500): {"error":"x"}`).
 * Looks at no more than `maxStarts` candidate openings and returns the values that parse, in
 * order. Arrays are only taken when they hold objects or are empty, so `[12345]` or
 * `[Authorization]` in prose do not count as JSON.
 */
export function findEmbeddedJson(text: string, maxStarts = 4): Array<{ value: unknown; start: number; end: number }> {
  const found: Array<{ value: unknown; start: number; end: number }> = [];
  let from = 0;
  let attempts = 0;
  while (attempts < maxStarts && from < text.length) {
    const brace = text.indexOf('{', from);
    const bracket = text.indexOf('[', from);
    const start = brace < 0 ? bracket : bracket < 0 ? brace : Math.min(brace, bracket);
    if (start < 0) break;
    attempts++;
    if (!isPlausibleJsonStart(text, start)) {
      from = start + 1;
      continue;
    }
    const end = findJsonEnd(text, start, 200_000);
    if (end < 0) {
      from = start + 1;
      continue;
    }
    const parsed = tryParseJson(text.slice(start, end));
    if (parsed && isWorthReporting(parsed.value)) {
      found.push({ value: parsed.value, start, end });
      from = end;
    } else {
      from = start + 1;
    }
  }
  return found;
}

/**
 * Whether the bracket at `start` can open JSON: `{` must be followed by `"` or `}`, `[` by a
 * value. Rejects `[DEBUG]`, `{ [43 bytes data]` and `${VAR}` before any parse is attempted
 * (a failed JSON.parse throws, which is slow).
 */
export function isPlausibleJsonStart(text: string, start: number): boolean {
  let index = start + 1;
  while (index < text.length && (text[index] === ' ' || text[index] === '\t')) index++;
  if (index >= text.length) return true;
  const next = text[index] as string;
  if (text[start] === '{') return next === '"' || next === '}';
  return next === '{' || next === '[' || next === '"' || next === ']' || next === '-' || (next >= '0' && next <= '9') || next === 't' || next === 'f' || next === 'n';
}

function isWorthReporting(value: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0 || value.some((item) => typeof item === 'object' && item !== null);
  return typeof value === 'object' && value !== null;
}
