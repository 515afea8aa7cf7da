import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInput, readRuleIndex } from '../../src/engine/index.ts';
import { LineCache } from '../../src/engine/line-cache.ts';
import { prepareIndex } from '../../src/engine/prepare-rules.ts';
import { viewEvidence } from '../../src/engine/view-evidence.ts';

const root = resolve(import.meta.dirname, '../..');
const reading = readRuleIndex(readFileSync(resolve(root, 'src/generated/rules.json'), 'utf8'));
if (reading.kind !== 'read') throw new Error(`src/generated/rules.json: ${reading.reason}`);
const prepared = prepareIndex(reading.index);

describe('a per-line cache', () => {
  // Kept in a Map while few lines of a long paste have an entry, then in an array.
  it('makes each line once and gives it back, before and after the entries move to an array', () => {
    for (const length of [10, 100_000]) {
      const made: number[] = [];
      const cache = new LineCache(length, (index) => {
        made.push(index);
        return `line ${index}`;
      });
      const asked = Array.from({ length: 6000 }, (_, at) => (at * 7919) % length);
      for (const index of [...asked, ...asked]) expect(cache.at(index)).toBe(`line ${index}`);
      expect(made.length).toBe(new Set(asked).size);
    }
  });
});

describe('the lines a length or word-run bound lets through', () => {
  // A bound most lines meet visits every line (the literal tests the bound itself); otherwise
  // exactly the lines meeting it. The longest line is learnt from the first list that reads
  // every line, whatever order the bounds come in.
  it('are every line meeting the bound, and no other unless most lines meet it', () => {
    const line = fc.oneof(fc.constantFrom('a', 'ab', 'x y', 'INFO litellm.proxy line', 'error_code_1234567890'), fc.nat({ max: 300 }).map((length) => 'w'.repeat(length)));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 300 }), fc.array(fc.nat({ max: 320 }), { minLength: 1, maxLength: 8 }), (texts, bounds) => {
        const view = viewEvidence(parseInput({ paste: texts.join('\n') }), prepared);
        const count = view.lines.length;
        const measures: [string, (index: number) => number, typeof view.forLinesWithLengthAtLeast][] = [
          ['length', (index) => view.lines.textAt(index).length, view.forLinesWithLengthAtLeast],
          ['run', (index) => view.maxWordRunAt(index), view.forLinesWithRunAtLeast],
        ];
        for (const bound of bounds) {
          for (const [name, measureAt, forLines] of measures) {
            const meeting = Array.from({ length: count }, (_, index) => index).filter((index) => measureAt(index) >= bound);
            const visited: number[] = [];
            forLines(bound, (index) => {
              visited.push(index);
              return false;
            });
            const isEvery = visited.length === count && meeting.length * 4 > count;
            expect({ name, bound, visited: isEvery ? meeting : visited }).toEqual({ name, bound, visited: meeting });
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
