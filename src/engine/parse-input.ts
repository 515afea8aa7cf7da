import type { Evidence, HttpRequest, HttpResponse, InputName, Place, PythonException } from './evidence.ts';
import type { JoinedLines } from './joined-lines.ts';
import { LineStore, PLACES, placeCode } from './line-store.ts';
import { findEmbeddedJson } from './parse/find-json.ts';
import { findStatusMentions } from './parse/find-status.ts';
import { findConfigBlockEnd, isConfigStart, isServerBlockStart, parseConfigText } from './parse/find-config.ts';
import { requestsFromClientConfig } from './parse/parse-client-config.ts';
import { isClientCommandStart, parseClientCommand } from './parse/parse-client-command.ts';
import { type ClientName, isCurlMessage, recognizeClientLine } from './parse/parse-client-output.ts';
import { createContext, createEvidence, MAX_YAML_BLOCKS, MAX_YAML_CHARS_PER_PASTE, type ParseContext, tagLines, takeYamlBlock } from './parse/parse-context.ts';
import { isCurlCommandStart, parseCurlCommand } from './parse/parse-curl-command.ts';
import { isVerboseStart, parseStatusLine, readResponse, readVerboseRun } from './parse/parse-http-transcript.ts';
import { bareLogLinesEnd } from './parse/bare-log-lines.ts';
import { ALL_MARKS, hasMark, MARK } from './parse/line-marks.ts';
import { isJsonLogRecord, parseLogLine, stripLogPrefix } from './parse/parse-log-line.ts';
import { describeMcpTarget } from './parse/parse-mcp-path.ts';
import { isSseStart, readSseEvents } from './parse/parse-sse.ts';
import { findInlineException, isChainMarker, isStandaloneExceptionLine, isTracebackStart, readTraceback } from './parse/parse-traceback.ts';
import { readCommand } from './parse/read-command.ts';
import { readJsonBlock } from './parse/read-json-block.ts';
import { lineStarts } from './parse/line-starts.ts';
import { scanLineMarks } from './parse/scan-line-marks.ts';
import { noteOfPlainTypography, plainTypography } from './parse/plain-typography.ts';
import { removeSharedPrefix } from './parse/shared-line-prefix.ts';
import { firstNonSpace, headOf, isBlank, joinTexts, leadSet, leadsWithOneOf, splitLineTexts, TextLines } from './parse/split-lines.ts';
import { type Section, splitSections } from './parse/split-sections.ts';

// A config.yaml is a few hundred lines; a longer "config" is a mis-detection or a dump, and the
// YAML library's cost on megabytes would dominate the whole parse.
const MAX_CONFIG_LINES = 5000;

/** What the checker is given: the paste, and optionally a config.yaml beside it (CLI `--config`). */
export interface CheckInput {
  /** Whatever the user pasted: curl output, logs, tracebacks, client errors, config, an issue body. */
  paste: string;
  /** A config.yaml given separately; always read as YAML. */
  config?: string;
  /** The LiteLLM version the user runs (CLI `--litellm-version`); when absent it is read from the paste. */
  litellmVersion?: string;
}

/**
 * Parses a paste (and the config given beside it) into evidence: every non-empty line tagged
 * with its place, HTTP responses and requests, statuses, JSON values, Python exceptions and
 * config documents. Tolerates any mixture and junk; never throws; deterministic; roughly
 * linear in the input size.
 */
export function parseInput(input: CheckInput, options: ParseOptions = {}): Evidence {
  const evidence = createEvidence();
  const paste = plainTypography(typeof input.paste === 'string' ? input.paste : '');
  const unprefixed = removeSharedPrefix(paste.text);
  try {
    parsePaste(unprefixed.text, evidence, options);
  } catch (error) {
    // A parser bug must not take the checker down: keep what was found and say so.
    evidence.notes.push(`Part of the paste could not be read (${error instanceof Error ? error.message : 'internal error'}).`);
  }
  if (unprefixed.removed !== null) {
    evidence.pasteLeadIns = unprefixed.removed;
    evidence.notes.push(`Every line of the paste starts with the same ${unprefixed.what}: it was read without it.`);
  }
  pushNote(evidence, noteOfPlainTypography(paste, 'paste', evidence.configs.length > 0));
  if (typeof input.config === 'string') {
    const config = plainTypography(input.config);
    try {
      parseConfigInput(config.text, evidence);
    } catch (error) {
      evidence.notes.push(`The config could not be read (${error instanceof Error ? error.message : 'internal error'}).`);
    }
    pushNote(evidence, noteOfPlainTypography(config, 'config', true));
  }
  evidence.notes = collapseNotes(evidence.notes);
  return evidence;
}

