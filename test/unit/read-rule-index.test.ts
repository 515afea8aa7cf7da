import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPages } from '../../src/catalog/read-pages.ts';
import { packRuleIndex } from '../../src/catalog/pack-rule-index.ts';
import { readRuleIndex } from '../../src/engine/index.ts';
import type { PatternAnalysis } from '../../src/engine/prepare-rules.ts';
import type { RuleIndex } from '../../src/engine/rule-index.ts';
import { generateBenchPages } from '../../scripts/generate-bench-pages.ts';
import { compileRulesAtBuild } from '../../src/catalog/analyse-pattern.ts';

const root = resolve(import.meta.dirname, '../..');
const { pages } = readPages(resolve(root, 'content/errors'), root);
const index = compileRulesAtBuild(pages.map((entry) => entry.page));

describe('reading a rule index from text', () => {
  it.each([
    ['empty text', '', /empty/],
    ['truncated JSON', JSON.stringify(index).slice(0, 300), /not JSON/],
    ['a JSON list', '[]', /not a JSON object/],
    ['another version', '{"version":3,"pages":[]}', /version 3; this checker reads version 1, 2 or 4/],
    ['a checker form without its words', '{"version":4,"pages":[{"id":"x"}],"fixTitles":[]}', /words that are not a list of strings/],
    ['a stored page that is not an object', '{"version":2,"pages":[3]}', /page 1 of the rules data is not an object/],
    ['a stored page without an id', '{"version":2,"pages":[{"title":"X","signatures":[],"clues":[],"fixes":[]}]}', /page 1 of the rules data lacks id, url/],
    ['no version', '{"pages":[]}', /version none/],
    ['no pages', '{"version":1}', /no list of pages/],
    ['an empty page list', '{"version":1,"pages":[]}', /holds no page/],
    ['a page that is not an object', '{"version":1,"pages":[3]}', /page 1 of the rules data is not an object/],
    ['a page without signatures', '{"version":1,"pages":[{"id":"x","title":"X","url":"/errors/x/","clues":[],"fixes":[],"relatedErrors":[]}]}', /page x of the rules data lacks signatures/],
  ])('%s is refused with a reason that names the problem', (_label, text, reason) => {
    const reading = readRuleIndex(text);
    expect(reading.kind).toBe('invalid');
    expect(reading.kind === 'invalid' && reading.reason).toMatch(reason);
  });

  it('reads the stored form back as exactly the compiled index, for the real pages and generated ones', () => {
    for (const compiled of [index, compileRulesAtBuild(generateBenchPages(50))]) {
      const stored = JSON.stringify(packRuleIndex(compiled));
      expect(stored.length).toBeLessThan(JSON.stringify(compiled).length);
      const reading = readRuleIndex(stored);
      expect(reading.kind).toBe('read');
      expect(JSON.stringify(reading.kind === 'read' && reading.index)).toBe(JSON.stringify(compiled));
    }
  });

  it('keeps an analysis whose words the packed string cannot carry as an object, and reads it back', () => {
    const page = index.pages.find((each) => each.signatures.some((signature) => signature.facts.some((fact) => fact.kind === 'pattern' && fact.prefilter)));
    expect(page).toBeDefined();
    const odd = structuredClone(page) as NonNullable<typeof page>;
    for (const signature of odd.signatures) for (const fact of signature.facts) if (fact.kind === 'pattern' && fact.prefilter) fact.prefilter = { ...(fact.prefilter as PatternAnalysis), safeWords: [['a|b', 'c;d']], requiredRuns: [] };
    const compiled: RuleIndex = { version: 1, pages: [odd] };
    const reading = readRuleIndex(JSON.stringify(packRuleIndex(compiled)));
    expect(JSON.stringify(reading.kind === 'read' && reading.index)).toBe(JSON.stringify(compiled));
  });

  it('writes what the required runs imply shorter, and writes out what they do not, reading both back exactly', () => {
    const page = index.pages.find((each) => each.signatures.some((signature) => signature.facts.some((fact) => fact.kind === 'pattern' && fact.prefilter)));
    expect(page).toBeDefined();
    const analyses = [
      // All implied: the safe words are all the runs, the run lengths those of the runs.
      { implied: true, safeWords: [['tools', 'found']], requiredRuns: [['tools', 'found']], minWordRun: 5, minSecondRun: 5, minLength: 11 },
      // Some of the runs, in order, per alternative; run lengths implied over both alternatives.
      { implied: true, safeWords: [['tools'], []], requiredRuns: [['no', 'tools'], ['0', 'tools']], minWordRun: 5, minSecondRun: 1, minLength: 7 },
      // Safe words out of the runs' order, and run lengths a class gives that no word shows.
      { implied: false, safeWords: [['found', 'tools']], requiredRuns: [['tools', 'found']], minWordRun: 20, minSecondRun: 0, minLength: 40 },
    ];
    for (const { implied, ...analysis } of analyses) {
      const odd = structuredClone(page) as NonNullable<typeof page>;
      for (const signature of odd.signatures) for (const fact of signature.facts) if (fact.kind === 'pattern' && fact.prefilter) fact.prefilter = { ...analysis };
      const compiled: RuleIndex = { version: 1, pages: [odd] };
      const stored = JSON.stringify(packRuleIndex(compiled));
      const prefilter = /"prefilter":"([^"]*)"/.exec(stored)?.[1] ?? '';
      expect(prefilter.startsWith(';;'), prefilter).toBe(implied);
      expect(/;(=|\+[01|]+);/.test(prefilter), prefilter).toBe(implied);
      const reading = readRuleIndex(stored);
      expect(JSON.stringify(reading.kind === 'read' && reading.index)).toBe(JSON.stringify(compiled));
    }
  });

  it('a damaged analysis string is dropped, and the pattern still matches', () => {
    const stored = packRuleIndex(index);
    // A needle may hold a quote (`{"`), escaped in the JSON text.
    const text = JSON.stringify(stored).replace(/"prefilter":"(?:[^"\\]|\\.)*"/g, '"prefilter":"not;an;analysis"');
    const reading = readRuleIndex(text);
    expect(reading.kind).toBe('read');
    if (reading.kind !== 'read') return;
    // An analysis the string cannot carry (a needle holding a space or `-`) stays an object, undamaged.
    const wasString = (stored.pages as { signatures: { facts: { prefilter?: unknown }[] }[] }[]).flatMap((page) => page.signatures.flatMap((signature) => signature.facts.map((fact) => typeof fact.prefilter === 'string')));
    const facts = reading.index.pages.flatMap((page) => page.signatures.flatMap((signature) => signature.facts));
    const patterns = facts.filter((fact, at) => fact.kind === 'pattern' && wasString[at] === true);
    expect(patterns.length).toBeGreaterThan(0);
    expect(patterns.every((fact) => fact.kind === 'pattern' && fact.prefilter === undefined)).toBe(true);
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        expect(['read', 'invalid']).toContain(readRuleIndex(text).kind);
      }),
      { numRuns: 300 },
    );
  });
});
