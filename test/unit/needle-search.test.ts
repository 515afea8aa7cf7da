import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readRuleIndex } from '../../src/engine/index.ts';
import { joinLines } from '../../src/engine/joined-lines.ts';
import { prepareIndex } from '../../src/engine/prepare-rules.ts';
import { scanWords } from '../../src/engine/scan-words.ts';
import { createNeedleSearch, findNeedleBounds } from '../../src/engine/search-needles.ts';

// The needle search reads no further than where the token scan's marks say a needle occurs no
// more, and searches needle by needle until that has read the text a few times over, then finds
// every needle's first and last occurrence in one pass. Each shortcut must leave the lines
// visited exactly those a plain reading of every line gives.
const root = resolve(import.meta.dirname, '../..');
const reading = readRuleIndex(readFileSync(resolve(root, 'src/generated/rules.json'), 'utf8'));
if (reading.kind !== 'read') throw new Error(`src/generated/rules.json: ${reading.reason}`);
const prepared = prepareIndex(reading.index);

const UNFOLDED = /[\u0130\u017f\u212a]/;
const filler = (at: number): string => `2026-01-01 12:00:${String(at % 60).padStart(2, '0')} INFO litellm.proxy routine line ${at} with nothing to see`;

describe('where the token scan marks a needle last', () => {
  // Texts of several chunks, with tokens long enough to run on past a chunk's end.
  it('is past the start of every occurrence, and 0 exactly when the needle is ruled out', () => {
    const rare = fc.constantFrom('HTTP 401 {"error":"MCP failed"}', 'tools: []', 'x'.repeat(9000), `${'y'.repeat(5000)}mcp`, 'ſ mcp', 'é error', 'İ', '{"a":1}');
    const needles = ['mcp', 'error', '{"', '401', 'tools', 'line 4', 'xy', 'yyymcp', 'e', 'ee', 'routine', 'zzz', '{"a'];
    fc.assert(
      fc.property(fc.nat({ max: 1500 }), fc.array(fc.tuple(fc.nat({ max: 1500 }), rare), { maxLength: 8 }), (count, inserted) => {
        const lines = Array.from({ length: count }, (_, at) => filler(at));
        for (const [at, line] of inserted) lines.splice(Math.min(at, lines.length), 0, line);
        const joined = joinLines(lines);
        const scan = scanWords(joined, prepared);
        for (const needle of needles) {
          const bound = scan.startsBefore(needle);
          let last = -1;
          lines.forEach((line, index) => {
            if (UNFOLDED.test(line)) return;
            const at = line.toLowerCase().lastIndexOf(needle);
            if (at >= 0) last = (joined.starts[index] as number) + at;
          });
          expect({ needle, isPast: last < bound, isRuledOut: bound === 0 }).toEqual({ needle, isPast: true, isRuledOut: !scan.mayContain(needle) });
        }
      }),
      { numRuns: 60 },
    );
  });

  it('is near a needle that only the first line of a long text holds', () => {
    const lines = ['HTTP 500 {"error":"MCP request failed"}', ...Array.from({ length: 20_000 }, (_, at) => filler(at))];
    const scan = scanWords(joinLines(lines), prepared);
    expect(['mcp', 'request failed', '{"'].map((needle) => scan.startsBefore(needle) < 10_000)).toEqual([true, true, true]);
    expect(scan.startsBefore('routine')).toBeGreaterThan(1_000_000);
  });
});

