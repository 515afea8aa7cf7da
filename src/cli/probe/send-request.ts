import { Agent, request, type Dispatcher } from 'undici';
import { readBody, type BodyStop } from './read-body.ts';
import { describeConnectError, type ConnectFailure } from './describe-connect-error.ts';

/** One header as sent or received, in order. */
export interface HeaderPair {
  /** The name; lower-cased for received headers. */
  name: string;
  /** The value as sent or received. */
  value: string;
}

/** A request the probe is about to send. */
export interface OutgoingRequest {
  method: 'GET' | 'POST' | 'DELETE';
  url: URL;
  headers: HeaderPair[];
  /** The JSON text to send, for POST. */
  body?: string;
  /** For a JSON-RPC request: the id whose response ends the read of an event stream. */
  awaitId?: number;
}

/** What came back, as far as it was read. */
export interface IncomingResponse {
  /** The HTTP status code. */
  status: number;
  /** The reason phrase. */
  statusText: string;
  /** The headers in the order received, repeated ones kept. */
  headers: HeaderPair[];
  /** The body text read (possibly cut short: see `stop`). */
  body: string;
  /** Why reading stopped. */
  stop: BodyStop;
  /** Bytes read from the body. */
  bytes: number;
}

/** One request and what became of it. */
export type Exchange =
  | { kind: 'answered'; request: OutgoingRequest; response: IncomingResponse; elapsedMs: number }
  | { kind: 'unreachable'; request: OutgoingRequest; failure: ConnectFailure; elapsedMs: number };

/** The limits every request of one probe shares. */
export interface RequestLimits {
  /** The most any one request may take, connect to last byte read. */
  timeoutMs: number;
  /** The most the whole probe may take: a request never runs past it (default: no overall limit). */
  deadlineMs?: number;
  /** The most body bytes read from one response. */
  maxBodyBytes: number;
}

/** The HTTP client of one probe: one connection pool with the probe's timeouts, closed at the end. */
export interface HttpClient {
  /** Sends one request; resolves with the answer or why none came, never rejects. */
  send(outgoing: OutgoingRequest): Promise<Exchange>;
  /** Milliseconds left before the probe's deadline (Infinity without one). */
  remainingMs(): number;
  /** Drops every connection, open streams included. */
  close(): Promise<void>;
}

/** Opens an HTTP client whose every request is bounded in time and in bytes, and all of them together by the deadline. */
export function openHttpClient(limits: RequestLimits): HttpClient {
  const agent = new Agent({
    connect: { timeout: limits.timeoutMs },
    headersTimeout: limits.timeoutMs,
    bodyTimeout: limits.timeoutMs,
  });
  const endsAt = limits.deadlineMs === undefined ? Infinity : performance.now() + limits.deadlineMs;
  const remainingMs = (): number => endsAt - performance.now();
  return {
    // Each request gets its own timeout or what is left of the deadline, whichever is shorter.
    send: (outgoing) => sendRequest(agent, outgoing, { ...limits, timeoutMs: Math.max(1, Math.min(limits.timeoutMs, Math.floor(remainingMs()))) }),
    remainingMs,
    // destroy, not close: a stream that never ends must not keep the process alive.
    close: () => agent.destroy(),
  };
}

async function sendRequest(dispatcher: Dispatcher, outgoing: OutgoingRequest, limits: RequestLimits): Promise<Exchange> {
  const startedAt = performance.now();
  const deadline = AbortSignal.timeout(limits.timeoutMs);
  const elapsed = (): number => Math.round(performance.now() - startedAt);
  let response: Dispatcher.ResponseData;
  try {
    response = await request(outgoing.url, {
      dispatcher,
      method: outgoing.method,
      headers: outgoing.headers.map(({ name, value }) => [name, value]).flat(),
      ...(outgoing.body !== undefined ? { body: outgoing.body } : {}),
      signal: deadline,
      headersTimeout: limits.timeoutMs,
      // request() never follows redirects: a 3xx is shown as the answer it is.
      bodyTimeout: limits.timeoutMs,
    });
  } catch (error) {
    return { kind: 'unreachable', request: outgoing, failure: describeConnectError(error, outgoing.url, limits.timeoutMs), elapsedMs: elapsed() };
  }
  const headers = flattenHeaders(response.headers);
  const contentType = headers.find((h) => h.name === 'content-type')?.value ?? '';
  const read = await readBody(response.body, {
    isEventStream: /text\/event-stream/i.test(contentType),
    maxBytes: limits.maxBodyBytes,
    deadline,
    ...(outgoing.awaitId !== undefined ? { awaitId: outgoing.awaitId } : {}),
  });
  return {
    kind: 'answered',
    request: outgoing,
    response: { status: response.statusCode, statusText: response.statusText, headers, body: read.text, stop: read.stop, bytes: read.bytes },
    elapsedMs: elapsed(),
  };
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): HeaderPair[] {
  const pairs: HeaderPair[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) pairs.push({ name: name.toLowerCase(), value: one });
  }
  return pairs;
}
