/**
 * The longest runs of word characters of a paste's lines, which patterns' run bounds are compared
 * with: measured per line when a line is first asked about, since most lines of a large paste
 * never reach a pattern.
 */
import type { JoinedLines } from './joined-lines.ts';
import { ASCII_SYMBOLS, LAST_WORD_SYMBOL } from './text-grams.ts';

/**
 * The longest word run a line is recorded with: longer runs count as this long. A pattern's run
 * bound is the length of a word it names, far below it, so a bound never meets a clamped run.
 */
export const MAX_COUNTED_RUN = 0xffff;

/**
 * The longest and second-longest run of word characters (`[A-Za-z0-9_ſK]`: `ſ` and `K` are word
 * characters to a case-insensitive pattern) of each line, measured when a line is first asked
 * about: most lines of a large paste never are.
 */
export class LineWordRuns {
  readonly #joined: JoinedLines;
  readonly #longest: Uint16Array;
  readonly #second: Uint16Array;
  readonly #isMeasured: Uint8Array;

  constructor(joined: JoinedLines) {
    this.#joined = joined;
    const lineCount = joined.starts.length;
    this.#longest = new Uint16Array(lineCount);
    this.#second = new Uint16Array(lineCount);
    this.#isMeasured = new Uint8Array(lineCount);
  }

  /** The longest run of line `index` (at most `MAX_COUNTED_RUN`; 0 past the end). */
  longestAt(index: number): number {
    if (this.#isMeasured[index] !== 1) this.#measure(index);
    return this.#longest[index] ?? 0;
  }

  /** The second-longest run of line `index` (0 when it has fewer than two runs). */
  secondAt(index: number): number {
    if (this.#isMeasured[index] !== 1) this.#measure(index);
    return this.#second[index] ?? 0;
  }

  #measure(index: number): void {
    const { text, starts } = this.#joined;
    if (index < 0 || index >= starts.length) return;
    const end = index + 1 < starts.length ? (starts[index + 1] as number) - 1 : text.length;
    let longest = 0;
    let second = 0;
    let run = 0;
    for (let i = starts[index] as number; i <= end; i++) {
      const code = i < end ? text.charCodeAt(i) : 10;
      if (code < 128 ? (ASCII_SYMBOLS[code] as number) <= LAST_WORD_SYMBOL : code === 0x17f || code === 0x212a) {
        run++;
        continue;
      }
      if (run > longest) {
        second = longest;
        longest = run;
      } else if (run > second) second = run;
      run = 0;
    }
    this.#longest[index] = Math.min(longest, MAX_COUNTED_RUN);
    this.#second[index] = Math.min(second, MAX_COUNTED_RUN);
    this.#isMeasured[index] = 1;
  }
}