function pushNote(evidence: Evidence, note: string | null): void {
  if (note !== null) evidence.notes.push(note);
}

/**
 * Counts repeated notes instead of repeating them: notes that differ only in their line numbers
 * (`The YAML at line 12 …`, `… at line 40 …`) become the first one plus how many more and where.
 * A 19 MB log would otherwise print hundreds of KB of the same sentence.
 */
export function collapseNotes(notes: readonly string[]): string[] {
  const groups = new Map<string, { first: string; lines: string[] }>();
  const seen = new Set<string>();
  for (const note of notes) {
    if (seen.has(note)) continue;
    seen.add(note);
    const shape = note.replace(/\bline \d+/g, 'line N');
    const group = groups.get(shape);
    if (group === undefined) groups.set(shape, { first: note, lines: [] });
    else group.lines.push(/\bline (\d+)/.exec(note)?.[1] ?? '?');
  }
  return [...groups.values()].map(({ first, lines }) => {
    if (lines.length === 0) return first;
    const shown = lines.slice(0, 5).join(', ');
    return `${first} (and ${lines.length} more like it, at line${lines.length === 1 ? '' : 's'} ${shown}${lines.length > 5 ? ', …' : ''})`;
  });
}

function parsePaste(paste: string, evidence: Evidence, options: ParseOptions): void {
  const hasCarriageReturn = paste.includes('\r');
  const texts = splitLineTexts(paste, hasCarriageReturn);
  // Made once for the pre-pass and the line store's joined paste (which would each make their own).
  const starts = lineStarts(paste, texts, hasCarriageReturn);
  const context = createContext('paste', new TextLines(texts), evidence);
  if (options.remembersPlainLines === false) context.plainTexts = undefined;
  if (options.usesLineMarks !== false) context.marks = scanLineMarks(paste, texts, starts);
  context.split = { text: paste, lines: texts, starts };
  const { sections, firstBlank } = splitSections(context.lines);
  for (const section of sections) readSection(context, section);
  if (context.yamlBlocksSkipped > 0) {
    evidence.notes.push(
      `Stopped reading YAML at its budget (${MAX_YAML_BLOCKS} blocks, ${MAX_YAML_CHARS_PER_PASTE / 1024} KB): ${context.yamlBlocksSkipped} more blocks were not parsed (paste only the config that matters).`,
    );
  }
  keepNonBlankLines(texts, context.places, 'paste', evidence, hasCarriageReturn ? undefined : { text: paste, starts }, firstBlank);
}

function parseConfigInput(config: string, evidence: Evidence): void {
  const texts = splitLineTexts(config);
  const context = createContext('config', new TextLines(texts), evidence);
  tagLines(context, 0, texts.length, 'config');
  if (config.trim() !== '') {
    const parsed = parseConfigText(config, 'config', 1);
    if (parsed.kind === 'parsed') evidence.configs.push(parsed.config);
    else evidence.notes.push(parsed.note);
  }
  keepNonBlankLines(texts, context.places, 'config', evidence);
}

/**
 * Adds an input's non-blank lines, with their places, to the evidence's line store (after the
 * lines already there: the paste's, then the config's). The parse is done with `texts` and
 * `places`: they are compacted in place, so a paste of millions of lines is not copied for the
 * one blank line it ends with. `source` is the text the lines were split from, when every line
 * break in it is one line feed, with where each line starts; `firstBlank`, the index of the first
 * blank line, when the caller knows it (splitSections).
 */
