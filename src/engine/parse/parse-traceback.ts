import type { InputName, PythonException, TracebackFrame } from '../evidence.ts';
import { ALL_MARKS, hasMark, MARK } from './line-marks.ts';
import { firstNonSpace, headOf, leadSet, leadsWithOneOf, type LineList } from './split-lines.ts';

const TRACEBACK_START = /^\s{0,40}(?:[|+]\s{0,4}){0,8}(?:Exception Group )?Traceback \(most recent call last\):/;
const CHAIN_MARKER = /^\s{0,40}(?:\|\s{0,4}){0,8}(?:During handling of the above exception, another exception occurred:|The above exception was the direct cause of the following exception:)/;
const FRAME = /^\s{0,8}File "([^"]{1,1000})", line (\d{1,9})(?:, in (.{1,300}))?$/;
const EXCEPTION_LINE = /^([A-Za-z_][\w]{0,100}(?:\.[A-Za-z_][\w]{0,100}){0,20})(?::(?: (.*)|$)|$)/;
const BOX_SEPARATOR = /^-?[+-]{0,2}-{4,}/;

// `Traceback` or `Exception Group`, possibly inside an ExceptionGroup's box (`|`, `+`), opens the line.
const TRACEBACK_LEADS = leadSet('TE|+');
// `During…` or `The above…`, possibly inside an ExceptionGroup's box (`|`), opens the line.
const CHAIN_LEADS = leadSet('DT|');

/** Whether a line opens a Python traceback (plain or an ExceptionGroup's); `lead` is the index of its first non-space character. */
export function isTracebackStart(head: string, lead = firstNonSpace(head)): boolean {
  return leadsWithOneOf(head, TRACEBACK_LEADS, lead) && head.includes('Traceback (') && TRACEBACK_START.test(head);
}

/**
 * Whether a line joins two chained tracebacks (`During handling…`, `The above exception was the
 * direct cause…`); `lead` is the index of its first non-space character.
 */
export function isChainMarker(head: string, lead = firstNonSpace(head)): boolean {
  return leadsWithOneOf(head, CHAIN_LEADS, lead) && head.includes('above exception') && CHAIN_MARKER.test(head);
}

/** What reading a traceback found. */
export interface TracebackRead {
  /** Every exception in it: the last line of each traceback, each ExceptionGroup sub-exception its own entry. */
  exceptions: PythonException[];
  /** Index of the first line after the traceback. */
  next: number;
}

/**
 * Reads one Python traceback starting at `start`: frames (`File "…", line N, in f`), the exception
 * line and a message that runs over several lines; and the Python 3.11+ ExceptionGroup rendering,
 * where each `|`-boxed sub-exception (nested to any depth) becomes its own exception with its
 * depth. Chained tracebacks inside a box are read too; chains outside a box are read as the next
 * traceback by the caller. `isOtherStart` says when a line clearly starts something else, which
 * ends an exception message.
 */
