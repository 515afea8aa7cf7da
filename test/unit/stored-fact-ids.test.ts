import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRuleIndex, type RuleIndex } from '../../src/engine/index.ts';
import { distinctFactIdsOf, prepareIndex, type PreparedIndex } from '../../src/engine/prepare-rules.ts';

// The CLI's rules file says which facts are identical (`factIds`), worked out at build, so that a
// cold check does not serialise every fact to find them. These tests hold that the table changes
// nothing the matcher reads, and that a table that cannot be right is set aside.
const root = resolve(import.meta.dirname, '../..');
const reading = readRuleIndex(readFileSync(resolve(root, 'src/generated/rules.json'), 'utf8'));
const written = reading.kind === 'read' ? reading.index : ({ version: 1, pages: [] } satisfies RuleIndex);

/** Everything of a prepared index that depends on how its facts were numbered, as plain data. */
function numbering(prepared: PreparedIndex): unknown {
  return JSON.parse(
    JSON.stringify({
      factCount: prepared.factCount,
      factOfId: prepared.factOfId,
      pageFactIds: prepared.pageFactIds,
      pagesOfFact: prepared.pagesOfFact,
      literals: prepared.literals.map(({ id, fact, branches, needles }) => ({ id, fact, branches, needles, factId: prepared.factIds.get(fact) })),
      words: prepared.words,
      triggers: { ...prepared.triggers, byEvidenceKey: [...prepared.triggers.byEvidenceKey] },
    }),
  );
}

/** The same index as a new object (so it is prepared anew) with `factIds` replaced. */
function withTable(factIds: unknown): RuleIndex {
  return { ...written, factIds } as RuleIndex;
}

describe('the stored table of identical facts', () => {
  const withoutTable = numbering(prepareIndex(withTable(undefined)));

  it('is in the rules file the build wrote, one id per fact, fewer ids than facts', () => {
    expect(reading.kind).toBe('read');
    const table = written.factIds ?? [];
    const facts = written.pages.reduce((count, page) => count + page.clues.length + page.signatures.reduce((sum, signature) => sum + signature.facts.length, 0), 0);
    expect(table.length).toBe(facts);
    expect(new Set(table).size).toBeLessThan(facts);
    expect(table).toEqual(distinctFactIdsOf(withTable(undefined)));
  });

  it('numbers the facts exactly as telling them apart by their JSON text does', () => {
    expect(written.factIds).toBeDefined();
    expect(numbering(prepareIndex(withTable(written.factIds)))).toEqual(withoutTable);
  });

  it('is set aside when it cannot be right, and the facts are numbered as without it', () => {
    const table = written.factIds ?? [];
    const { factOfId } = prepareIndex(withTable(undefined));
    // A fact that repeats an earlier one, and an id met before it of a fact of another kind: giving
    // it that id keeps the first-met order, so only the kinds tell the table is wrong.
    const firstShared = table.findIndex((id, at) => table.indexOf(id) !== at);
    const kindAt = (at: number) => factOfId[table[at] as number]?.kind;
    const otherKind = table.findIndex((_id, at) => at < firstShared && kindAt(at) !== kindAt(firstShared));
    const broken: Array<[string, unknown]> = [
      ['one id short', table.slice(1)],
      ['not a list', 'oops'],
      ['an id that is not an integer', table.map((id, at) => (at === 3 ? id + 0.5 : id))],
      ['an id out of first-met order', table.map((id, at) => (at === 0 ? 7 : id))],
      ['a negative id', table.map((id, at) => (at === 2 ? -1 : id))],
      ['an id shared across kinds', table.map((id, at) => (at === firstShared ? (table[otherKind] as number) : id))],
    ];
    expect(firstShared).toBeGreaterThan(0);
    expect(otherKind).toBeGreaterThanOrEqual(0);
    for (const [name, bad] of broken) expect({ name, numbering: numbering(prepareIndex(withTable(bad))) }).toEqual({ name, numbering: withoutTable });
  });
});
