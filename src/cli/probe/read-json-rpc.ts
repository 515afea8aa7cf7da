import { parseSseFrames } from './parse-sse.ts';
import type { IncomingResponse } from './send-request.ts';

/** What a response said as JSON-RPC, or why it said nothing usable. */
export type JsonRpcAnswer =
  | { kind: 'result'; result: Record<string, unknown> }
  | { kind: 'error'; code: number | undefined; message: string }
  /** The body is JSON, but not a JSON-RPC message for this id (e.g. `{"detail":"Unauthorized"}`). */
  | { kind: 'other-json'; value: unknown }
  /** Nothing to read: an empty body or text that is not JSON. */
  | { kind: 'none'; reason: string };

/**
 * Finds the JSON-RPC response to `id` in a body, whether it came as JSON or as an event stream.
 * https://modelcontextprotocol.io/specification/2025-06-18/basic/transports#streamable-http
 */
export function readJsonRpc(response: IncomingResponse, id: number): JsonRpcAnswer {
  const contentType = response.headers.find((h) => h.name === 'content-type')?.value ?? '';
  const candidates: unknown[] = [];
  const isEventStream = /text\/event-stream/i.test(contentType);
  if (isEventStream) {
    // A frame cut off by a cap still counts if its JSON is whole.
    const { frames } = parseSseFrames(`${response.body}\n\n`);
    candidates.push(...frames.map((frame) => frame.json).filter((json) => json !== undefined));
    if (candidates.length === 0) return { kind: 'none', reason: describeEmptyStream(response, id) };
  } else {
    const text = response.body.trim();
    const cut = describeCutBody(response);
    if (text === '') return { kind: 'none', reason: cut ?? 'empty body' };
    try {
      candidates.push(JSON.parse(text));
    } catch {
      return { kind: 'none', reason: cut ?? `${describeContentType(contentType)} body, not JSON` };
    }
  }
  const messages = candidates.flatMap((value) => (Array.isArray(value) ? value : [value]));
  const otherIds: string[] = [];
  for (const message of messages) {
    if (!isObject(message)) continue;
    if (message.id !== id) {
      if ('id' in message && ('result' in message || 'error' in message)) otherIds.push(describeId(message.id));
      continue;
    }
    if (isObject(message.result)) return { kind: 'result', result: message.result };
    if (isObject(message.error)) {
      const code = typeof message.error.code === 'number' ? message.error.code : undefined;
      const text = typeof message.error.message === 'string' ? message.error.message : 'an error with no message';
      return { kind: 'error', code, message: text };
    }
  }
  if (otherIds.length > 0) {
    return { kind: 'none', reason: `id mismatch: the JSON-RPC response carries id ${otherIds[0]}, not the id ${id} the request sent` };
  }
  // A stream may carry notifications before the response; if the response never came, say so.
  if (isEventStream) return { kind: 'none', reason: describeEmptyStream(response, id) };
  return { kind: 'other-json', value: messages.length === 1 ? messages[0] : messages };
}

function describeEmptyStream(response: IncomingResponse, id: number): string {
  switch (response.stop.kind) {
    case 'time-cap':
      return `the event stream stayed open without the JSON-RPC response to id ${id} (${response.bytes} bytes read before the timeout)`;
    case 'byte-cap':
      return `the event stream sent ${response.stop.maxBytes} bytes without the JSON-RPC response to id ${id}; stopped reading`;
    case 'broken':
      return `the event stream broke before the JSON-RPC response to id ${id}: ${response.stop.message}`;
    default:
      return `the event stream ended without the JSON-RPC response to id ${id}`;
  }
}

/** Why a plain body was not read whole, or undefined when it was. */
function describeCutBody(response: IncomingResponse): string | undefined {
  switch (response.stop.kind) {
    case 'time-cap':
      return response.bytes === 0
        ? 'timed out waiting for the body: the status line and headers came, then nothing'
        : `timed out mid-body: ${response.bytes} bytes came, then nothing before the timeout`;
    case 'byte-cap':
      return `body over the ${Math.round(response.stop.maxBytes / 1024)} KB cap: stopped reading there, so it cannot be read as JSON`;
    case 'broken':
      return `the connection broke mid-body after ${response.bytes} bytes: ${response.stop.message}`;
    default:
      return undefined;
  }
}

// An id is a string, a number or null (JSON-RPC 2.0 §4); anything else is named, never serialised.
function describeId(id: unknown): string {
  if (typeof id === 'string') return `"${clip(id, 40)}"`;
  if (typeof id === 'number' || id === null) return String(id);
  return id === undefined ? 'none' : `of type ${Array.isArray(id) ? 'array' : typeof id}`;
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function describeContentType(contentType: string): string {
  const type = contentType.split(';')[0]?.trim();
  return type ? type : 'untyped';
}

/** Whether a value is a plain JSON object. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
