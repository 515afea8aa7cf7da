import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPages } from '../../src/catalog/read-pages.ts';
import { checkPaste, readRuleIndex, type RuleFact, type RuleIndex } from '../../src/engine/index.ts';
import { prepareIndex, type PatternAnalysis } from '../../src/engine/prepare-rules.ts';
import { analysePattern, compileRulesAtBuild } from '../../src/catalog/analyse-pattern.ts';
import { mapFacts } from '../../src/catalog/map-facts.ts';

// The build stores each pattern's prefilter analysis in its fact, so the first check does not
// parse the patterns again. These tests hold that this changes no answer, only when the work is done.
const root = resolve(import.meta.dirname, '../..');
const { pages } = readPages(resolve(root, 'content/errors'), root);
const negatives = resolve(root, 'test/fixtures/negative');


// Every prefilter emptied (no words, runs, needles or run lengths), the shortest match length kept:
// ranking reads that one, the prefilters only skip lines.
function withoutPrefilters(index: RuleIndex): RuleIndex {
  return mapFacts(index, (fact) => {
    if (fact.kind !== 'pattern' || !fact.prefilter) return fact;
    return { ...fact, prefilter: { safeWords: null, requiredRuns: null, minWordRun: 0, minSecondRun: 0, minLength: (fact.prefilter as PatternAnalysis).minLength } };
  });
}

function withoutAnalysis(index: RuleIndex): RuleIndex {
  return mapFacts(index, (fact) => {
    if (fact.kind !== 'pattern') return fact;
    const { prefilter: _dropped, ...rest } = fact;
    return rest;
  });
}

describe('pattern prefilters computed at build', () => {
  const built = compileRulesAtBuild(pages.map((entry) => entry.page));
  const inputs = [
    ...pages.flatMap((entry) => entry.page.examples.map((example) => ({ paste: example.paste, ...(example.config !== undefined ? { config: example.config } : {}) }))),
    ...readdirSync(negatives).map((name) => ({ paste: readFileSync(resolve(negatives, name), 'utf8') })),
  ];
  const patterns = built.pages.flatMap((page) => [...page.signatures.flatMap((signature) => signature.facts), ...page.clues.map((clue) => clue.fact)]).filter((fact) => fact.kind === 'pattern');

  it('every compiling pattern of the index carries its analysis, equal to analysing it afresh', () => {
    expect(patterns.length).toBeGreaterThan(100);
    for (const fact of patterns) {
      if (fact.kind !== 'pattern') continue;
      expect({ pattern: fact.pattern, prefilter: fact.prefilter }).toEqual({ pattern: fact.pattern, prefilter: analysePattern(fact.pattern) });
    }
  });

  it('the index the build wrote carries them too', () => {
    const reading = readRuleIndex(readFileSync(resolve(root, 'src/generated/rules.json'), 'utf8'));
    expect(reading.kind).toBe('read');
    const written = reading.kind === 'read' ? reading.index : ({ pages: [] } as unknown as RuleIndex);
    const withAnalysis = written.pages.flatMap((page) => page.signatures.flatMap((signature) => signature.facts)).filter((fact) => fact.kind === 'pattern' && fact.prefilter !== undefined);
    expect(withAnalysis.length).toBeGreaterThan(50);
  });

  it('answers every page example and the negative corpus exactly as an index without them does', () => {
    const bare = withoutPrefilters(built);
    expect(inputs.length).toBeGreaterThan(270);
    for (const input of inputs) expect(checkPaste(built, input)).toEqual(checkPaste(bare, input));
    // The two indexes were prepared apart: the comparison is not one prepared index against itself.
    expect(prepareIndex(built)).not.toBe(prepareIndex(bare));
  }, 60_000);

  it('the stored analysis is what the matcher reads, and one of the wrong shape is set aside', () => {
    const source = 'frobnicate(d|x) failed';
    const fact = (prefilter: unknown): RuleFact => ({ kind: 'pattern', pattern: source, prefilter } as RuleFact);
    const literalOf = (index: RuleIndex) => prepareIndex(index).literals.find((literal) => literal.fact.kind === 'pattern' && literal.fact.pattern === source);
    const indexWith = (prefilter: unknown): RuleIndex => ({
      version: 1,
      pages: [{ ...built.pages[0]!, signatures: [{ id: 's', text: 'frobnicated failed', where: 'log', facts: [fact(prefilter)], weight: 10 } as RuleIndex['pages'][number]['signatures'][number]], clues: [] }],
    });
    const stored = { safeWords: [['failed']], requiredRuns: [['frobnicate', 'failed']], minWordRun: 7, minSecondRun: 6, minLength: 18 };
    expect(literalOf(indexWith(stored))?.minWordRun).toBe(7);
    // The engine does not read the source itself: an entry of the wrong shape leaves the pattern
    // without prefilters (tested on every line), its regex still compiled.
    for (const broken of [null, 'x', { ...stored, minWordRun: '7' }, { ...stored, safeWords: [[1]] }, { ...stored, requiredRuns: 'frobnicate' }, { ...stored, minLength: undefined }]) {
      const literal = literalOf(indexWith(broken));
      expect({ broken, minWordRun: literal?.minWordRun, branches: literal?.branches, needles: literal?.needles, regex: literal?.regex instanceof RegExp }).toEqual({ broken, minWordRun: 0, branches: null, needles: null, regex: true });
    }
  });

  // Without the build's analysis the engine does not read the patterns itself: every pattern is
  // tested on every line and ranked as a loose one (no shortest-match length), so the order of
  // close answers may change, but no page example loses its own page.
  it('an index compiled without the analysis still answers each page example with its page', () => {
    const bare = withoutAnalysis(built);
    let examples = 0;
    for (const entry of pages) {
      for (const example of entry.page.examples) {
        const input = { paste: example.paste, ...(example.config !== undefined ? { config: example.config } : {}) };
        const found = checkPaste(bare, input).matches.map((match) => match.id);
        expect({ page: entry.page.id, found: found.includes(entry.page.id) }).toEqual({ page: entry.page.id, found: true });
        examples++;
      }
    }
    expect(examples).toBeGreaterThan(400);
  }, 60_000);
});
