import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPages } from '../../src/catalog/read-pages.ts';
import { needlesOfPattern } from '../../src/catalog/regex-needles.ts';
import { prepareIndex, type PatternAnalysis } from '../../src/engine/prepare-rules.ts';
import type { RuleFact, RuleIndex } from '../../src/engine/rule-index.ts';
import { compileRegex } from '../../src/engine/value-test.ts';
import { compileRulesAtBuild } from '../../src/catalog/analyse-pattern.ts';
import { mapFacts } from '../../src/catalog/map-facts.ts';

const root = resolve(import.meta.dirname, '../..');
const { pages } = readPages(resolve(root, 'content/errors'), root);
const patterns = [...new Set(pages.flatMap((entry) => [...entry.page.signatures.flatMap((s) => s.facts), ...entry.page.clues.map((c) => c.fact)]).flatMap((fact) => (fact.kind === 'pattern' ? [fact.pattern] : [])))];
const lines = pages.flatMap((entry) => entry.page.examples.flatMap((example) => `${example.paste}\n${example.config ?? ''}`.split('\n')));

describe('needles read off a regex parse', () => {
  it.each([
    ['\\b(items|enum)\\b', ['enum', 'items']],
    ['\\d+ (replicas|pods)|another (pod|replica)', ['another', 'pods', 'replicas']],
    ['(VS Code|MCP Inspector|picker)', ['code', 'inspector', 'picker']],
    ['x(?:Yz1)+w', ['yz1']],
    ['a+b', null],
    ['(?:abc)?def|ghi', ['def', 'ghi']],
    // Parts without a run of word characters give their literal text, punctuation included.
    ['N ?(->|→) ?0|strips? all', ['->', 'strip', '→']],
    ['(all|every) tools?|to 0\\b|\\[\\]', ['[]', 'to 0', 'tool']],
    ['\\b1\\.75\\.\\d+\\b', ['1.75.']],
    // Two word characters only where nothing longer is on offer.
    ['(Postgres|database|DB)', ['database', 'db', 'postgres']],
    ['to 0\\b|/ui/', ['/ui/', 'to 0']],
    // A lone ASCII character, or letters that have a case, are no needle.
    ['\\d+ ?(-|É) ?0', null],
    ['\\[\\s*\\]', null],
    ['[', null],
  ] as const)('%s gives %j', (pattern, needles) => {
    expect(needlesOfPattern(pattern)).toEqual(needles);
  });

  it('every line of the examples that a page pattern matches holds one of its needles', () => {
    let checked = 0;
    for (const pattern of patterns) {
      const needles = needlesOfPattern(pattern);
      const regex = compileRegex(pattern);
      if (needles === null || regex === null) continue;
      for (const line of lines) {
        if (!regex.test(line)) continue;
        checked += 1;
        expect({ pattern, line, holds: needles.some((needle) => line.toLowerCase().includes(needle)) }).toEqual({ pattern, line, holds: true });
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('every string a pattern of words and groups matches holds one of its needles', () => {
    const word = fc.constantFrom('abc', 'Tools', 'x', 'pod', 'replicas', '1', 'é', '->', '→', 'to 0');
    const atom = fc.oneof(word, word.map((w) => `(?:${w})`), fc.tuple(word, word).map(([a, b]) => `(${a}|${b})`), word.map((w) => `(${w})+`), word.map((w) => `(${w})?`), fc.constant('\\d+'), fc.constant(' ?'));
    const source = fc.array(fc.array(atom, { minLength: 1, maxLength: 4 }).map((atoms) => atoms.join('')), { minLength: 1, maxLength: 3 }).map((alternatives) => alternatives.join('|'));
    fc.assert(
      fc.property(source, fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (pattern, before, after) => {
        const needles = needlesOfPattern(pattern);
        const regex = compileRegex(pattern);
        if (needles === null || regex === null) return;
        // A matching text: each alternative's first way, as a generator of matches would pick it.
        const sample = pattern.split('|')[0]!.replace(/\(\?:([^()]*)\)|\(([^()|]*)\|[^()]*\)|\(([^()]*)\)[+?]|\\d\+| \?/g, (_m, group, first, repeated) => group ?? first ?? repeated ?? '7');
        const text = `${before}${sample}${after}`;
        if (!regex.test(text)) return;
        expect(needles.some((needle) => text.toLowerCase().includes(needle))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('replace runs that find more lines, when the packed rules can carry them', () => {
    const [fact] = compileRulesAtBuild([pageWith('not (checked|enforced)|ignored|still (see|sees)')]).pages[0]?.signatures[0]?.facts ?? [];
    expect(fact?.kind === 'pattern' && (fact.prefilter as PatternAnalysis | undefined)?.needles).toEqual(['checked', 'enforced', 'ignored', 'still']);
    const built = compileRulesAtBuild([pageWith('not (checked|enforced)|ignored|still (see|sees)')]);
    expect(prepareIndex(built).literals[0]?.needles).toEqual(['checked', 'enforced', 'ignored', 'still']);
    // Runs as selective as the needles stay (no bytes added), and so do needles a string cannot carry.
    for (const pattern of ['not run|never ran', 'not (checked|x->y)|ignored']) {
      const [kept] = compileRulesAtBuild([pageWith(pattern)]).pages[0]?.signatures[0]?.facts ?? [];
      expect({ pattern, needles: kept?.kind === 'pattern' ? (kept.prefilter as PatternAnalysis | undefined)?.needles : null }).toEqual({ pattern, needles: undefined });
    }
  });

  it('are added only where the engine finds no words to search for (or runs that find more lines), and the matcher then searches them', () => {
    const built = compileRulesAtBuild(pages.map((entry) => entry.page));
    // The build's index with the needles taken out again: the analysis alone, as the engine reads it.
    const withoutNeedles = (fact: RuleFact): RuleFact => (fact.kind === 'pattern' && fact.prefilter ? { ...fact, prefilter: { ...(fact.prefilter as PatternAnalysis), needles: undefined } } : fact);
    const plain: RuleIndex = mapFacts(built, withoutNeedles);
    const withNeedles = built;
    const before = prepareIndex(plain).literals.filter((literal) => literal.fact.kind === 'pattern' && !literal.branches && !literal.needles).length;
    const after = prepareIndex(withNeedles).literals.filter((literal) => literal.fact.kind === 'pattern' && !literal.branches && !literal.needles).length;
    expect(after).toBeLessThan(before);
    const added = withNeedles.pages.flatMap((page) => page.signatures.flatMap((s) => s.facts)).filter((fact) => fact.kind === 'pattern' && (fact.prefilter as PatternAnalysis | undefined)?.needles !== undefined);
    for (const fact of added) expect(fact.kind === 'pattern' && needlesOfPattern(fact.pattern)).toEqual(fact.kind === 'pattern' && (fact.prefilter as PatternAnalysis | undefined)?.needles);
  });
});

function pageWith(pattern: string): Parameters<typeof compileRulesAtBuild>[0][number] {
  return { id: 'p', title: 'P', summary: 's', area: 'a', hop: 'h', status: 'bug', retired: false, relatedErrors: [], clues: [], fixes: [], signatures: [{ id: 's', text: 'x', where: 'any', weight: 1, facts: [{ kind: 'pattern', pattern }] }] };
}
