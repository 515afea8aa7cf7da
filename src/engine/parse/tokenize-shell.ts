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
    const char = text[index];
    if (char === ' ' || char === '\t' || char === '\n' || char === '\r') {
      index++;
      continue;
    }
    // Line continuations of cmd.exe (`^`) and PowerShell (backtick) are treated like `\`.
    if ((char === '\\' || char === '^' || char === '`') && (text[index + 1] === '\n' || text[index + 1] === '\r' || index + 1 === length)) {
      index += 2;
      continue;
    }
    if (char === '|' || char === ';' || char === '&' || char === '>' || char === '<') {
      const start = index;
      while (index < length && '|;&><'.includes(text[index] ?? '')) index++;
      tokens.push({ value: text.slice(start, index), start, isOperator: true });
      continue;
    }
    const start = index;
    let value = '';
    while (index < length) {
      const current = text[index] as string;
      if (current === ' ' || current === '\t' || current === '\n' || current === '\r') break;
      if ('|;&<>'.includes(current)) {
        // `2>&1` and `>file` are redirections: end the word here, the operator follows.
        break;
      }
      if (current === "'") {
        const close = text.indexOf("'", index + 1);
        const stop = close < 0 ? length : close;
        value += text.slice(index + 1, stop);
        index = stop + 1;
        continue;
      }
      if (current === '$' && text[index + 1] === "'") {
        index += 2;
        while (index < length && text[index] !== "'") {
          if (text[index] === '\\' && index + 1 < length) {
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
      if (current === '"') {
        index++;
        while (index < length && text[index] !== '"') {
          if (text[index] === '\\' && index + 1 < length && '"\\$`\n'.includes(text[index + 1] as string)) {
            if (text[index + 1] !== '\n') value += text[index + 1];
            index += 2;
          } else {
            value += text[index];
            index++;
          }
        }
        index++;
        continue;
      }
      if (current === '\\' && index + 1 < length) {
        if (text[index + 1] !== '\n') value += text[index + 1];
        index += 2;
        continue;
      }
      value += current;
      index++;
    }
    // `2>&1`: the leading digit belongs to the redirection, not to the command.
    if (/^\d$/.test(value) && '<>'.includes(text[index] ?? '')) {
      continue;
    }
    tokens.push({ value, start, isOperator: false });
  }
  return tokens;
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
  let quote: string | undefined;
  let continues = false;
  return {
    feed(line: string): void {
      for (let index = 0; index < line.length; index++) {
        const char = line[index];
        if (quote === undefined) {
          if (char === '\\') index++;
          else if (char === "'" || char === '"') quote = char;
        } else if (char === quote) quote = undefined;
        else if (quote === '"' && char === '\\') index++;
      }
      const trimmed = line.trimEnd();
      const last = trimmed[trimmed.length - 1];
      continues = quote === undefined && (last === '\\' || last === '^' || last === '`');
    },
    isOpen(): boolean {
      return quote !== undefined || continues;
    },
  };
}