function keepNonBlankLines(texts: string[], places: Uint8Array, input: InputName, evidence: Evidence, source?: JoinedLines, firstBlank?: number): void {
  // Line numbers are kept only once a kept line follows a blank one: before that each line's
  // number is its index + 1 (a paste ending in a line break keeps no array of them).
  let numbers: Int32Array | undefined;
  // Until the first blank line every line stays where it is: found with the cheapest test first,
  // from where the caller already knows it to be.
  let kept = firstBlank ?? 0;
  while (kept < texts.length && !isBlank(texts[kept] as string)) kept++;
  for (let index = kept; index < texts.length; index++) {
    const text = texts[index] as string;
    if (isBlank(text)) continue;
    if (numbers === undefined && kept < index) {
      numbers = new Int32Array(texts.length - (index - kept));
      for (let at = 0; at < kept; at++) numbers[at] = at + 1;
    }
    // Until the first blank line every line stays where it is.
    if (kept !== index) {
      texts[kept] = text;
      places[kept] = places[index] as number;
    }
    if (numbers !== undefined) numbers[kept] = index + 1;
    kept++;
  }
  texts.length = kept;
  // Split on line feeds alone and with no blank line before the last kept one, the kept lines
  // joined are the start of the text itself: the whole-paste scans need no join of their own.
  let joined: JoinedLines | undefined;
  if (source !== undefined && numbers === undefined && kept > 0) {
    const end = (source.starts[kept - 1] as number) + (texts[kept - 1] as string).length;
    joined = { text: source.text.length === end ? source.text : source.text.slice(0, end), starts: source.starts.subarray(0, kept) };
  }
  const before = evidence.lines;
  if (before.length === 0) {
    const pasteJoined = input === 'paste' ? joined : undefined;
    evidence.lines = new LineStore({ texts, places: places.subarray(0, kept), numbers: numbers?.subarray(0, kept), pasteCount: input === 'paste' ? kept : 0, pasteJoined: pasteJoined?.text, pasteStarts: pasteJoined?.starts });
    return;
  }
  // The config's lines after the paste's, in one store: both parts are copied, which only a
  // config given beside the paste costs (CLI `--config`, at most 512 KB).
  const all = new Array<string>(before.length + kept);
  const allPlaces = new Uint8Array(before.length + kept);
  const allNumbers = new Int32Array(before.length + kept);
  for (let index = 0; index < before.length; index++) {
    all[index] = before.textAt(index);
    allPlaces[index] = before.placeCodeAt(index);
    allNumbers[index] = before.lineAt(index);
  }
  for (let index = 0; index < kept; index++) all[before.length + index] = texts[index] as string;
  allPlaces.set(places.subarray(0, kept), before.length);
  for (let index = 0; index < kept; index++) allNumbers[before.length + index] = numbers === undefined ? index + 1 : (numbers[index] as number);
  evidence.lines = new LineStore({ texts: all, places: allPlaces, numbers: allNumbers, pasteCount: before.length, pasteJoined: before.pasteJoined });
}

/** Whether a line clearly starts a structure of its own; such a line ends bodies and exception messages. */
function isOtherStart(head: string): boolean {
  // Indentation is skipped once for every detector below; a blank line leads with nothing.
  const lead = firstNonSpace(head);
  if (lead === head.length) return false;
  return (
    parseStatusLine(head, lead) !== undefined ||
    isCurlCommandStart(head, lead) ||
    isClientCommandStart(head, lead) ||
    isTracebackStart(head, lead) ||
    isChainMarker(head, lead) ||
    isConfigStart(head, lead) ||
    isVerboseStart(head) ||
    parseLogLine(head) !== undefined ||
    isMarkdownHeading(head, lead)
  );
}

const HEADING_LEADS = leadSet('#');
const JSON_LEADS = leadSet('{[');

// A markdown heading (`## Logs`) in an issue body: `#` after at most three spaces.
function isMarkdownHeading(head: string, lead: number): boolean {
  return lead <= 3 && leadsWithOneOf(head, HEADING_LEADS, lead) && /^\s{0,3}#{1,6} /.test(head);
}

/** How the parse runs (the answer never depends on it). */
export interface ParseOptions {
  /**
   * Whether a repeated plain line is skipped once its text yielded nothing (default true); off
   * reads every line, which the tests compare against.
   */
  remembersPlainLines?: boolean;
  /**
   * Whether a whole-text pre-pass marks what each line holds, so that detectors skip the lines
   * lacking what they need (default true); off, every detector looks at every line, which the
   * tests compare against.
   */
  usesLineMarks?: boolean;
}