export function readTraceback(
  lines: LineList,
  start: number,
  end: number,
  input: InputName,
  isOtherStart: (head: string) => boolean,
): TracebackRead {
  const exceptions: PythonException[] = [];
  const frames: TracebackFrame[][] = [];
  const firstHead = headOf(lines.textAt(start));
  const indent = firstHead.length - firstHead.trimStart().length;
  const isBoxed = /^\s*\+/.test(firstHead);
  const boxColumn = indent;
  let lastException: PythonException | undefined;
  let messageLines = 0;
  let index = start;
  for (; index < end; index++) {
    if (index >= lines.length) break;
    const head = headOf(lines.textAt(index));
    let depth = 0;
    let content: string;
    let isSeparator = false;
    if (isBoxed) {
      const spaces = head.length - head.trimStart().length;
      const mark = head[spaces];
      if (head.trim() === '') {
        // Python leaves no blank lines inside a box; a blank line ends it.
        break;
      }
      if ((mark !== '|' && mark !== '+') || spaces < boxColumn) break;
      depth = Math.max(0, Math.floor((spaces - boxColumn) / 2));
      content = head.slice(spaces + 1);
      if (content.startsWith(' ')) content = content.slice(1);
      if (mark === '+') {
        if (BOX_SEPARATOR.test(content)) isSeparator = true;
        else if (/^-?\+?-*$/.test(content.trim())) isSeparator = true;
      }
      if (isSeparator) {
        lastException = undefined;
        // `+------------------------------------` at the outer column closes the whole group.
        if (depth === 0 && /^-{10,}\s*$/.test(content)) {
          index++;
          break;
        }
        continue;
      }
    } else {
      if (head.trim() === '') {
        if (lastException !== undefined || index > start) {
          break;
        }
        continue;
      }
      const spaces = head.length - head.trimStart().length;
      content = spaces >= indent ? head.slice(indent) : head.trimStart();
      if (index > start && lastException !== undefined && isOtherStart(head)) break;
      if (index > start && lastException === undefined && spaces < indent) {
        // Something less indented than the traceback header that is no exception line ends it.
        if (!EXCEPTION_LINE.test(head.trimStart())) break;
      }
    }
    const frame = FRAME.exec(content.length > 1400 ? content.slice(0, 1400) : content);
    if (TRACEBACK_START.test(content)) {
      frames[depth] = [];
      lastException = undefined;
      continue;
    }
    if (CHAIN_MARKER.test(content)) {
      lastException = undefined;
      continue;
    }
    if (frame) {
      (frames[depth] ??= []).push({ input, line: lines.lineAt(index), file: frame[1] ?? '', fileLine: Number(frame[2]), function: (frame[3] ?? '').trim() });
      lastException = undefined;
      continue;
    }
    if (/^\s/.test(content) || content.trim() === '') {
      // A source line, a caret line (`^^^^`), or a note.
      continue;
    }
    if (lastException !== undefined && lastException.depth === depth && messageLines < 40) {
      if (!EXCEPTION_LINE.test(content) || !/^[\w.]+(?:Error|Exception|Group|Warning)\b/.test(content)) {
        lastException.message += `\n${content}`;
        messageLines++;
        continue;
      }
    }
    const exception = EXCEPTION_LINE.exec(content);
    if (exception) {
      const found: PythonException = {
        input,
        line: lines.lineAt(index),
        type: exception[1] ?? '',
        message: (exception[2] ?? '').trim(),
        frames: frames[depth] ?? [],
        depth,
      };
      frames[depth] = [];
      exceptions.push(found);
      lastException = found;
      messageLines = 0;
      continue;
    }
    if (!isBoxed) break;
  }
  return { exceptions, next: Math.max(index, start + 1) };
}

// A type name that is module-qualified, or ends like an exception class, followed by `: message`.
// It starts where a run of word characters and dots starts (nothing of the kind before it), so
// it is tried only at the starts of the runs that hold one of the words: running it over the
// whole line, with its look-behind at every position, costs microseconds per line.
const INLINE_EXCEPTION = /((?:[A-Za-z_]\w{0,100}\.){0,12}[A-Za-z_]\w{0,100}?(?:Error|Exception|ExceptionGroup|Timeout|Cancelled|Exit))(?::\s?|(?=\s|$|,))/y;
/** The words an exception type ends with (`ExceptionGroup` holds `Exception`). */
const EXCEPTION_WORDS: readonly string[] = ['Error', 'Exception', 'Timeout', 'Cancelled', 'Exit'];

/**
 * Literals one of which a line holding an exception word holds, what the pre-pass marks as
 * `exceptionWord`: the words, but `Exception` and `Exit` from their `x`, since a search starts
 * at a literal's first letter and every DEBUG or ERROR line holds an `E`.
 */
export const EXCEPTION_CLUES: readonly string[] = ['Error', 'xception', 'Timeout', 'Cancelled', 'xit'];
/**
 * Whether a line holds one of the words an exception type ends with (`Error`, `Exception`,
 * `Timeout`, `Cancelled`, `Exit`): the cheap test before the heavier patterns run. Looking for
 * each word's capital first is several times faster than one alternation pattern on long lines.
 * `marks` are those of the line the text is part of (line-marks.ts).
 */
