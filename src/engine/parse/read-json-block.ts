import { createJsonScanner, JSON_BROKEN, JSON_OPEN, MAX_JSON_CHARS, scanJson, tryParseScannedJson } from './find-json.ts';
import { firstNonSpace, type LineList } from './split-lines.ts';

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
export function readJsonBlock(lines: LineList, start: number, end: number): JsonBlockRead {
  const scanner = createJsonScanner();
  const parts: string[] = [];
  let budget = MAX_JSON_CHARS;
  for (let index = start; index < end; index++) {
    const text = lines.textAt(index);
    const from = index === start ? firstNonSpace(text) : 0;
    // The line break between two lines is part of the value (it matters inside a string only).
    if (index > start) scanJson(scanner, '\n', 0, 1);
    const stop = Math.min(text.length, from + budget);
    const state = scanJson(scanner, text, from, stop);
    if (state === JSON_BROKEN) return { kind: 'failed', scannedTo: index + 1 };
    if (state !== JSON_OPEN) {
      parts.push(text.slice(from, state));
      // The value runs from its first bracket to the one that closes it: already balanced.
      const parsed = scanner.isPlausible ? tryParseScannedJson(parts.length === 1 ? (parts[0] as string) : parts.join('\n')) : undefined;
      if (!parsed) return { kind: 'failed', scannedTo: index + 1 };
      return { kind: 'parsed', value: parsed.value, next: index + 1, rest: text.slice(state, state + 200).trim() };
    }
    budget -= stop - from + 1;
    if (budget <= 0) return { kind: 'failed', scannedTo: index + 1 };
    parts.push(text.slice(from));
  }
  return { kind: 'failed', scannedTo: end };
}