// How many distinct texts of plain lines (see `isPlainCandidate`) one parse remembers, and how long
// one may be: repeated short lines (a progress dot, `x`, `...`) are what repeats by the million.
const MAX_PLAIN_TEXTS = 4096;
const MAX_PLAIN_TEXT_LENGTH = 64;

/**
 * Whether what the readers make of a line depends on its text alone, so that a line nothing
 * recognised can be skipped when its text comes again. Only the readers that look past their
 * first line can answer differently for the same text (a `name:` starting a server block, a `{`
 * opening JSON over several lines, a `data:` event stream), and each needs a `:`, `#`, `{` or `[`.
 */
function isPlainCandidate(text: string): boolean {
  if (text.length > MAX_PLAIN_TEXT_LENGTH) return false;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    // : # { [ and anything outside ASCII (colour codes are ASCII escapes: ESC is below 32).
    if (code === 58 || code === 35 || code === 123 || code === 91 || code < 32 || code > 126) return false;
  }
  return true;
}

const LOG_PLACE = placeCode('log');

// How many things the evidence holds: unchanged across a read means the read found nothing.
function sizeOf(evidence: Evidence): number {
  return evidence.responses.length + evidence.requests.length + evidence.statuses.length + evidence.json.length + evidence.exceptions.length + evidence.configs.length + evidence.notes.length;
}

function readSection(context: ParseContext, section: Section): void {
  const { lines, places, evidence } = context;
  if (section.isFenced && /^(?:ya?ml)$/.test(section.language) && readFencedYaml(context, section)) return;
  let index = section.start;
  let previousPlace: Place | undefined;
  while (index < section.end) {
    const text = lines.textAt(index);
    if (isBlank(text)) {
      // A lone exception line only continues a log line directly above it.
      previousPlace = undefined;
      index++;
      continue;
    }
    // A plain line whose text was read before and yielded nothing yields nothing again: a paste
    // of millions of repeated short lines skips the dozen detectors for all but the first.
    const { plainTexts } = context;
    // Only short texts are ever remembered: a longer one is not hashed for a lookup that must fail.
    if (plainTexts !== undefined && text.length <= MAX_PLAIN_TEXT_LENGTH && plainTexts.has(text)) {
      previousPlace = 'any';
      index++;
      continue;
    }
    // The common line of a long log, and those like it after it, tagged in one go (bare-log-lines.ts).
    const bareEnd = context.marks !== undefined && context.split !== undefined ? bareLogLinesEnd(context.split, context.marks, index, section.end) : index;
    if (bareEnd > index) {
      places.fill(LOG_PLACE, index, bareEnd);
      previousPlace = 'log';
      index = bareEnd;
      continue;
    }
    // Counted only for a text short enough to be remembered (-1: not counted).
    const sizeBefore = plainTexts !== undefined && text.length <= MAX_PLAIN_TEXT_LENGTH ? sizeOf(evidence) : -1;
    const next = readStructure(context, index, section.end, previousPlace);
    if (plainTexts && sizeBefore >= 0 && next === index + 1 && places[index] === 0 && plainTexts.size < MAX_PLAIN_TEXTS && isPlainCandidate(text) && sizeOf(evidence) === sizeBefore) plainTexts.add(text);
    // The place of the structure just read (`any` means no reader tagged it).
    const last = places[next - 1] ?? 0;
    previousPlace = PLACES[last !== 0 ? last : (places[index] ?? 0)];
    index = next;
  }
}

/** A ```yaml fence is read as one YAML document when it parses; otherwise line by line. */
function readFencedYaml(context: ParseContext, section: Section): boolean {
  const { lines, evidence } = context;
  if (section.end - section.start > MAX_CONFIG_LINES) return false;
  const source = joinTexts(lines, section.start, section.end);
  if (source.trim() === '') return false;
  const firstLine = lines.lineAt(section.start);
  if (!takeYamlBlock(context, source.length)) return false;
  const parsed = parseConfigText(source, 'paste', firstLine);
  if (parsed.kind === 'parsed' && typeof parsed.config.value === 'object' && parsed.config.value !== null && !Array.isArray(parsed.config.value)) {
    evidence.configs.push(parsed.config);
    tagLines(context, section.start, section.end, 'config');
    return true;
  }
  if (parsed.kind === 'failed' && /^\s*(?:mcp_servers|litellm_settings|general_settings|model_list)\s*:/m.test(source)) evidence.notes.push(parsed.note);
  return false;
}

