import type { InputName, SseEvent } from '../evidence.ts';
import { tryParseJson } from './find-json.ts';
import type { LineList } from './split-lines.ts';

const SSE_FIELD = /^(event|data|id|retry)(?::|$)/;

/** Whether a line is a server-sent-events field line (`event:`, `data:`, `id:`, `retry:`) or an SSE comment. */
export function isSseLine(text: string): boolean {
  return SSE_FIELD.test(text) || (text.startsWith(':') && !text.startsWith('::'));
}

/** Whether a line can open an SSE body (a field that carries content, not a bare comment). */
export function isSseStart(text: string): boolean {
  // The field name opens the line: `event`, `data`, `id` or `retry`.
  const first = text[0];
  return (first === 'e' || first === 'd' || first === 'i' || first === 'r') && SSE_FIELD.test(text);
}

/** The SSE events read from a run of lines, and the index after the run. */
export interface SseRead {
  /** The events, in order; each keeps the line of its first field. */
  events: SseEvent[];
  /** Index of the first line not consumed. */
  next: number;
  /** Index after the last SSE line (trailing blank lines excluded). */
  lastContent: number;
}

/**
 * Reads server-sent events (the WHATWG event-stream format that streamable HTTP answers with):
 * `data:` lines of one event are joined with newlines, a blank line ends an event, and each
 * event's data is parsed as JSON when it is JSON. Stops at the first line that is not part of
 * an event stream.
 */
export function readSseEvents(lines: LineList, start: number, end: number, input: InputName): SseRead {
  const events: SseEvent[] = [];
  let data: string[] = [];
  let eventName: string | undefined;
  let firstLine = 0;
  let hasField = false;
  let index = start;
  let lastContent = start;
  const flush = (): void => {
    if (hasField && (data.length > 0 || eventName !== undefined)) {
      const joined = data.join('\n');
      const event: SseEvent = { input, line: firstLine, data: joined };
      if (eventName !== undefined) event.event = eventName;
      const trimmed = joined.trim();
      if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
        const parsed = tryParseJson(trimmed);
        if (parsed) event.json = parsed.value;
      }
      events.push(event);
    }
    data = [];
    eventName = undefined;
    hasField = false;
  };
  for (; index < end; index++) {
    if (index >= lines.length) break;
    const text = lines.textAt(index);
    if (text.trim() === '') {
      flush();
      continue;
    }
    if (!isSseLine(text)) break;
    lastContent = index + 1;
    if (text.startsWith(':')) continue;
    const colon = text.indexOf(':');
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (!hasField) firstLine = lines.lineAt(index);
    hasField = true;
    if (field === 'data') data.push(value);
    else if (field === 'event') eventName = value;
  }
  flush();
  return { events, next: index, lastContent };
}
