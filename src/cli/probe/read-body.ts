import { parseSseFrames } from './parse-sse.ts';

/** Why the probe stopped reading a body. */
export type BodyStop =
  | { kind: 'end' }
  /** An event stream delivered the JSON-RPC response the probe waited for; the rest is not needed. */
  | { kind: 'matched-id'; id: number }
  | { kind: 'byte-cap'; maxBytes: number }
  | { kind: 'time-cap' }
  /** The connection broke mid-body. */
  | { kind: 'broken'; message: string };

/** How to read one body. */
export interface ReadOptions {
  /** The body is `text/event-stream`: read frame by frame and stop at the awaited response. */
  isEventStream: boolean;
  /** The JSON-RPC id whose response ends an event stream. */
  awaitId?: number;
  maxBytes: number;
  /** Aborts when the request's time is up. */
  deadline: AbortSignal;
}

/** A body as far as it was read. */
export interface ReadResult {
  text: string;
  bytes: number;
  stop: BodyStop;
}

/**
 * Reads a response body within a byte cap and the request's deadline. A streamable-HTTP answer is
 * an event stream that may stay open after the response arrives (the server may keep it for
 * notifications), so an event stream is read until the frame answering `awaitId`, then dropped.
 * https://modelcontextprotocol.io/specification/2025-06-18/basic/transports#sending-messages-to-the-server
 */
export async function readBody(body: AsyncIterable<Uint8Array> & { destroy(error?: Error): unknown }, options: ReadOptions): Promise<ReadResult> {
  const decoder = new TextDecoder('utf-8', { fatal: false });
  let text = '';
  let bytes = 0;
  let stop: BodyStop = { kind: 'end' };
  try {
    for await (const chunk of body) {
      const room = options.maxBytes - bytes;
      const part = chunk.byteLength > room ? chunk.subarray(0, room) : chunk;
      bytes += part.byteLength;
      text += decoder.decode(part, { stream: true });
      if (options.isEventStream && options.awaitId !== undefined && hasResponse(text, options.awaitId)) {
        stop = { kind: 'matched-id', id: options.awaitId };
        break;
      }
      if (chunk.byteLength >= room) {
        stop = { kind: 'byte-cap', maxBytes: options.maxBytes };
        break;
      }
    }
    text += decoder.decode();
  } catch (error) {
    stop = options.deadline.aborted || isTimeout(error) ? { kind: 'time-cap' } : { kind: 'broken', message: (error as Error).message };
  } finally {
    if (stop.kind !== 'end') body.destroy();
  }
  return { text, bytes, stop };
}

function hasResponse(text: string, id: number): boolean {
  return parseSseFrames(text).frames.some((frame) => {
    const message = frame.json;
    return typeof message === 'object' && message !== null && 'id' in message && (message as { id: unknown }).id === id &&
      ('result' in message || 'error' in message);
  });
}

function isTimeout(error: unknown): boolean {
  const code = (error as { code?: unknown; name?: unknown } | null)?.code;
  const name = (error as { name?: unknown } | null)?.name;
  return code === 'UND_ERR_BODY_TIMEOUT' || name === 'TimeoutError' || name === 'AbortError';
}
