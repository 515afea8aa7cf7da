import type { HeaderLine, HttpRequest, HttpResponse } from '../evidence.ts';
import { findEmbeddedJson } from './find-json.ts';
import { type ParseContext, tagLines } from './parse-context.ts';
import { describeMcpTarget } from './parse-mcp-path.ts';
import { isSseStart, readSseEvents } from './parse-sse.ts';
import { readJsonBlock } from './read-json-block.ts';
import { firstNonSpace, headOf, isBlank } from './split-lines.ts';

const STATUS_LINE = /^\s{0,4}(HTTP\/\d(?:\.\d)?)\s{1,4}(\d{3})(?:\s{1,4}(.*?))?\s*$/;
const HEADER_LINE = /^([A-Za-z0-9!#$%&'*+.^_`|~-]{1,200}):[ \t]*(.*)$/;
const DATA_LINE = /^[{}] \[\d{1,12} bytes data\]/;
// curl's own `*` info lines; a Markdown bullet (`* item`) must not pass for one.
const CURL_INFO =
  /^\*\s{1,4}(?:Trying|Connected|Failed to connect|Could not resolve|Closing connection|Connection #|Connection died|Established|ALPN|SSL|TLS|TCP_NODELAY|Mark bundle|Using HTTP|using HTTP|Host |IPv[46]|Server certificate|subject:|start date:|expire date:|issuer:|subjectAltName|CAfile|CApath|Uses proxy|Request completely sent|upload completely|We are completely|HTTP\/|Added |Hostname|Re-using|OpenSSL|schannel|Recv failure|Send failure|Operation timed out|Empty reply|Received HTTP|Couldn't connect|connect to |Connection refused|Connection reset|Immediate connect fail|Resolving timed out|processing:|Copying HTTP\/2|h2 |\[HTTP\/2\]|old SSL|Cipher|SSL connection|Found bundle|Stream ID|Connection state changed|Issue another request|The requested URL returned error)/;
const REQUEST_LINE = /^([A-Z]{3,10}) (\S{1,8000}) (HTTP\/\d(?:\.\d)?)\s*$/;
const MAX_TEXT_BODY_LINES = 5000;

/** The parts of an HTTP status line. */
export interface StatusLine {
  /** `HTTP/1.1`, `HTTP/2`. */
  httpVersion: string;
  /** The status code. */
  status: number;
  /** The reason phrase, possibly empty. */
  reason: string;
}

/** Reads an HTTP status line (`HTTP/1.1 401 Unauthorized`, `HTTP/2 200`); `lead` is the index of its first non-space character. */
export function parseStatusLine(head: string, lead = firstNonSpace(head)): StatusLine | undefined {
  // `HTTP/` opens the line after at most four spaces: most lines are ruled out by one character.
  if (lead > 4 || head.charCodeAt(lead) !== 72 || !head.startsWith('HTTP/', lead)) return undefined;
  const match = STATUS_LINE.exec(head);
  if (!match) return undefined;
  const status = Number(match[2]);
  if (status < 100 || status > 599) return undefined;
  return { httpVersion: match[1] ?? '', status, reason: match[3] ?? '' };
}

// The token characters of a header name (RFC 9110 §5.6.2), as in HEADER_LINE.
const TOKEN_CHARS = new Uint8Array(128);
for (const char of "!#$%&'*+.^_`|~-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") TOKEN_CHARS[char.charCodeAt(0)] = 1;

/**
 * Reads a header line into a lower-cased name and its value: what HEADER_LINE matches (a name
 * of 1 to 200 token characters, a colon, the value up to the end with no line terminator),
 * read without running the pattern, which is the parser's most frequent one.
 */
export function parseHeaderLine(text: string): { name: string; value: string } | undefined {
  const line = text.length > 16000 ? text.slice(0, 16000) : text;
  let colon = 0;
  while (colon < line.length && colon <= 200) {
    const code = line.charCodeAt(colon);
    if (code >= 128 || TOKEN_CHARS[code] === 0) break;
    colon++;
  }
  if (colon === 0 || colon > 200 || line.charCodeAt(colon) !== 58) return undefined;
  const rest = line.slice(colon + 1);
  // `.` in HEADER_LINE stops at line terminators, so a value holding one does not match.
  if (LINE_TERMINATOR.test(rest)) return undefined;
  return { name: line.slice(0, colon).toLowerCase(), value: rest.trim() };
}

const LINE_TERMINATOR = /[\n\r\u2028\u2029]/;

/**
 * Whether a line is part of `curl -v` output: a curl info line (`* Trying…`), a `>` request
 * line, header or bare `>`, a `<` status line, header or bare `<`, or a `{ [n bytes data]`
 * progress line. A Markdown quote (`> text`) or bullet (`* text`) is not.
 */
export function isVerboseLine(head: string): boolean {
  const mark = head[0];
  if (mark === '*') return CURL_INFO.test(head);
  if (mark === '>' || mark === '<') {
    if (head.length === 1 || head.trim().length === 1) return true;
    if (head[1] !== ' ') return false;
    const rest = head.slice(2);
    if (mark === '>') return REQUEST_LINE.test(rest) || HEADER_LINE.test(rest);
    return parseStatusLine(rest) !== undefined || HEADER_LINE.test(rest);
  }
  return DATA_LINE.test(head);
}

/**
 * Whether a line can open a `curl -v` run: a curl info line, a `> METHOD path HTTP/x` request
 * line or a `< HTTP/x NNN` status line. Header lines only continue a run, so a Markdown quote
 * such as `> Note: …` does not start one.
 */
export function isVerboseStart(head: string): boolean {
  const mark = head[0];
  if (mark === '*') return CURL_INFO.test(head);
  if (head[1] !== ' ') return false;
  if (mark === '>') return REQUEST_LINE.test(head.slice(2));
  if (mark === '<') return parseStatusLine(head.slice(2)) !== undefined;
  return false;
}

/**
 * Reads one response as `curl -si` (or `-i`, `-D -`) prints it, starting at its status line:
 * headers (repeated ones kept, folded ones joined), a blank line, then the body as JSON
 * (single or pretty-printed), SSE frames, or text. A body may also follow the headers with no
 * blank line when the next line is plainly not a header. Returns the index after the response.
 */
export function readResponse(context: ParseContext, start: number, end: number, isOtherStart: (head: string) => boolean): number {
  const { lines, input } = context;
  const statusLine = start < lines.length ? parseStatusLine(headOf(lines.textAt(start))) : undefined;
  if (statusLine === undefined) return start;
  const firstLine = lines.lineAt(start);
  const response: HttpResponse = { input, line: firstLine, ...statusLine, headers: [] };
  context.evidence.responses.push(response);
  context.evidence.statuses.push({ input, line: firstLine, status: statusLine.status, from: 'status-line' });
  tagLines(context, start, start + 1, 'status-line');
  let index = start + 1;
  let previous: HeaderLine | undefined;
  for (; index < end; index++) {
    const text = lines.textAt(index);
    if (isBlank(text)) {
      index++;
      break;
    }
    if (previous !== undefined && (text.charCodeAt(0) === 32 || text.charCodeAt(0) === 9)) {
      previous.value += ` ${text.trim()}`;
      tagLines(context, index, index + 1, 'header');
      continue;
    }
    const header = parseHeaderLine(text);
    const head = headOf(text);
    if (header === undefined || parseStatusLine(head) !== undefined || isOtherStart(head)) break;
    previous = { input, line: lines.lineAt(index), name: header.name, value: header.value };
    response.headers.push(previous);
    tagLines(context, index, index + 1, 'header');
  }
  const contentType = response.headers.find((header) => header.name === 'content-type')?.value ?? '';
  return readBody(context, index, end, response, contentType, isOtherStart);
}

/**
 * Reads a response body starting at `start` (after the headers) and attaches it to the
 * response: JSON (recorded as evidence JSON too), an SSE stream (each frame's JSON recorded),
 * or text. Text runs to a blank line (HTML to the next recognised structure).
 */
export function readBody(
  context: ParseContext,
  start: number,
  end: number,
  response: HttpResponse,
  contentType: string,
  isOtherStart: (head: string) => boolean,
): number {
  const { lines, input, evidence } = context;
  let index = start;
  while (index < end && isBlank(lines.textAt(index))) index++;
  if (index >= end) return index;
  const firstLine = lines.lineAt(index);
  const head = headOf(lines.textAt(index));
  if (parseStatusLine(head) !== undefined || isOtherStart(head)) return index;
  const trimmed = head.trimStart();
  if ((trimmed.startsWith('{') || trimmed.startsWith('[')) && index >= context.jsonScanFloor) {
    const read = readJsonBlock(lines, index, end);
    if (read.kind === 'parsed') {
      response.body = { kind: 'json', value: read.value, input, line: firstLine };
      evidence.json.push({ input, line: firstLine, value: read.value });
      tagLines(context, index, read.next, 'body');
      return read.next;
    }
    context.jsonScanFloor = Math.max(context.jsonScanFloor, read.scannedTo);
  }
  if (isSseStart(head) || /event-stream/i.test(contentType)) {
    const read = readSseEvents(lines, index, end, input);
    if (read.events.length > 0) {
      response.body = { kind: 'sse', events: read.events, input, line: firstLine };
      for (const event of read.events) {
        if (event.json !== undefined) evidence.json.push({ input, line: event.line, value: event.json });
      }
      tagLines(context, index, read.lastContent, 'body');
      return read.next;
    }
  }
  const isHtml = /html/i.test(contentType) || /^<(?:!doctype|html)/i.test(trimmed);
  const texts: string[] = [];
  let bodyEnd = index;
  for (; bodyEnd < end && bodyEnd - index < MAX_TEXT_BODY_LINES; bodyEnd++) {
    const text = lines.textAt(bodyEnd);
    const lineHead = headOf(text);
    if (bodyEnd > index && (parseStatusLine(lineHead) !== undefined || isOtherStart(lineHead))) break;
    if (isBlank(text) && !isHtml) break;
    texts.push(text);
    if (texts.length <= 200) {
      for (const found of findEmbeddedJson(lineHead, 2)) evidence.json.push({ input, line: lines.lineAt(bodyEnd), value: found.value });
    }
    if (isHtml && /<\/html>/i.test(lineHead)) {
      bodyEnd++;
      break;
    }
  }
  response.body = { kind: 'text', text: texts.join('\n'), input, line: firstLine };
  tagLines(context, index, bodyEnd, 'body');
  return bodyEnd;
}

/**
 * Reads a run of `curl -v` output: `*` info lines (tagged as what the client printed), `>`
 * request lines and headers (a request), `<` status line and headers (a response), and the
 * unprefixed body after the `<` headers. Several exchanges in one run are read in turn.
 */
export function readVerboseRun(context: ParseContext, start: number, end: number, isOtherStart: (head: string) => boolean): number {
  const { lines, input, evidence } = context;
  let index = start;
  let request: HttpRequest | undefined;
  let response: HttpResponse | undefined;
  let isTls = false;
  let host: string | undefined;
  // A body can only follow the `<` lines (possibly after a `{ [n bytes data]` line).
  let canReadBody = false;
  const isVerboseOrOther = (head: string): boolean => isVerboseLine(head) || isOtherStart(head);
  while (index < end) {
    const text = lines.textAt(index);
    const head = headOf(text);
    if (isBlank(text)) {
      index++;
      continue;
    }
    if (!isVerboseLine(head)) {
      if (canReadBody && response !== undefined && response.body === undefined && !isOtherStart(head)) {
        canReadBody = false;
        const contentType = response.headers.find((header) => header.name === 'content-type')?.value ?? '';
        index = readBody(context, index, end, response, contentType, isVerboseOrOther);
        continue;
      }
      break;
    }
    const mark = head[0];
    const rest = head.slice(2);
    const lineNumber = lines.lineAt(index);
    canReadBody = mark === '<' || (canReadBody && DATA_LINE.test(head));
    if (mark === '*') {
      if (/\b(?:SSL|TLS|ALPN)\b/.test(rest)) isTls = true;
      tagLines(context, index, index + 1, 'client');
    } else if (mark === '>') {
      const requestLine = REQUEST_LINE.exec(rest);
      if (requestLine) {
        const target = describeMcpTarget(requestLine[2] ?? '');
        request = { input, line: lineNumber, method: requestLine[1] ?? '', headers: [], source: 'curl-verbose' };
        if (target.path !== undefined) request.path = target.path;
        if (target.serverName !== undefined) request.serverName = target.serverName;
        evidence.requests.push(request);
        response = undefined;
      } else if (request !== undefined) {
        const header = parseHeaderLine(rest);
        if (header) {
          request.headers.push({ input, line: lineNumber, ...header });
          if (header.name === 'host') host = header.value;
          if (host !== undefined && request.path !== undefined) request.url = `${isTls ? 'https' : 'http'}://${host}${request.path}`;
        }
      }
      tagLines(context, index, index + 1, 'request');
    } else if (mark === '<') {
      const statusLine = parseStatusLine(rest);
      if (statusLine) {
        response = { input, line: lineNumber, ...statusLine, headers: [] };
        evidence.responses.push(response);
        evidence.statuses.push({ input, line: lineNumber, status: statusLine.status, from: 'status-line' });
        tagLines(context, index, index + 1, 'status-line');
      } else {
        const header = rest.trim() === '' ? undefined : parseHeaderLine(rest);
        if (header && response !== undefined) response.headers.push({ input, line: lineNumber, ...header });
        tagLines(context, index, index + 1, 'header');
      }
    } else {
      // `{ [43 bytes data]`: curl's own progress note.
      tagLines(context, index, index + 1, 'client');
    }
    index++;
  }
  return Math.max(index, start + 1);
}
