import { isSpaceCode } from './split-lines.ts';

/** One word of a shell command, with where it started in the command text. */
export interface ShellToken {
  /** The word with quotes removed and escapes applied. */
  value: string;
  /** Offset of the word's first character in the command text. */
  start: number;
  /** Whether this is a control operator (`|`, `;`, `&&`, `||`, `>`…) rather than a word. */
  isOperator: boolean;
}

/**
 * Splits a POSIX-shell-like command into words: single quotes are literal, double quotes allow
 * backslash escapes, `$'…'` allows C escapes, a backslash outside quotes escapes the next
 * character and a backslash-newline is a line continuation. Unclosed quotes run to the end
 * (the paste may be cut). Never throws; linear in the text.
 */
export function tokenizeShell(text: string): ShellToken[] {
  const tokens: ShellToken[] = [];
  let index = 0;
  const length = text.length;
  while (index < length) {
    const char = text.charCodeAt(index);
    if (char === 32 || char === 9 || char === 10 || char === 13) {
      index++;
      continue;
    }
    // Line continuations of cmd.exe (`^`) and PowerShell (backtick) are treated like `\`.
    if (char === 92 || char === 94 || char === 96) {
      const next = text.charCodeAt(index + 1);
      if (next === 10 || next === 13 || index + 1 === length) {
        index += 2;
        continue;
      }
    }
    if (isOperatorCode(char)) {
      const start = index;
      while (index < length && isOperatorCode(text.charCodeAt(index))) index++;
      tokens.push({ value: text.slice(start, index), start, isOperator: true });
      continue;
    }
    const start = index;
    let value = '';
    while (index < length) {
      const current = text.charCodeAt(index);
      // `2>&1` and `>file` are redirections: the word ends at the operator, which follows.
      if (current === 32 || current === 9 || current === 10 || current === 13 || isOperatorCode(current)) break;
      if (current === 39) {
        const close = text.indexOf("'", index + 1);
        const stop = close < 0 ? length : close;
        value += text.slice(index + 1, stop);
        index = stop + 1;
        continue;
      }
      if (current === 36 && text.charCodeAt(index + 1) === 39) {
        index += 2;
        while (index < length && text.charCodeAt(index) !== 39) {
          if (text.charCodeAt(index) === 92 && index + 1 < length) {
            const next = text[index + 1] as string;
            value += next === 'n' ? '\n' : next === 't' ? '\t' : next;
            index += 2;
          } else {
            value += text[index];
            index++;
          }
        }
        index++;
        continue;
      }
      if (current === 34) {
        index++;
        while (index < length) {
          // Copy the run up to the next quote or backslash in one slice.
          let stop = index;
          let code = text.charCodeAt(stop);
          while (stop < length && code !== 34 && code !== 92) code = text.charCodeAt(++stop);
          if (stop > index) value += text.slice(index, stop);
          index = stop;
          if (index >= length || code === 34) break;
          const next = text.charCodeAt(index + 1);
          if (index + 1 < length && (next === 34 || next === 92 || next === 36 || next === 96 || next === 10)) {
            if (next !== 10) value += text[index + 1];
            index += 2;
          } else {
            value += '\\';
            index++;
          }
        }
        index++;
        continue;
      }
      if (current === 92 && index + 1 < length) {
        if (text.charCodeAt(index + 1) !== 10) value += text[index + 1];
        index += 2;
        continue;
      }
      // A run of plain characters is copied in one slice.
      let stop = index + 1;
      while (stop < length && isPlainCode(text.charCodeAt(stop))) stop++;
      value += stop === index + 1 ? (text[index] as string) : text.slice(index, stop);
      index = stop;
    }
    // `2>&1`: the leading digit belongs to the redirection, not to the command. Only a `<` or `>`
    // right after the digit makes it one; a digit that ends the text (`curl … -m 5`) is a word.
    if (value.length === 1 && isDigitCode(value.charCodeAt(0)) && index < length && isRedirectCode(text.charCodeAt(index))) {
      continue;
    }
    tokens.push({ value, start, isOperator: false });
  }
  return tokens;
}

// `|`, `;`, `&`, `>`, `<`: control and redirection operators.
function isOperatorCode(code: number): boolean {
  return code === 124 || code === 59 || code === 38 || code === 62 || code === 60;
}

function isRedirectCode(code: number): boolean {
  return code === 60 || code === 62;
}

function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

// A character with no meaning to the tokenizer inside a word: not a blank, an operator, a quote,
// a backslash or a `$` (which may open `$'…'`).
function isPlainCode(code: number): boolean {
  return !(code === 32 || code === 9 || code === 10 || code === 13 || isOperatorCode(code) || code === 39 || code === 34 || code === 92 || code === 36);
}

/** Follows shell quoting line by line, to know whether a pasted command continues on the next line. */
export interface CommandTracker {
  /** Feeds one more line of the command. */
  feed(line: string): void;
  /** Whether the command goes on: a quote is still open or the last line ends in a continuation character. */
  isOpen(): boolean;
}

/** Creates a tracker; feeding lines one by one keeps the cost linear in the command length. */
export function createCommandTracker(): CommandTracker {
  let quote: number | undefined;
  let continues = false;
  return {
    feed(line: string): void {
      for (let index = 0; index < line.length; index++) {
        if (quote === 39) {
          // Inside single quotes only the closing quote counts: jump to it.
          const close = line.indexOf("'", index);
          if (close < 0) break;
          index = close;
          quote = undefined;
          continue;
        }
        const char = line.charCodeAt(index);
        if (quote === undefined) {
          if (char === 92) index++;
          else if (char === 39 || char === 34) quote = char;
        } else if (char === quote) quote = undefined;
        else if (quote === 34 && char === 92) index++;
      }
      let last = line.length - 1;
      while (last >= 0 && isSpaceCode(line.charCodeAt(last))) last--;
      const lastCode = line.charCodeAt(last);
      continues = quote === undefined && (lastCode === 92 || lastCode === 94 || lastCode === 96);
    },
    isOpen(): boolean {
      return quote !== undefined || continues;
    },
  };
}
