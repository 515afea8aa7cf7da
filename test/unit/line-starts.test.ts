import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineStarts } from '../../src/engine/parse/line-starts.ts';
import { splitLineTexts } from '../../src/engine/parse/split-lines.ts';

/** Where each line starts, found by reading the text for its breaks. */
function startsByReading(text: string): number[] {
  const starts = [0];
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 13 && text.charCodeAt(at + 1) === 10) at++;
    if (code === 10 || code === 13) starts.push(at + 1);
  }
  return starts;
}

describe('lineStarts', () => {
  it('counts a CRLF as two characters and a lone CR or LF as one', () => {
    const text = 'ab\r\ncd\ref\n\ngh';
    expect([...lineStarts(text, splitLineTexts(text))]).toEqual([0, 4, 7, 10, 11]);
    expect([...lineStarts('a\nbc\n', splitLineTexts('a\nbc\n'))]).toEqual([0, 2, 5]);
    expect([...lineStarts('', [''])]).toEqual([0]);
  });

  it('finds the starts the breaks of the text give, told of its CRs or not', () => {
    const texts = fc.array(fc.constantFrom('x', 'ok', '', ' ', '\r', '\n', '\r\n', 'é'), { maxLength: 16 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(texts, (text) => {
        const lines = splitLineTexts(text);
        expect([...lineStarts(text, lines)]).toEqual(startsByReading(text));
        expect([...lineStarts(text, lines, text.includes('\r'))]).toEqual(startsByReading(text));
      }),
      { numRuns: 1000 },
    );
  });
});
