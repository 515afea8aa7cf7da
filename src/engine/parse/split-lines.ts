/**
 * One physical line of an input, before the parser decides what it is.
 */
export interface SourceLine {
  /** The line as given, without its line break. */
  text: string;
  /** 1-based line number in its input. */
  line: number;
}

/** How much of a line the classifiers look at: very long lines are judged by their start. */
export const CLASSIFY_PREFIX = 4096;

/**
 * Splits text into lines on LF, CRLF or a lone CR, numbering them from 1. Linear in the text.
 */
export function splitLines(text: string): SourceLine[] {
  const parts = text.split(/\r\n|\r|\n/);
  const lines: SourceLine[] = new Array<SourceLine>(parts.length);
  for (let index = 0; index < parts.length; index++) {
    lines[index] = { text: parts[index] ?? '', line: index + 1 };
  }
  return lines;
}

/**
 * The part of a line classifiers look at: a bounded prefix with terminal colour codes removed,
 * so a 10 MB line costs no more than a short one and `\x1b[92m15:29:02 - LiteLLM…` reads as a log line.
 */
export function headOf(text: string): string {
  const head = text.length > CLASSIFY_PREFIX ? text.slice(0, CLASSIFY_PREFIX) : text;
  return head.includes('\u001b') ? stripAnsi(head) : head;
}

/** Removes ANSI colour/style escape sequences (`ESC[92m`), which LiteLLM's coloured logger emits. */
export function stripAnsi(text: string): string {
  return text.replace(/\u001b\[[0-9;]{0,20}[A-Za-z]/g, '');
}

/** Whether a line holds nothing but whitespace (what `String.prototype.trim` removes). */
export function isBlank(text: string): boolean {
  // The common case decides on the first character without allocating a trimmed copy.
  const first = text.charCodeAt(0);
  if (text.length === 0) return true;
  if (first > 32 && first < 127) return false;
  return text.trim() === '';
}
