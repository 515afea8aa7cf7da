import { createJsonScanner, MAX_JSON_CHARS, tryParseJson } from './find-json.ts';
import type { SourceLine } from './split-lines.ts';

/** The outcome of reading a JSON value that may run over several lines. */
export type JsonBlockRead =
  | {
      /** The value closed and parsed. */
      kind: 'parsed';
      /** The parsed value. */
      value: unknown;
      /** Index of the first line after the value. */
      next: number;
      /** What follows the closing bracket on its line, trimmed (`%` when zsh marks a missing newline). */
      rest: string;
    }
  | {
      /** The brackets never closed, or what they enclose is not JSON. */
      kind: 'failed';
      /** Index of the last line the scan looked at, plus one. */
      scannedTo: number;
    };

/**
 * Reads a JSON object or array whose first bracket is the first non-blank character of line
 * `start`, following it over as many lines as its brackets stay open (pretty-printed bodies),
 * up to `MAX_JSON_CHARS` characters. Text after the closing bracket on its line is ignored.
 */
export function readJsonBlock(lines: SourceLine[], start: number, end: number): JsonBlockRead {
  const scanner = createJsonScanner();
  const parts: string[] = [];
  let budget = MAX_JSON_CHARS;
  for (let index = start; index < end; index++) {
    const text = lines[index]?.text ?? '';
    const from = index === start ? text.length - text.trimStart().length : 0;
    if (index > start) {
      scanner.feed(10);
    }
    const stop = Math.min(text.length, from + budget);
    for (let position = from; position < stop; position++) {
      const state = scanner.feed(text.charCodeAt(position));
      if (state === 'broken') return { kind: 'failed', scannedTo: index + 1 };
      if (state === 'closed') {
        parts.push(text.slice(from, position + 1));
        const parsed = tryParseJson(parts.join('\n'));
        if (!parsed) return { kind: 'failed', scannedTo: index + 1 };
        return { kind: 'parsed', value: parsed.value, next: index + 1, rest: text.slice(position + 1, position + 201).trim() };
      }
    }
    budget -= stop - from + 1;
    if (budget <= 0) return { kind: 'failed', scannedTo: index + 1 };
    parts.push(text.slice(from));
  }
  return { kind: 'failed', scannedTo: end };
}
