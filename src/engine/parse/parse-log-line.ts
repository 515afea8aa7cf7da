import { ALL_MARKS, hasMark, MARK } from './line-marks.ts';

/** A log line as far as its format could be read. */
export type LogLine =
  | {
      /** LiteLLM's own logger: `15:29:02 - LiteLLM:ERROR: client.py:165 - …`, `LiteLLM Proxy:DEBUG: …`. */
      kind: 'litellm';
      /** The level (`ERROR`). */
      level: string;
      /** The logger name (`LiteLLM`, `LiteLLM Proxy`, `LiteLLM Router`). */
      logger: string;
      /** The source file, when printed (`client.py`). */
      file?: string;
      /** The line in that file. */
      fileLine?: number;
      /** The message after the prefix. */
      message: string;
    }
  | {
      /** Python's default logging format (`ERROR:LiteLLM:…`) or uvicorn's (`ERROR:    Exception in ASGI application`). */
      kind: 'python-logging';
      /** The level. */
      level: string;
      /** The logger name, when printed. */
      logger?: string;
      /** The message. */
      message: string;
    }
  | {
      /** An access-log line: uvicorn (`INFO:     10.0.0.5:51234 - "POST /github/mcp HTTP/1.1" 500 Internal Server Error`) or the common log format of nginx and friends. */
      kind: 'access';
      /** The request method. */
      method: string;
      /** The request target (`/github/mcp`). */
      target: string;
      /** The status code answered. */
      status: number;
      /** The rest of the line after the status (uvicorn prints the reason phrase). */
      rest: string;
    }
  | {
      /**
       * Another timestamped or levelled line (`2025-06-01 10:00:00,123 ERROR …`, `[ERROR] …`).
       * Its level is not kept: nothing reads it, and capturing it cost a match object per line
       * of a log that is nothing else.
       */
      kind: 'generic';
      /** The whole line (after a container's prefix). */
      message: string;
    };

// `15:29:02 - LiteLLM:ERROR: client.py:165 - msg`, optionally with a date and milliseconds.
const LITELLM_LINE =
  /^(?:\d{4}-\d\d-\d\d[ T])?\d\d:\d\d:\d\d(?:[.,]\d{1,6})?\s{1,4}-\s{1,4}(LiteLLM(?: [A-Z][A-Za-z]{0,20})?):(DEBUG|INFO|WARNING|WARN|ERROR|CRITICAL|EXCEPTION)\s?:?\s?(?:([\w.-]{1,100}\.py):(\d{1,7})\s{1,4}-\s?)?/;
// The same without the time (`LiteLLM Proxy:DEBUG: server.py:812 - …`).
const LITELLM_UNTIMED = /^(LiteLLM(?: [A-Z][A-Za-z]{0,20})?):(DEBUG|INFO|WARNING|WARN|ERROR|CRITICAL|EXCEPTION):\s?(?:([\w.-]{1,100}\.py):(\d{1,7})\s{1,4}-\s?)?/;
const PYTHON_LOGGING = /^(DEBUG|INFO|WARNING|ERROR|CRITICAL):([A-Za-z_][\w. -]{0,60}):(?!\/\/)/;
const UVICORN_LEVEL = /^(DEBUG|INFO|WARNING|ERROR|CRITICAL):\s+/;
// `"POST /github/mcp HTTP/1.1" 500` anywhere in the line (uvicorn, gunicorn, nginx).
const ACCESS_REQUEST = /"([A-Z]{3,7}) (\S{1,2000}) HTTP\/\d(?:\.\d)?" (\d{3})\b/;
// A date or `[`, then the level, optionally after a logger name (`2025-06-01 10:00:00 httpx INFO …`).
// Only tested, never captured: the level right after the date is tried first, as most logs print
// it, which skips the logger's greedy run and its giving back (128k lines: 7.0 → 4.6 ms).
const LEVEL_END = '(?:DEBUG|INFO|WARN|WARNING|ERROR|CRITICAL|FATAL|TRACE)\\]?[\\s:|-]';
const GENERIC_LEVEL = new RegExp(
  `^(?:\\[?\\d{4}-\\d\\d-\\d\\d[ T]\\d\\d:\\d\\d:\\d\\d[.,\\dZ+:-]{0,16}\\]?\\s{1,4}(?:-\\s{1,4}|\\|\\s{1,4})?|\\[)(?:\\[?${LEVEL_END}|[\\w.-]{1,40}\\s{1,4}(?:-\\s{1,4})?\\[?${LEVEL_END})`,
  'i',
);

/**
 * Strips what container runtimes put before a log line: a docker compose service column
 * (`litellm-1  | `) and a Kubernetes / docker timestamp (`2025-06-01T10:00:00.123456789Z stdout F `).
 * `marks` are the line's (line-marks.ts).
 */
