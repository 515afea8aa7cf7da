import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectDigestCases } from '../../scripts/digest-cases.ts';
import type { Evidence } from '../../src/engine/evidence.ts';
import { parseInput } from '../../src/engine/parse-input.ts';
import { isServerBlockStart } from '../../src/engine/parse/find-config.ts';
import { findStatusMentions } from '../../src/engine/parse/find-status.ts';
import { ALL_MARKS, MARK } from '../../src/engine/parse/line-marks.ts';
import { recognizeClientLine } from '../../src/engine/parse/parse-client-output.ts';
import { parseLogLine, stripLogPrefix } from '../../src/engine/parse/parse-log-line.ts';
import { findInlineException, isStandaloneExceptionLine } from '../../src/engine/parse/parse-traceback.ts';
import { scanLineMarks } from '../../src/engine/parse/scan-line-marks.ts';
import { headOf, splitLineTexts, TextLines } from '../../src/engine/parse/split-lines.ts';

// The pre-pass marks what each line holds (scan-line-marks.ts) and the detectors skip a line whose
// marks lack what they need. A mark is only ever a necessary condition: every detector must answer
// the same with a line's marks as with all of them, and a whole parse must give the same evidence.

/** The evidence with its lines as objects, for comparing whole parses. */
function plain(evidence: Evidence): unknown {
  return { ...evidence, lines: evidence.lines.toArray() };
}

/** The marks the pre-pass finds in one line, every search run. */
function marksOf(line: string): number {
  return scanLineMarks(line, [line]).complete(0);
}

// Pieces of the lines the detectors read, cut where their words start and end, so random joins
// make words a detector needs and near misses of them.
const fragments = [
  '2026-01-01 12:00:07 ', '2026-01-01T10:00:00Z ', '[2026-01-01T10:00:00Z] ', ':', '  url: http://x', '15:29:02 - ', 'LiteLLM', ' Proxy', ':ERROR: ', 'INFO', ':     ', '[warn] ', 'x',
  'litellm-1  ', '| ', '2025-06-01T10:00:00.123Z stdout F ', '"POST /mcp ', 'HTTP', '/1.1" ', '500', ' Internal Server Error', ' 401 ',
  'Unauthorized', 'status', 'STATUS', '_code=', "Client error '", '403 Forbidden', 'Non-200 ', 'SSE', ' error: ', '(HTTP 502)',
  'Error', 'Exception', 'Timeout', 'Cancelled', 'Exit', 'httpx.Connect', ': ', 'McpError', 'MCP', 'Mcp', 'rror', 'ail', 'uth', 'ools',
  'onnect', 'ontent type', 'Recursively', '[48213] ', '{"a": 1}', '[1, 2]', '{', '[', '#', ' # note', 'github:', '\u001b[31m', '\u001b[0m',
  'E', 'rr', 'or', ' ', '  ', 'é', '\u00a0',
];
const lines = fc.array(fc.constantFrom(...fragments), { maxLength: 12 }).map((parts) => parts.join(''));