/**
 * Reads whatever starts at line `index` and returns the index after it. Detectors are tried
 * from the most specific shape to the least; a line nothing recognises is tagged `any` and
 * still searched for statuses, JSON and exception names.
 */
function readStructure(context: ParseContext, index: number, end: number, previousPlace: Place | undefined): number {
  const { lines, evidence, input } = context;
  // What the pre-pass found in the line: each detector below skips it when its mark is clear.
  const marks = context.marks === undefined ? ALL_MARKS : context.marks.at(index);
  // Whether a client printed the line is asked with every search run (see scan-line-marks.ts).
  const clientMarks = (): number => (context.marks === undefined ? ALL_MARKS : context.marks.complete(index));
  const head = headOf(lines.textAt(index), marks);
  // The index of the first non-space character, which most detectors test first: found once.
  const lead = firstNonSpace(head);

  if (isCurlCommandStart(head, lead)) {
    const command = readCommand(lines, index, end);
    evidence.requests.push(parseCurlCommand(command, input));
    tagLines(context, index, command.next, 'request');
    return command.next;
  }
  if (isClientCommandStart(head, lead)) {
    const command = readCommand(lines, index, end);
    for (const request of parseClientCommand(command, input)) evidence.requests.push(request);
    tagLines(context, index, command.next, 'request');
    return command.next;
  }
  if (isVerboseStart(head)) return readVerboseRun(context, index, end, isOtherStart);
  if (parseStatusLine(head, lead) !== undefined) return readResponse(context, index, end, isOtherStart);
  if (isTracebackStart(head, lead)) return readTracebackAt(context, index, end);
  if (isChainMarker(head, lead)) {
    tagLines(context, index, index + 1, 'traceback');
    return index + 1;
  }
  if (isConfigStart(head, lead) || isServerBlockStart(lines, index, end, marks)) {
    const next = readConfigAt(context, index, end);
    if (next > index) return next;
  }
  const log = parseLogLine(head, marks);
  // Claude Code's `--debug` lines (`[DEBUG] MCP server "x": …`) look generic-levelled but are client output.
  // Which client printed the line, asked at most once per line (null: not asked yet).
  let clientName: ClientName | undefined | null = null;
  if (log !== undefined && log.kind === 'generic') clientName = recognizeClientLine(head, clientMarks());
  if (log !== undefined && !(log.kind === 'generic' && clientName !== undefined)) {
    readLogLine(context, index, log, marks);
    return index + 1;
  }
  const standalone = isStandaloneExceptionLine(head, marks);
  if (standalone !== undefined) {
    // `McpError: MCP error -32001: …` is what an SDK client printed: read as client output (its exception included).
    if (clientName === null) clientName = recognizeClientLine(head, clientMarks());
    if (clientName !== undefined) {
      readClientLine(context, index, head, marks);
      return index + 1;
    }
    evidence.exceptions.push({ input, line: lines.lineAt(index), type: standalone.type, message: standalone.message, frames: [], depth: 0 });
    tagLines(context, index, index + 1, previousPlace === 'log' ? 'log' : 'traceback');
    scanForJsonAndStatus(context, index, head, marks);
    return index + 1;
  }
  if (leadsWithOneOf(head, JSON_LEADS, lead) && !/^[{}] \[\d/.test(head.trimStart())) {
    const next = readJsonAt(context, index, end);
    if (next > index) return next;
  }
  if (isSseStart(head)) {
    const read = readSseEvents(lines, index, end, input);
    if (read.events.length > 0) {
      // A bare event stream has no status line: its frames are JSON evidence, not a response.
      for (const event of read.events) {
        if (event.json !== undefined) evidence.json.push({ input, line: event.line, value: event.json });
      }
      tagLines(context, index, read.lastContent, 'body');
      return Math.max(read.next, index + 1);
    }
  }
  const client = isCurlMessage(head) ? 'curl' : clientName === null ? recognizeClientLine(head, clientMarks()) : clientName;
  if (client !== undefined) {
    readClientLine(context, index, head, marks);
    return index + 1;
  }
  readLooseLine(context, index, head, marks);
  return index + 1;
}

function readTracebackAt(context: ParseContext, index: number, end: number): number {
  const read = readTraceback(context.lines, index, end, context.input, isOtherStart);
  for (const exception of read.exceptions) context.evidence.exceptions.push(exception);
  tagLines(context, index, read.next, 'traceback');
  return read.next;
}

function readConfigAt(context: ParseContext, index: number, end: number): number {
  const { lines, evidence } = context;
  const blockEnd = findConfigBlockEnd(lines, index, end, isOtherStart);
  // A lone `name:` with nothing under it is not worth a config.
  if (blockEnd <= index + 1 && !isConfigStart(headOf(lines.textAt(index)))) return index;
  tagLines(context, index, blockEnd, 'config');
  if (blockEnd - index > MAX_CONFIG_LINES) {
    evidence.notes.push(`The YAML at line ${lines.lineAt(index)} of the paste is too long to read (${blockEnd - index} lines): paste only the mcp_servers part.`);
    return blockEnd;
  }
  const source = joinTexts(lines, index, blockEnd);
  if (!takeYamlBlock(context, source.length)) return blockEnd;
  const parsed = parseConfigText(source, context.input, lines.lineAt(index));
  if (parsed.kind === 'parsed') evidence.configs.push(parsed.config);
  else evidence.notes.push(parsed.note);
  return blockEnd;
}

function readJsonAt(context: ParseContext, index: number, end: number): number {
  const { lines, evidence, input } = context;
  if (index < context.jsonScanFloor) return index;
  const read = readJsonBlock(lines, index, end);
  if (read.kind === 'failed') {
    context.jsonScanFloor = Math.max(context.jsonScanFloor, read.scannedTo);
    return index;
  }
  // `[48213] Connecting…` (mcp-remote) starts with valid JSON but is a line of text.
  if ((read.rest !== '' && read.rest !== '%') || !isStructuredJson(read.value)) return index;
  const line = lines.lineAt(index);
  evidence.json.push({ input, line, value: read.value });
  if (isJsonLogRecord(read.value)) {
    tagLines(context, index, read.next, 'log');
    readJsonLog(context, index, read.value);
    return read.next;
  }
  const requests = requestsFromClientConfig(read.value, input, line);
  if (requests.length > 0) {
    for (const request of requests) evidence.requests.push(request);
    tagLines(context, index, read.next, 'request');
    return read.next;
  }
  tagLines(context, index, read.next, 'body');
  return read.next;
}

function readJsonLog(context: ParseContext, index: number, record: Record<string, unknown>): void {
  const message = typeof record['message'] === 'string' ? record['message'] : typeof record['msg'] === 'string' ? record['msg'] : '';
  const line = context.lines.lineAt(index);
  // The message is decoded JSON, not a part of the line: the line's marks do not hold for it.
  readMessage(context, index, headOf(message), 'text', ALL_MARKS);
  for (const key of ['stacktrace', 'exc_info', 'traceback', 'exception']) {
    const value = record[key];
    if (typeof value === 'string' && value.includes('\n')) {
      // A traceback inside a JSON log record: read it as one, attributed to the record's line.
      const inner = new TextLines(splitLineTexts(value), line);
      for (let position = 0; position < inner.length; position++) {
        if (!isTracebackStart(headOf(inner.textAt(position)))) continue;
        const read = readTraceback(inner, position, inner.length, context.input, isOtherStart);
        for (const exception of read.exceptions) context.evidence.exceptions.push(exception);
        position = read.next - 1;
      }
    }
  }
}

function readLogLine(context: ParseContext, index: number, log: NonNullable<ReturnType<typeof parseLogLine>>, marks: number): void {
  const { evidence, input, lines } = context;
  const line = lines.lineAt(index);
  tagLines(context, index, index + 1, 'log');
  if (log.kind === 'access') {
    evidence.statuses.push({ input, line, status: log.status, from: 'access-log' });
    const target = describeMcpTarget(log.target);
    const request: HttpRequest = { input, line, method: log.method, headers: [], source: 'access-log' };
    if (target.path !== undefined) request.path = target.path;
    if (target.serverName !== undefined) request.serverName = target.serverName;
    evidence.requests.push(request);
    return;
  }
  readMessage(context, index, log.message, 'text', marks);
}

function readClientLine(context: ParseContext, index: number, head: string, marks: number): void {
  tagLines(context, index, index + 1, 'client');
  const { evidence, input, lines } = context;
  const line = lines.lineAt(index);
  const json = readMessage(context, index, head, 'client', marks);
  // A client's rendering of an HTTP answer (`Error POSTing to endpoint (HTTP 500): {…}`) is a
  // response without headers: status from the client, body as the JSON it quoted.
  const rendered = /\(HTTP (\d{3})\)|Non-200 status code \((\d{3})\)/.exec(head);
  if (rendered) {
    const status = Number(rendered[1] ?? rendered[2]);
    const response: HttpResponse = { input, line, httpVersion: '', status, reason: '', headers: [] };
    if (json !== undefined) response.body = { kind: 'json', value: json, input, line };
    evidence.responses.push(response);
  }
}

function readLooseLine(context: ParseContext, index: number, head: string, marks: number): void {
  const stripped = stripLogPrefix(head, marks);
  readMessage(context, index, stripped, 'text', marks);
  // A client config fragment (`"headers": {"x-litellm-api-key": "…"}`) that is not whole JSON.
  const headersAt = hasMark(marks, MARK.openBrace) && stripped.includes('"headers"') ? stripped.search(/"headers"\s*:\s*\{/) : -1;
  if (headersAt >= 0) {
    const objectStart = stripped.indexOf('{', headersAt);
    const found = findEmbeddedJson(stripped.slice(objectStart), 1)[0];
    if (found !== undefined && typeof found.value === 'object' && found.value !== null && !Array.isArray(found.value)) {
      const line = context.lines.lineAt(index);
      const headers = Object.entries(found.value as Record<string, unknown>)
        .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
        .map(([name, value]) => ({ input: context.input, line, name: name.toLowerCase(), value }));
      if (headers.length > 0) {
        context.evidence.requests.push({ input: context.input, line, headers, source: 'client-config' });
        tagLines(context, index, index + 1, 'request');
      }
    }
  }
}

/**
 * Searches a message for embedded JSON, a named exception and status codes; records what it
 * finds and returns the first JSON value (undefined when none). `marks` hold for the message:
 * those of the line it is part of, or all of them.
 */
function readMessage(context: ParseContext, index: number, message: string, from: 'client' | 'text', marks: number): unknown {
  const { evidence, input, lines } = context;
  const line = lines.lineAt(index);
  let firstJson: unknown;
  if (hasMark(marks, MARK.openBrace | MARK.openBracket) && (message.includes('{') || message.includes('['))) {
    const found = findEmbeddedJson(message);
    for (const { value } of found) evidence.json.push({ input, line, value });
    firstJson = found[0]?.value;
  }
  const exception = findInlineException(message, marks);
  if (exception !== undefined) {
    const found: PythonException = { input, line, type: exception.type, message: exception.message, frames: [], depth: 0 };
    evidence.exceptions.push(found);
  }
  const mentions = findStatusMentions(message, marks);
  for (let position = 0; position < mentions.length; position++) {
    const mention = mentions[position] as (typeof mentions)[number];
    evidence.statuses.push({ input, line, status: mention.status, from: from === 'client' ? mention.from : 'text' });
  }
  return firstJson;
}

/** Records the JSON and status codes in a line already read for its exception. */
function scanForJsonAndStatus(context: ParseContext, index: number, head: string, marks: number): void {
  const { evidence, input, lines } = context;
  const line = lines.lineAt(index);
  if (hasMark(marks, MARK.openBrace | MARK.openBracket) && (head.includes('{') || head.includes('['))) for (const found of findEmbeddedJson(head)) evidence.json.push({ input, line, value: found.value });
  const mentions = findStatusMentions(head, marks);
  for (let position = 0; position < mentions.length; position++) evidence.statuses.push({ input, line, status: (mentions[position] as (typeof mentions)[number]).status, from: 'text' });
}

/** Whether a standalone JSON value is a structure worth reading (an object, or a list that is empty or holds objects). */
function isStructuredJson(value: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0 || value.some((item) => typeof item === 'object' && item !== null);
  return typeof value === 'object' && value !== null;
}
