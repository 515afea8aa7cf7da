import { firstNonSpace, type LineList } from './split-lines.ts';
import { createCommandTracker } from './tokenize-shell.ts';
import { lineAt } from '../joined-lines.ts';

/** A shell command as pasted over one or more lines. */
export interface PastedCommand {
  /** The command lines joined with newlines. */
  text: string;
  /** Index of the first line after the command. */
  next: number;
  /** The 1-based input line an offset of `text` falls on. */
  lineAt(offset: number): number;
}

/** The most lines one pasted command may take (a long `-d` body spread over lines still fits). */
const MAX_COMMAND_LINES = 400;

/**
 * Removes the indentation and a leading prompt (`$ `, `% `, `# `, `> `, `PS C:\> `) from the first
 * line of a command without running a pattern: the indentation, then optionally `PS ` and a
 * path up to the first `>` within 200 characters, or one of `$ % # >`, then the spaces after it.
 */
export function stripPrompt(text: string): string {
  let at = firstNonSpace(text);
  const code = text.charCodeAt(at);
  if (code === 80 && text.startsWith('PS ', at)) {
    // `PS <path>>`: the first `>` within 200 characters, with no line break before it.
    const close = text.indexOf('>', at + 3);
    const lineBreak = text.indexOf('\n', at + 3);
    if (close >= 0 && close - (at + 3) <= 200 && (lineBreak < 0 || lineBreak > close)) at = firstNonSpace(text, close + 1);
  } else if (code === 36 || code === 37 || code === 35 || code === 62) {
    at = firstNonSpace(text, at + 1);
  }
  return at === 0 ? text : text.slice(at);
}

/**
 * Collects the lines of a command that starts at `start`: it continues while a line ends in a
 * continuation character (`\`, `^`, backtick) or a quote is still open. A leading prompt
 * (`$ `, `% `, `# `, `PS C:\> `) is removed from the first line.
 */
export function readCommand(lines: LineList, start: number, end: number): PastedCommand {
  const tracker = createCommandTracker();
  const parts: string[] = [];
  const starts: number[] = [];
  const numbers: number[] = [];
  let offset = 0;
  let index = start;
  for (; index < end && index - start < MAX_COMMAND_LINES; index++) {
    if (index >= lines.length) break;
    let text = lines.textAt(index);
    if (index === start) text = stripPrompt(text);
    parts.push(text);
    starts.push(offset);
    numbers.push(lines.lineAt(index));
    offset += text.length + 1;
    tracker.feed(text);
    if (!tracker.isOpen()) {
      index++;
      break;
    }
  }
  const text = parts.join('\n');
  return {
    text,
    next: Math.max(index, start + 1),
    lineAt(position: number): number {
      return numbers[lineAt(starts, position)] ?? numbers[0] ?? 1;
    },
  };
}