describe('line marks', () => {
  it('are found in the line that holds them, whatever the line breaks', () => {
    const paste = 'plain\r\n{"a": 1}\rHTTP/1.1 500\nwith # comment\r\n\r\nLiteLLM\n\u001b[0mx';
    const texts = splitLineTexts(paste);
    const marks = scanLineMarks(paste, texts);
    // Before a reader asks, the pattern searches have not run: their bits read as set.
    const waiting = MARK.clientWord | MARK.statusClue;
    expect(texts.map((_, index) => marks.at(index))).toEqual([waiting, MARK.openBrace | waiting, MARK.http | waiting, MARK.hash | waiting, waiting, MARK.liteLlm | waiting, ALL_MARKS]);
    expect(texts.map((_, index) => marks.found(index))).toEqual([0, MARK.openBrace, MARK.http | MARK.statusClue, MARK.hash, 0, MARK.liteLlm, ALL_MARKS]);
    expect(texts.map((_, index) => marks.complete(index))).toEqual([0, MARK.openBrace, MARK.http | MARK.statusClue | MARK.clientWord, MARK.hash, 0, MARK.liteLlm, ALL_MARKS]);
    expect(marks.at(2)).toBe(marks.complete(2));
    // A paste holding nothing marked keeps no array of marks.
    expect(scanLineMarks('a\nb', ['a', 'b']).complete(1)).toBe(0);
  });

  it('mark every line that holds a word, not only the first of two', () => {
    const paste = 'Error Error\nError\nx\nTimeout';
    const marks = scanLineMarks(paste, splitLineTexts(paste));
    expect([0, 1, 2, 3].map((index) => (marks.complete(index) & MARK.exceptionWord) !== 0)).toEqual([true, true, false, true]);
  });

  it('leave every detector answering as it does with all marks', () => {
    fc.assert(
      fc.property(lines, (line) => {
        const marks = marksOf(line);
        expect(headOf(line, marks)).toBe(headOf(line));
        const head = headOf(line);
        expect(stripLogPrefix(head, marks)).toBe(stripLogPrefix(head));
        expect(parseLogLine(head, marks)).toEqual(parseLogLine(head));
        expect(recognizeClientLine(head, marks)).toBe(recognizeClientLine(head));
        expect(findStatusMentions(head, marks)).toEqual(findStatusMentions(head));
        expect(findInlineException(head, marks)).toEqual(findInlineException(head));
        expect(isStandaloneExceptionLine(head, marks)).toEqual(isStandaloneExceptionLine(head));
        const block = new TextLines([line, '  url: https://example.com/mcp']);
        expect(isServerBlockStart(block, 0, 2, marks)).toBe(isServerBlockStart(block, 0, 2));
      }),
      { numRuns: 6000 },
    );
  });

  it('leave a whole parse as a read of every line by every detector gives', () => {
    const breaks = fc.constantFrom('\n', '\n', '\r\n', '\r', '\n\n');
    const pastes = fc.array(fc.tuple(lines, breaks), { minLength: 1, maxLength: 20 }).map((parts) => parts.map(([line, lineBreak]) => line + lineBreak).join(''));
    fc.assert(
      fc.property(pastes, (paste) => {
        expect(plain(parseInput({ paste }))).toEqual(plain(parseInput({ paste }, { usesLineMarks: false })));
      }),
      { numRuns: 1500 },
    );
  });

  it('let a bare log line skip the readers only when none of them could read it', () => {
    const log = '2026-01-01 12:00:07 INFO routine line';
    const places = (paste: string): unknown => parseInput({ paste }).lines.toArray().map((line) => line.place);
    expect(places(`${log}\n${log}`)).toEqual(['log', 'log']);
    // A log of LiteLLM's own lines never asks for the pattern searches; its lines are read as before.
    const liteLlm = '12:00:07 - LiteLLM Proxy:DEBUG: proxy_server.py:812 - routine line';
    expect(plain(parseInput({ paste: `${liteLlm}\n${liteLlm} 500 Unauthorized` }))).toEqual(plain(parseInput({ paste: `${liteLlm}\n${liteLlm} 500 Unauthorized` }, { usesLineMarks: false })));
    // Each of these is read by what reads it without the pre-pass, not taken for a bare log line.
    const asRead = [
      `${log} then {"error": "x"}`,
      `${log}\n  ValueError: bad`,
      `2026-01-01T10:00:00Z INFO: ${log}`,
      `${log}:\n  url: http://x\n  transport: http`,
      `${log}\u00a0`,
      `\u001b[2m${log}\u001b[0m`,
    ];
    for (const paste of asRead) expect(plain(parseInput({ paste }))).toEqual(plain(parseInput({ paste }, { usesLineMarks: false })));
    expect(parseInput({ paste: `${log} then {"error": "x"}` }).json).toHaveLength(1);
  });

  it('mark the same lines when many lines hold a literal as when few do', () => {
    // Past a thousand lines found, each literal of a group goes on alone from the next line.
    const literals: Array<[string, number]> = [['{', MARK.openBrace], ['[', MARK.openBracket], ['HTTP', MARK.http | MARK.statusClue], ['LiteLLM', MARK.liteLlm], ['#', MARK.hash], ['|', MARK.bar], ['Error', MARK.exceptionWord]];
    const texts = Array.from({ length: 3000 }, (_, at) => {
      const held = literals.filter((_, index) => (at * 7 + index * 3) % (index + 2) === 0).map(([literal]) => literal);
      return at % 5 === 4 ? `plain ${at}` : `line ${at} ${held.join(' x ')}`;
    });
    const marks = scanLineMarks(texts.join('\n'), texts);
    const expected = texts.map((text) => literals.reduce((bits, [literal, mark]) => (text.includes(literal) ? bits | mark : bits), 0));
    expect(texts.map((_, index) => marks.found(index))).toEqual(expected);
    expect(expected.filter((bits) => bits !== 0).length).toBeGreaterThan(1500);
  });

  it('mark every line after a literal turns out to be in most of them, and the parse agrees', () => {
    const paste = Array.from({ length: 10_000 }, (_, at) => (at % 3 === 0 ? '2026-01-01 12:00:07 INFO routine line' : `{"line": ${at}}`)).join('\n');
    const marks = scanLineMarks(paste, splitLineTexts(paste));
    expect((marks.complete(0) & MARK.openBrace) === 0).toBe(true);
    expect((marks.complete(9999) & MARK.openBrace) !== 0).toBe(true);
    expect(plain(parseInput({ paste }))).toEqual(plain(parseInput({ paste }, { usesLineMarks: false })));
  });

  it('leave the evidence of every paste the results digest covers unchanged', () => {
    const { cases } = collectDigestCases(resolve(import.meta.dirname, '../..'));
    expect(cases.length).toBeGreaterThan(500);
    for (const { input } of cases) expect(plain(parseInput(input))).toEqual(plain(parseInput(input, { usesLineMarks: false })));
  });
});
