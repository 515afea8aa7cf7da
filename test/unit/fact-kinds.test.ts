import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPages } from '../../src/catalog/read-pages.ts';
import { checkPaste } from '../../src/engine/index.ts';
import { describeFact } from '../../src/engine/explain-match.ts';
import { FACT_KINDS, kindOf } from '../../src/engine/fact-kinds/registry.ts';
import { prepareIndex } from '../../src/engine/prepare-rules.ts';
import type { RuleFact, RuleIndex } from '../../src/engine/rule-index.ts';
import { FACT_KIND_NAMES, FactSchema } from '../../src/schemas/fact.ts';
import { compileRulesAtBuild } from '../../src/catalog/analyse-pattern.ts';

const root = resolve(import.meta.dirname, '../..');
const { pages } = readPages(resolve(root, 'content/errors'), root);
const index = compileRulesAtBuild(pages.map((entry) => entry.page));
const allFacts = index.pages.flatMap((page) => [...page.signatures.flatMap((s) => s.facts), ...page.clues.map((c) => c.fact)]);

describe('the fact-kind registry', () => {
  it('lists the same kinds, in the same order, as the page schema', () => {
    expect(FACT_KINDS.map((kind) => kind.kind)).toEqual([...FACT_KIND_NAMES]);
    expect(FACT_KIND_NAMES.length).toBe(FactSchema.options.length);
  });

  // Issue 11: adding a kind is its file and its registry line (plus its zod piece and union line).
  // Outside the kinds' own files only two places may name a kind: the literal index of text and
  // pattern facts, and the config-only ranking's test for config facts.
  it('no engine module outside the kinds names a kind, but the literal index and the config-only ranking', () => {
    const allowed: Record<string, string[]> = { 'prepare-rules.ts': ['pattern', 'text'], 'rank-config-only.ts': ['config', 'server-config'] };
    const engine = resolve(root, 'src/engine');
    const named = new Map<string, Set<string>>();
    for (const file of readdirSync(engine, { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.ts') || file.startsWith('fact-kinds')) continue;
      for (const found of readFileSync(join(engine, file), 'utf8').matchAll(/\bfact\.kind\s*[!=]==\s*'([\w-]+)'/g)) {
        named.set(file, (named.get(file) ?? new Set()).add(found[1] as string));
      }
    }
    expect(Object.fromEntries([...named].map(([file, kinds]) => [file, [...kinds].sort()]))).toEqual(
      Object.fromEntries(Object.entries(allowed).filter(([file]) => named.has(file))),
    );
    expect(named.size).toBeGreaterThan(0);
  });

  it('knows the kind of every fact the pages use, and every kind is used by some page', () => {
    for (const fact of allFacts) expect(kindOf(fact), JSON.stringify(fact)).toBeDefined();
    expect(new Set(allFacts.map((fact) => fact.kind))).toEqual(new Set(FACT_KIND_NAMES));
  });

  it('compiles every compiled fact to itself (compiling is idempotent)', () => {
    for (const fact of allFacts) expect(kindOf(fact)?.compile(structuredClone(fact)), JSON.stringify(fact)).toEqual(fact);
  });

  it('gives each non-literal fact at least one evidence key, and every literal a literal trigger', () => {
    for (const fact of allFacts) {
      const trigger = kindOf(fact)?.trigger(fact);
      if (fact.kind === 'text' || fact.kind === 'pattern') expect(trigger).toEqual({ literal: true });
      else expect(trigger && 'keys' in trigger ? trigger.keys.length : 0, JSON.stringify(fact)).toBeGreaterThan(0);
    }
  });

  it('gives every fact positive points and a sentence that names what it tests', () => {
    for (const fact of allFacts) {
      expect(kindOf(fact)?.points(fact), JSON.stringify(fact)).toBeGreaterThan(0);
      const words = describeFact(fact);
      expect(words.length, JSON.stringify(fact)).toBeGreaterThan(10);
    }
    expect(describeFact({ kind: 'status', status: 307 })).toContain('307');
    expect(describeFact({ kind: 'config', path: 'general_settings.use_x_forwarded_for', test: { equals: true } })).toContain('general_settings.use_x_forwarded_for');
  });

  it('never lets a fact of a kind it does not know (a newer rule index) hold, crash the check or go unasked', () => {
    const unknown = { kind: 'client-version', client: 'claude-code', below: '2.0.0' } as unknown as RuleFact;
    const withUnknown: RuleIndex = structuredClone(index);
    const page = withUnknown.pages[0];
    if (!page) throw new Error('no page');
    page.signatures = [{ id: 'future', text: 'future', where: 'any', weight: 1, facts: [unknown] }];
    expect(() => prepareIndex(withUnknown)).not.toThrow();
    const result = checkPaste(withUnknown, { paste: 'claude-code 1.0.0 said something' });
    expect(result.matches.map((m) => m.id)).not.toContain(page.id);
    expect(describeFact(unknown)).toContain('client-version');
  });
});
