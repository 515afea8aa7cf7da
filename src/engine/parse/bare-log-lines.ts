import type { LineMarks } from './line-marks.ts';
import { hasGenericLogStart } from './parse-log-line.ts';
import { CLASSIFY_PREFIX, isSpaceCode } from './split-lines.ts';

/** The lines of a paste with the text they were split from (on LF, CRLF or a lone CR) and where each starts in it (line-starts.ts). */
export interface SplitText {
  text: string;
  lines: readonly string[];
  starts: Int32Array;
}

/**
 * Where a run of bare generic log lines that starts at line `from` ends (`from` itself when that
 * line is not one), looking no further than `end`.
 *
 * A bare generic log line is the common line of a long log, which the parser's readers would only
 * tag `log`: a generic log line (a date, a time, a level) that the pre-pass found nothing in (no
 * marks: no `{ [ | #`, escape, `LiteLLM`, `HTTP`, client, exception or status word), so its
 * message yields nothing. Such a line then costs one pattern test instead of the whole dispatch.
 * The marks the pre-pass has not searched for yet are searched for (once, for the whole paste)
 * only when a line passes the cheaper tests.
 *
 * Why no reader before the log reader can claim it: it starts with a digit, and each of them
 * needs a line led by something else (a prompt, a letter, `*`, `<`, `>`, `|`, `+`), or (a server
 * block) one ending in `:`; and a docker timestamp (`2025-06-01T…`, a `T` at index 10), which
 * stripLogPrefix would remove before the log formats are tried, sends the line the long way. Its
 * text holds the `:` of its time, so it is never one of the plain texts a parse remembers, and
 * it is not blank: the run needs neither test.
 *
 * A run is read in one loop, which takes each line's first, last and eleventh characters from the
 * text the lines were split from rather than through the line's own text, a slice of it (parse of
 * a 10 MB log of 128k such lines, CPU min: 23.6 -> 23.0 ms).
 */
export function bareLogLinesEnd(split: SplitText, marks: LineMarks, from: number, end: number): number {
  const { text, lines, starts } = split;
  let index = from;
  for (; index < end; index++) {
    if (marks.found(index) !== 0) break;
    const length = (lines[index] as string).length;
    const start = starts[index] as number;
    const first = text.charCodeAt(start);
    const last = text.charCodeAt(start + length - 1);
    // Past the end of a line of under 11 characters no `T` counts: such a line fails the pattern,
    // which needs a date and a time.
    const isDockerStamp = length > 10 && text.charCodeAt(start + 10) === 84;
    if (length === 0 || length > CLASSIFY_PREFIX || first < 48 || first > 57 || isDockerStamp || last === 58 || isSpaceCode(last)) break;
    if (!hasGenericLogStart(lines[index] as string) || marks.complete(index) !== 0) break;
  }
  return index;
}
