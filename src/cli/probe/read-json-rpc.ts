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
    if (text === '') return { kind: 'none', reason: 'empty body' };
    try {
      candidates.push(JSON.parse(text));
    } catch {
      return { kind: 'none', reason: `${describeContentType(contentType)} body, not JSON` };
    }
  }
  const messages = candidates.flatMap((value) => (Array.isArray(value) ? value : [value]));
  for (const message of messages) {
    if (!isObject(message) || message.id !== id) continue;
    if (isObject(message.result)) return { kind: 'result', result: message.result };
    if (isObject(message.error)) {
      const code = typeof message.error.code === 'number' ? message.error.code : undefined;
      const text = typeof message.error.message === 'string' ? message.error.message : JSON.stringify(message.error);
      return { kind: 'error', code, message: text };
    }
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

function describeContentType(contentType: string): string {
  const type = contentType.split(';')[0]?.trim();
  return type ? type : 'untyped';
}

/** Whether a value is a plain JSON object. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
