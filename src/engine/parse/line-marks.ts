/**
 * Line marks: one bit per thing a detector needs a line to hold before it can find anything in
 * it (a `{`, `LiteLLM`, an exception word…). The parser's pre-pass (scan-line-marks.ts) finds
 * them for every line of a paste with a few whole-text searches; a detector given a line's marks
 * skips the line at once when the bit it needs is clear. A set bit only says "may hold": the
 * detector still looks.
 *
 * Each bit is a necessary condition, never a sufficient one, so a detector answers the same with
 * a line's marks as with `ALL_MARKS` (what it assumes when it is given none).
 */
export const MARK = {
  /** An opening brace `{`: JSON in the line, a `"headers": {` fragment. */
  openBrace: 1 << 0,
  /** An opening bracket `[`: JSON, mcp-remote's `[pid]`, a bracketed level. */
  openBracket: 1 << 1,
  /** A bar `|`: a docker compose service column. */
  bar: 1 << 2,
  /** A hash `#`: a YAML comment. */
  hash: 1 << 3,
  /** `LiteLLM`: LiteLLM's own log format. */
  liteLlm: 1 << 4,
  /** `HTTP`: an access-log request line, an `HTTP 500` mention. */
  http: 1 << 5,
  /** One of the words every MCP client message holds (parse-client-output.ts `CLIENT_WORDS`). */
  clientWord: 1 << 6,
  /** One of the words an exception type ends with (parse-traceback.ts `EXCEPTION_WORDS`). */
  exceptionWord: 1 << 7,
  /** One of the clues every status mention holds (find-status.ts `STATUS_CLUES`). */
  statusClue: 1 << 8,
  /**
   * An escape character (ESC, the start of a terminal colour code). Removing colour codes can
   * join the text around them into any word, so a line with one gets every mark.
   */
  colourCode: 1 << 9,
} as const;

/** Every mark set: what a detector assumes of a line nobody scanned. */
export const ALL_MARKS = (1 << 10) - 1;

/** Whether the marks hold at least one of the bits of `mark`. */
export function hasMark(marks: number, mark: number): boolean {
  return (marks & mark) !== 0;
}

/**
 * The marks of each line of one input, as the pre-pass (scan-line-marks.ts) found them. The
 * costlier searches may wait until a reader needs their bits (`complete`): until then those bits
 * read as set, which only says "may hold".
 */
export class LineMarks {
  #marks: Uint16Array | undefined;
  #pending: number;
  #finish: ((marks: Uint16Array | undefined) => Uint16Array | undefined) | undefined;

  /**
   * `marks` by line index (undefined when no line holds anything marked so far); `pending`, the
   * bits not searched for yet, and `finish`, what searches them and returns the marks with them.
   */
  constructor(marks: Uint16Array | undefined, pending = 0, finish?: (marks: Uint16Array | undefined) => Uint16Array | undefined) {
    this.#marks = marks;
    this.#pending = finish === undefined ? 0 : pending;
    this.#finish = finish;
  }

  /** Every mark the line at `index` may hold: those found, and those not searched for yet. */
  at(index: number): number {
    return this.found(index) | this.#pending;
  }

  /** The marks found in the line at `index` so far (0 past the end). */
  found(index: number): number {
    return this.#marks === undefined ? 0 : (this.#marks[index] ?? 0);
  }

  /** The marks of the line at `index` once every search has run (those that waited run now, once, over the whole text). */
  complete(index: number): number {
    if (this.#finish !== undefined) {
      this.#marks = this.#finish(this.#marks);
      this.#finish = undefined;
      this.#pending = 0;
    }
    return this.found(index);
  }
}