export function namesException(text: string, marks = ALL_MARKS): boolean {
  if (!hasMark(marks, MARK.exceptionWord) || text.length < 4) return false;
  return (
    (text.includes('E') && (text.includes('Error') || text.includes('Exception') || text.includes('Exit'))) ||
    (text.includes('T') && text.includes('Timeout')) ||
    (text.includes('C') && text.includes('Cancelled'))
  );
}
const LITELLM_ERROR_TYPE = /Error Type: ([A-Za-z_][\w.]{0,200}), Error: (.{0,2000}?)(?:, Server: |, Prompt: |$)/;

/** An exception named inside a line of text. */
export interface InlineException {
  /** The type as printed. */
  type: string;
  /** The message after it (possibly empty). */
  message: string;
}

/**
 * Finds the exception a log line or client message names in passing: LiteLLM's
 * `Error Type: ExceptionGroup, Error: unhandled errors in a TaskGroup (1 sub-exception)`, or a
 * type followed by a colon (`… - Error: httpx.ConnectError: All connection attempts failed`,
 * `McpError: MCP error -32001: Request timed out`). A bare word without a colon only counts
 * when module-qualified (`litellm.proxy._types.ProxyException`). At most one per line. `marks`
 * are those of the line the text is part of (line-marks.ts).
 */
export function findInlineException(text: string, marks = ALL_MARKS): InlineException | undefined {
  if (!namesException(text, marks)) return undefined;
  const litellm = text.includes('Error Type: ') ? LITELLM_ERROR_TYPE.exec(text) : null;
  if (litellm) return { type: litellm[1] ?? '', message: (litellm[2] ?? '').trim() };
  let resumeAt = 0;
  for (const start of runStartsWithWords(text)) {
    if (start < resumeAt) continue;
    INLINE_EXCEPTION.lastIndex = start;
    const match = INLINE_EXCEPTION.exec(text);
    if (match === null) continue;
    // A match that does not count lets the search go on after it, as a global search would.
    resumeAt = start + match[0].length;
    const type = match[1] ?? '';
    const hasColon = match[0].includes(':');
    if (!hasColon && !type.includes('.')) continue;
    if (type.includes('.') && /^\d|\.\d/.test(type)) continue;
    const message = hasColon ? text.slice(match.index + match[0].length).trim() : '';
    return { type, message };
  }
  return undefined;
}

// Whether a code unit is `\w` or a dot.
function isWordOrDot(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 46;
}

// The starts of the runs of word characters and dots that hold an exception word and begin with
// a letter or `_`, in order. Each run is walked once, however many words it holds.
function runStartsWithWords(text: string): number[] {
  const hits: number[] = [];
  for (const word of EXCEPTION_WORDS) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) hits.push(at);
  }
  hits.sort((a, b) => a - b);
  const starts: number[] = [];
  let coveredUntil = 0;
  for (const hit of hits) {
    if (hit < coveredUntil) continue;
    let start = hit;
    while (start > coveredUntil && isWordOrDot(text.charCodeAt(start - 1))) start--;
    let end = hit;
    while (end < text.length && isWordOrDot(text.charCodeAt(end))) end++;
    coveredUntil = end;
    const first = text.charCodeAt(start);
    if ((first >= 97 && first <= 122) || (first >= 65 && first <= 90) || first === 95) starts.push(start);
  }
  return starts;
}

/**
 * Whether a whole line is an exception line on its own (`httpx.ConnectError: All connection
 * attempts failed`); `marks` are the line's (line-marks.ts).
 */
export function isStandaloneExceptionLine(head: string, marks = ALL_MARKS): InlineException | undefined {
  if (!namesException(head, marks)) return undefined;
  const trimmed = head.trim();
  const match = /^((?:[A-Za-z_]\w{0,100}\.){0,12}[A-Za-z_]\w{0,100}?(?:Error|Exception|ExceptionGroup|Timeout|Cancelled|Exit))(?::\s?(.*))?$/.exec(trimmed);
  if (!match) return undefined;
  const type = match[1] ?? '';
  if (match[2] === undefined && !type.includes('.')) return undefined;
  return { type, message: (match[2] ?? '').trim() };
}