describe('findNeedleBounds with where each needle occurs no more', () => {
  it('gives the first offsets indexOf gives, and last offsets lastIndexOf gives', () => {
    const alphabet = fc.constantFrom('a', 'b', 'ab', 'ba', '_', 'x', '\n');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 400 }), fc.array(fc.array(fc.constantFrom('a', 'b', '_', 'x'), { minLength: 1, maxLength: 4 }), { maxLength: 12 }), fc.array(fc.nat({ max: 50 }), { minLength: 12, maxLength: 12 }), (chunks, needleParts, slack) => {
        const text = chunks.join('');
        const needles = needleParts.map((parts) => parts.join(''));
        // Any offset past the needle's last start is a true bound; a wide one reads further.
        const startsBefore = (needle: string): number => text.lastIndexOf(needle) + 1 + (slack[needles.indexOf(needle)] ?? 0);
        const { first, last } = findNeedleBounds(text, needles, false, startsBefore);
        for (const needle of needles) {
          const at = text.indexOf(needle);
          expect(first.get(needle)).toBe(at < 0 ? undefined : at);
          if (last.has(needle)) expect({ text, needle, last: last.get(needle) }).toEqual({ text, needle, last: text.lastIndexOf(needle) });
        }
      }),
      { numRuns: 400 },
    );
  });

  it('knows the last offset of a needle that occurs no more before others keep turning up', () => {
    const text = ['error abc error', ...Array.from({ length: 40 }, () => 'abc'), 'z'.repeat(50)].join(' ');
    // Without bounds, abc turning up again and again drops both needles from the pass, and their
    // last offsets with them; bounded just after error's last one, the pass knows it.
    const plain = findNeedleBounds(text, ['error', 'abc']);
    const bounded = findNeedleBounds(text, ['error', 'abc'], false, (needle) => text.lastIndexOf(needle) + 1);
    expect([plain.last.has('error'), bounded.last.get('error'), bounded.first.get('abc'), bounded.last.has('abc')]).toEqual([false, 10, 6, false]);
  });
});

describe('the needle search of a long paste', () => {
  // Many literals ask in turn, each for the lines holding one of its needles: the pass runs at
  // once, after single-needle searches read the paste once over, or never.
  it('visits exactly the lines holding a needle, and the unfolded ones', () => {
    const rare = fc.constantFrom('HTTP 401 {"error":"MCP failed"}', 'Tools: []', 'ſ unfolded', 'é Error here', 'ÉCHEC', 'FORBIDDEN', 'mcp_servers:', 'K', '→ fails', 'a…b');
    const everyAsk = [['mcp'], ['error', '401'], ['{"'], ['tools', 'forbidden'], ['mcp', 'fails'], ['routine line 7'], ['absent'], ['error'], ['{"', 'tools'], ['forbidden', 'mcp'], ['→'], ['é', 'fails']];
    // Needles on many lines make the pass drop the needles it found early; without them, it
    // follows the rare ones to where they occur no more.
    const isCommon = (needle: string): boolean => needle === '401' || needle === 'routine line 7';
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat({ max: 3000 }), rare), { maxLength: 10 }), fc.constantFrom('ascii', 'without case', 'with case'), fc.boolean(), fc.nat({ max: 2 }), fc.constantFrom(0, 1, Infinity), (inserted, nonAscii, withCommon, stopAfter, passAfterReading) => {
        const asks = withCommon ? everyAsk : everyAsk.map((needles) => needles.filter((needle) => !isCommon(needle)));
        // Needles without case are searched in the lines as they are; `é`, which `É` lower-cases
        // onto, makes the search read a lower-cased copy.
        const allNeedles = [...new Set([...asks.flat(), '→'])].filter((needle) => (needle !== '→' || nonAscii !== 'ascii') && (needle !== 'é' || nonAscii === 'with case'));
        const lines = Array.from({ length: 3000 }, (_, at) => filler(at));
        for (const [at, line] of inserted) lines.splice(Math.min(at, lines.length), 0, line);
        const joined = joinLines(lines);
        const scan = scanWords(joined, prepared);
        const search = createNeedleSearch(joined, (index) => (lines[index] as string).toLowerCase(), allNeedles, scan, passAfterReading);
        for (const needles of asks.filter((asked) => asked.every((needle) => allNeedles.includes(needle)))) {
          const expected = lines.flatMap((line, index) => (UNFOLDED.test(line) || needles.some((needle) => line.toLowerCase().includes(needle)) ? [index] : []));
          const visited: number[] = [];
          search(needles, (index) => {
            visited.push(index);
            return false;
          });
          expect({ needles, visited }).toEqual({ needles, visited: expected });
          // A literal that stops at a line: the same lines up to it.
          const first: number[] = [];
          search(needles, (index) => first.push(index) > stopAfter);
          expect(first).toEqual(expected.slice(0, stopAfter + 1));
        }
      }),
      { numRuns: 40 },
    );
  });
});
