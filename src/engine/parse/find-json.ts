/** The most characters a single JSON value may span before the scanner gives up on it. */
export const MAX_JSON_CHARS = 2_000_000;

/**
 * Finds where the JSON value that opens at `start` (a `{` or `[`) closes, honouring strings and
 * escapes. Returns the index just past the closing bracket, or -1 when it does not close within
 * the text (or within `limit` characters). Linear in the characters scanned.
 */
export function findJsonEnd(text: string, start: number, limit = MAX_JSON_CHARS): number {
  const scanner = createJsonScanner();
  const end = scanJson(scanner, text, start, Math.min(text.length, start + limit));
  return end >= 0 ? end : -1;
}

/** `scanJson`'s answer when the text cannot be JSON (a bracket closes what it did not open). */
export const JSON_BROKEN = -1;
/** `scanJson`'s answer when the value is still open at the end of the range. */
export const JSON_OPEN = -2;

/** The state of a bracket-balancing scan that can be continued across lines. */
export interface JsonScanner {
  /** The closing brackets the open values wait for, innermost last. */
  stack: number[];
  /** Whether the scan is inside a string. */
  inString: boolean;
  /** Whether the previous character was a backslash inside a string. */
  escaped: boolean;
  /** Whether the first character (the opening bracket) was seen. */
  started: boolean;
  /**
   * False once the scan met something no JSON text holds: outside strings a character that is
   * not whitespace, punctuation, part of a number or of true/false/null (`[t.name for t in …]`,
   * Python's `True`, `[type=url_parsing, …]`) or a digit followed by `-` or `:` (a bracketed
   * date or time, `[2026-01-01 12:00:05]`: in JSON a `-` follows a digit only as `e-`, and a key is
   * a string); inside strings a raw control character or an unknown escape. Such a text is not parsed: a failed JSON.parse throws, which costs tens of
   * microseconds. It does not change where the scan says the value closes.
   */
  isPlausible: boolean;
}

/** Creates a scanner for a value that starts with the first character scanned (a `{` or `[`). */
export function createJsonScanner(): JsonScanner {
  return { stack: [], inString: false, escaped: false, started: false, isPlausible: true };
}

// ASCII characters JSON allows outside strings (RFC 8259: whitespace, structure, numbers, literals).
const JSON_OUTSIDE_STRINGS = new Uint8Array(128);
for (const char of ' \t\n\r{}[]:,-+.0123456789eEtrufalsn') JSON_OUTSIDE_STRINGS[char.charCodeAt(0)] = 1;

// Characters that may follow a backslash in a JSON string: " \ / b f n r t u.
function isJsonEscape(code: number): boolean {
  return code === 34 || code === 92 || code === 47 || code === 98 || code === 102 || code === 110 || code === 114 || code === 116 || code === 117;
}

/**
 * Scans `text` from `from` to `stop` (exclusive) with a scanner: returns the index just past
 * the bracket that closes the value, `JSON_BROKEN` when the text cannot be JSON, or `JSON_OPEN`
 * when the value is still open at `stop` (scan the next line to go on). One call per line
 * rather than per character keeps the state in locals while scanning.
 */
export function scanJson(scanner: JsonScanner, text: string, from: number, stop: number): number {
  let index = from;
  const { stack } = scanner;
  if (!scanner.started && index < stop) {
    scanner.started = true;
    const code = text.charCodeAt(index);
    if (code !== 123 && code !== 91) return JSON_BROKEN;
    stack.push(code === 123 ? 125 : 93);
    index++;
  }
  let inString = scanner.inString;
  let escaped = scanner.escaped;
  let isPlausible = scanner.isPlausible;
  let result: number = JSON_OPEN;
  // The character before this one outside strings (a closing quote counts; a new line starts afresh).
  let previous = 0;
  for (; index < stop; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (escaped) {
        escaped = false;
        if (!isJsonEscape(code)) isPlausible = false;
      } else if (code === 92) escaped = true;
      else if (code === 34) {
        inString = false;
        previous = code;
      } else if (code < 32) isPlausible = false;
      continue;
    }
    if ((code === 45 || code === 58) && previous >= 48 && previous <= 57) isPlausible = false;
    previous = code;
    if (code === 34) inString = true;
    else if (code === 123) stack.push(125);
    else if (code === 91) stack.push(93);
    else if (code === 125 || code === 93) {
      if (stack.pop() !== code) {
        result = JSON_BROKEN;
        break;
      }
      if (stack.length === 0) {
        result = index + 1;
        break;
      }
    } else if (code >= 128 || JSON_OUTSIDE_STRINGS[code] === 0) isPlausible = false;
  }
  scanner.inString = inString;
  scanner.escaped = escaped;
  scanner.isPlausible = isPlausible;
  return result;
}

/** Parses JSON without throwing; undefined when the text is not JSON. */
export function tryParseJson(text: string): { value: unknown } | undefined {
  // A failed JSON.parse throws, which is slow (tens of microseconds): text whose start no JSON
  // value can have (`grant_type=…` form bodies, `[oauth]` sections, `{'a': 1}`) is refused
  // before parsing, and so is an object or array whose brackets do not close exactly at the
  // end of the text (a body cut short by the paste, text after the value), which no valid JSON does.
  if (!canStartJson(text)) return undefined;
  const at = skipJsonSpace(text, 0);
  const code = text.charCodeAt(at);
  if (code === 123 || code === 91) {
    const scanner = createJsonScanner();
    const end = scanJson(scanner, text, at, text.length);
    if (end < 0 || !scanner.isPlausible || skipJsonSpace(text, end) !== text.length) return undefined;
  }
  return tryParseScannedJson(text);
}

/**
 * Parses JSON without throwing, for a text the caller already found to be one object or array
 * whose brackets close at its end (no second scan); undefined when the text is not JSON.
 */
export function tryParseScannedJson(text: string): { value: unknown } | undefined {
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
    const scanner = createJsonScanner();
    const end = scanJson(scanner, text, start, Math.min(text.length, start + 200_000));
    if (end < 0) {
      from = start + 1;
      continue;
    }
    // The slice is balanced by the scan; its first character was checked by isPlausibleJsonStart.
    const parsed = scanner.isPlausible ? tryParseScannedJson(text.slice(start, end)) : undefined;
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
