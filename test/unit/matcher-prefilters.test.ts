import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPages } from '../../src/catalog/read-pages.ts';
import { findCandidatePages } from '../../src/engine/find-candidates.ts';
import { compileRules, parseInput } from '../../src/engine/index.ts';
import { createFactMatcher } from '../../src/engine/match-fact.ts';
import { matchPage } from '../../src/engine/match-page.ts';
import { normalizeForMatch } from '../../src/engine/normalize.ts';
import { prepareIndex, segmentsOf } from '../../src/engine/prepare-rules.ts';
import type { RulePage } from '../../src/engine/rule-index.ts';
import { findFirstOccurrences, patternWindow, viewEvidence } from '../../src/engine/view-evidence.ts';

// The matcher skips work through several prefilters (trigger index, anchor words, needles,
// segments, required runs, word-run lengths, first occurrences). Each must only ever skip what
// cannot hold: these tests compare the fast paths with the plain definitions on real pastes.
const root = resolve(import.meta.dirname, '../..');
const { pages } = readPages(resolve(root, 'content/errors'), root);
const index = compileRules(pages.map((entry) => entry.page));
const prepared = prepareIndex(index);
const examples = pages.flatMap((p) => p.page.examples.map((e) => e.paste));

// Examples, examples glued together (lines from several failures, and characters the token scan
// cannot fold), examples spelt with such characters, and one paste past the size where needles' first occurrences are found in one pass.
function samplePastes(): string[] {
  const pastes = [...examples];
  for (let k = 0; k < examples.length; k += 7) pastes.push([examples[k], examples[(k * 13 + 5) % examples.length], 'İ ſ K'].join('\n'));
  // ſ and K (Kelvin) match s and k under a case-insensitive unicode pattern, though neither is
  // an ASCII letter: lines holding them must never be ruled out by an ASCII prefilter.
  for (let k = 0; k < examples.length; k += 5) pastes.push((examples[k] as string).replaceAll('s', 'ſ').replaceAll('k', '\u212a'));
  pastes.push(examples.join('\n'));
  return pastes;
}

describe('the fact trigger index', () => {
  it('finds exactly the pages a match over every page finds', () => {
    for (const paste of samplePastes()) {
      const view = viewEvidence(parseInput({ paste }), prepared);
      const facts = createFactMatcher(prepared, view);
      const everyPage = index.pages.flatMap((page, at) => (matchPage(page, facts, prepared.pageFactIds[at]) ? [page.id] : []));
      const candidates = findCandidatePages(prepared, view, createFactMatcher(prepared, view)).flatMap((at) => {
        const page = index.pages[at] as RulePage;
        return matchPage(page, facts, prepared.pageFactIds[at]) ? [page.id] : [];
      });
      expect(candidates).toEqual(everyPage);
    }
  });
});

describe('literal prefilters', () => {
  it('hold a literal exactly where testing every line would find it', () => {
    for (const paste of samplePastes()) {
      const view = viewEvidence(parseInput({ paste }), prepared);
      const facts = createFactMatcher(prepared, view);
      const lines = view.lines.map((line) => ({ place: line.place, norm: normalizeForMatch(line.text), window: patternWindow(line.text) }));
      for (const literal of prepared.literals) {
        const { places, acceptsUnplaced, text, regex } = literal;
        const plain = lines.some((line) => {
          if (places && !places.has(line.place) && !(line.place === 'any' && acceptsUnplaced)) return false;
          if (text !== undefined) return line.norm.includes(text);
          return regex ? regex.test(line.window) : false;
        });
        const id = prepared.factIds.get(literal.fact) as number;
        if ((facts.matchId(id, literal.fact) !== null) !== plain) expect({ paste: paste.slice(0, 200), fact: literal.fact, holds: !plain }).toEqual({ paste: paste.slice(0, 200), fact: literal.fact, holds: plain });
      }
    }
  }, 120_000);

  it('keep every segment of a literal in any line whose normalised form holds it', () => {
    const spacing = fc.constantFrom('', ' ', '  ', '\t', ' \t ');
    const piece = fc.constantFrom('error', 'MCP', '"detail"', ':', '{', '}', '[', ']', ',', 'tools', 'Failed', '401', '"x"');
    fc.assert(
      fc.property(fc.array(fc.tuple(piece, spacing), { minLength: 1, maxLength: 10 }), fc.nat(), fc.nat(), (parts, from, length) => {
        const line = parts.map(([word, space]) => word + space).join('');
        const normalized = normalizeForMatch(line);
        const start = from % (normalized.length + 1);
        const literal = normalized.slice(start, start + (length % 30)).trim();
        if (literal === '' || !normalized.includes(literal)) return;
        const lower = line.toLowerCase();
        for (const segment of segmentsOf(literal)) expect(lower).toContain(segment);
      }),
      { numRuns: 500 },
    );
  });
});

describe('findFirstOccurrences', () => {
  it('gives each needle the offset indexOf gives it, and nothing for an absent needle', () => {
    const alphabet = fc.constantFrom('a', 'b', 'ab', 'ba', '_', 'x', '\n');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 400 }), fc.array(fc.array(fc.constantFrom('a', 'b', '_', 'x'), { minLength: 1, maxLength: 4 }), { maxLength: 12 }), (chunks, needleParts) => {
        const text = chunks.join('');
        const needles = needleParts.map((parts) => parts.join(''));
        const found = findFirstOccurrences(text, needles);
        for (const needle of needles) {
          const at = text.indexOf(needle);
          expect(found.get(needle)).toBe(at < 0 ? undefined : at);
        }
      }),
      { numRuns: 400 },
    );
  });
});
