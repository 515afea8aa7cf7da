/** One complete event of a server-sent-events stream. */
export interface SseFrame {
  /** The `event:` field, when given. */
  event?: string;
  /** The `data:` lines joined with newlines. */
  data: string;
  /** `data` parsed as JSON, when it is JSON. */
  json?: unknown;
}

/**
 * Splits event-stream text into its complete events; comment lines (`: ping`) are skipped and a
 * trailing event without its blank line is left out, as it may still be arriving.
 * https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation
 */
export function parseSseFrames(text: string): { frames: SseFrame[]; isComplete: boolean } {
  const normalised = text.replace(/\r\n?/g, '\n');
  const blocks = normalised.split(/\n\n/);
  const isComplete = normalised.endsWith('\n\n') || normalised.trim() === '';
  const complete = isComplete ? blocks : blocks.slice(0, -1);
  const frames: SseFrame[] = [];
  for (const block of complete) {
    let event: string | undefined;
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length === 0) continue;
    const joined = data.join('\n');
    const frame: SseFrame = { ...(event !== undefined ? { event } : {}), data: joined };
    try {
      frame.json = JSON.parse(joined);
    } catch {
      // Not JSON: the frame is still shown as text.
    }
    frames.push(frame);
  }
  return { frames, isComplete };
}
