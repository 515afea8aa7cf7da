/**
 * Lines searched as one text: joined by line feeds, with the offset each line starts at, so a hit
 * found by one search of the whole text maps back to its line. One scan of the joined text costs a
 * handful of regex or indexOf calls where a per-line loop would cost several per line.
 */

/** The lines joined by line feeds, and the offset in `text` where each line starts. */
export interface JoinedLines {
  text: string;
  starts: Int32Array;
}

/** Joins the lines by line feeds, recording where each one starts. */
export function joinLines(lines: readonly string[]): JoinedLines {
  return { text: lines.join('\n'), starts: startsOfJoined(lines) };
}

/** Where each of the first `count` lines starts in the lines joined by line feeds: worked out from their lengths. */
export function startsOfJoined(lines: readonly string[], count = lines.length): Int32Array {
  const starts = new Int32Array(count);
  let offset = 0;
  for (let at = 0; at < count; at++) {
    starts[at] = offset;
    offset += (lines[at] as string).length + 1;
  }
  return starts;
}

/**
 * The index of the last start at or before `offset` (`starts` ascending, the first 0): the line
 * whose text holds that offset of the joined text. 0 for an empty list.
 */
export function lineAt(starts: ArrayLike<number>, offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] as number) <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * Calls `visit` on each line, from `fromLine` on, where the global pattern `search` finds a match
 * in the joined text (ascending, each line once: after a find, the search goes on from the next
 * line's start), until `visit` returns true or no match is left.
 */
export function forLinesMatching({ text, starts }: JoinedLines, search: RegExp, fromLine: number, visit: (line: number) => boolean | void): void {
  for (let line = fromLine; line < starts.length; line++) {
    search.lastIndex = starts[line] as number;
    const found = search.exec(text);
    if (found === null) return;
    line = lineAt(starts, found.index);
    if (visit(line) === true) return;
  }
}