export function stripLogPrefix(head: string, marks = ALL_MARKS): string {
  let text = head;
  const hasBar = hasMark(marks, MARK.bar) && text.includes('|');
  if (!hasBar && !startsWithYear(text)) return text;
  // Each pattern runs only when the character it cannot do without is there: the column's `|`,
  // the timestamp's `T` after the date (a plain `2026-01-01 12:00:00` log line has neither).
  const compose = hasBar ? /^[\w.-]{1,80}\s{1,40}\|\s/.exec(text) : null;
  if (compose) text = text.slice(compose[0].length);
  const stamp = text.charCodeAt(10) === 84 ? /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:?\d\d)\s(?:(?:stdout|stderr)\s[FP]\s)?/.exec(text) : null;
  if (stamp) text = text.slice(stamp[0].length);
  return text;
}

// `/^\d{4}-/` without running a pattern on every line.
function startsWithYear(text: string): boolean {
  if (text.charCodeAt(4) !== 45) return false;
  for (let index = 0; index < 4; index++) {
    const code = text.charCodeAt(index);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/**
 * Reads a log line's format: LiteLLM's logger, Python's default logging format, uvicorn's
 * levelled and access lines, or a generic timestamped/levelled line. Returns undefined for
 * anything else. Looks only at the (already bounded) head of the line; `marks` are the line's
 * (line-marks.ts).
 */
export function parseLogLine(head: string, marks = ALL_MARKS): LogLine | undefined {
  const text = stripLogPrefix(head, marks);
  const first = text.charCodeAt(0);
  const startsWithDigit = first >= 48 && first <= 57;
  const startsWithUpper = first >= 65 && first <= 90;
  // An access request holds ` HTTP/` (searched for only in a line that holds `HTTP`, and only
  // once it matters: with its leading space, the search is slow).
  const mayHoldRequest = (): boolean => hasMark(marks, MARK.http) && text.includes(' HTTP/');
  // Every format below starts with a digit, an upper-case letter, `[`, or holds an access request.
  if (!startsWithDigit && !startsWithUpper && first !== 91 && !mayHoldRequest()) return undefined;
  // The timed LiteLLM format starts with a digit, the untimed one with `LiteLLM`.
  const litellm = hasMark(marks, MARK.liteLlm) && text.includes('LiteLLM') ? (startsWithDigit ? LITELLM_LINE.exec(text) : first === 76 ? LITELLM_UNTIMED.exec(text) : null) : null;
  if (litellm) {
    const line: LogLine = { kind: 'litellm', logger: litellm[1] ?? 'LiteLLM', level: (litellm[2] ?? '').toUpperCase(), message: text.slice(litellm[0].length) };
    if (litellm[3] !== undefined) line.file = litellm[3];
    if (litellm[4] !== undefined) line.fileLine = Number(litellm[4]);
    return line;
  }
  const access = mayHoldRequest() ? ACCESS_REQUEST.exec(text) : null;
  if (access && (UVICORN_LEVEL.test(text) || /^\S{1,200} - /.test(text) || /^\d/.test(text))) {
    return { kind: 'access', method: access[1] ?? '', target: access[2] ?? '', status: Number(access[3]), rest: text.slice(access.index + access[0].length).trim() };
  }
  if (!startsWithDigit && !startsWithUpper && first !== 91) return undefined;
  // Python's and uvicorn's formats start with the level name, the generic one with `[` or a date.
  const startsWithLevel = first === 68 || first === 73 || first === 87 || first === 69 || first === 67;
  const python = startsWithLevel ? PYTHON_LOGGING.exec(text) : null;
  if (python) {
    return { kind: 'python-logging', level: python[1] ?? '', logger: (python[2] ?? '').trim(), message: text.slice(python[0].length) };
  }
  const uvicorn = startsWithLevel ? UVICORN_LEVEL.exec(text) : null;
  if (uvicorn) return { kind: 'python-logging', level: uvicorn[1] ?? '', message: text.slice(uvicorn[0].length) };
  if (!startsWithDigit && first !== 91) return undefined;
  // Anchored at the start: a match is the whole line's.
  return hasGenericLogStart(text) ? { kind: 'generic', message: text } : undefined;
}

/**
 * Whether a text starts as a generic timestamped or levelled log line does (`2025-06-01
 * 10:00:00,123 ERROR …`, `[ERROR] …`): the format parseLogLine tries last.
 */
export function hasGenericLogStart(text: string): boolean {
  return GENERIC_LEVEL.test(text);
}

/** The JSON log format (`json_logs: true`): an object with a message and a level. */
export function isJsonLogRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  const hasMessage = typeof record['message'] === 'string' || typeof record['msg'] === 'string';
  const hasLevel = typeof record['level'] === 'string' || typeof record['levelname'] === 'string' || typeof record['severity'] === 'string';
  return hasMessage && hasLevel;
}
