import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Evidence } from '../../src/engine/evidence.ts';
import { parseInput } from '../../src/engine/parse-input.ts';
import { bareLogLinesEnd } from '../../src/engine/parse/bare-log-lines.ts';
import { lineStarts } from '../../src/engine/parse/line-starts.ts';
import { scanLineMarks } from '../../src/engine/parse/scan-line-marks.ts';
import { splitLineTexts } from '../../src/engine/parse/split-lines.ts';

// Runs of bare generic log lines are read in one loop, partly on the text the lines were split
// from: whatever the line breaks, a run must end where a read of each line on its own would.

function plain(evidence: Evidence): unknown {
  return { ...evidence, lines: evidence.lines.toArray() };
}

// Pieces of generic log lines and their near misses, with every kind of space and line end.
const pieces = [
  '2026-01-01', ' ', 'T', '12:00:07', ',123', 'Z', '[', ']', 'INFO', 'info', 'WARNING', 'ERROR', 'httpx', 'litellm.proxy', '- ', '| ', ':', '-',
  '\t', '\u00a0', '\u2028', '\u3000', '\f', 'x', 'routine line', ' 500 Unauthorized', ' status', ' tools', ' {', "'", '7',
];
const line = fc.tuple(fc.boolean(), fc.array(fc.constantFrom(...pieces), { maxLength: 8 })).map(([dated, parts]) => (dated ? '2026-01-01 12:00:07' : '') + parts.join(''));
const lineBreak = fc.constantFrom('\n', '\n', '\r\n', '\r', '\n\n');
const paste = fc.array(fc.tuple(line, lineBreak), { minLength: 1, maxLength: 12 }).map((parts) => parts.map(([text, end]) => text + end).join(''));

describe('bare log lines', () => {
  it('end at the first line that is not one', () => {
    const log = '2026-01-01 12:00:07 INFO routine line';
    const texts = [log, log, `${log} {`, log, `${log} tools`, '', log, `2026-01-01T12:00:07 INFO routine line`, log];
    const text = texts.join('\n');
    const split = { text, lines: texts, starts: lineStarts(text, texts) };
    const marks = scanLineMarks(text, texts, split.starts);
    expect(bareLogLinesEnd(split, marks, 0, texts.length)).toBe(2);
    expect(bareLogLinesEnd(split, marks, 1, 2)).toBe(2);
    expect(bareLogLinesEnd(split, marks, 2, texts.length)).toBe(2);
    expect(bareLogLinesEnd(split, marks, 3, texts.length)).toBe(4);
    expect(bareLogLinesEnd(split, marks, 5, texts.length)).toBe(5);
    expect(bareLogLinesEnd(split, marks, 6, texts.length)).toBe(7);
    expect(bareLogLinesEnd(split, marks, 8, texts.length)).toBe(9);
  });

  it('look at the first, last and eleventh characters of each line, whatever the line breaks', () => {
    const log = '2026-01-01 12:00:07 INFO routine line';
    for (const lineBreak of ['\n', '\r\n', '\r']) {
      const text = [log, `${log} as x:`, log, `${log} `, log, '2026-01-01T12:00:07 INFO x', 'x', '1'].join(lineBreak);
      const texts = splitLineTexts(text);
      const split = { text, lines: texts, starts: lineStarts(text, texts) };
      const marks = scanLineMarks(text, texts, split.starts);
      expect([0, 1, 2, 3, 4, 5, 6, 7].map((from) => bareLogLinesEnd(split, marks, from, texts.length))).toEqual([1, 1, 3, 3, 5, 5, 6, 7]);
    }
  });

  it('leave a whole parse as a read of every line by every reader gives', () => {
    fc.assert(
      fc.property(paste, (text) => {
        expect(plain(parseInput({ paste: text }))).toEqual(plain(parseInput({ paste: text }, { usesLineMarks: false })));
      }),
      { numRuns: 1500 },
    );
  });
});
