import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileRulesAtBuild } from '../../src/catalog/analyse-pattern.ts';
import { storePreparation } from '../../src/catalog/store-preparation.ts';
import type { ConfigModel } from '../../src/engine/lint-config.ts';
import { compileConfigModel } from '../../src/schemas/litellm-config.ts';
import { checkPaste, readRuleIndex, type RuleIndex } from '../../src/engine/index.ts';
import { prepareIndex, type PreparedIndex } from '../../src/engine/prepare-rules.ts';
import type { StoredPreparation } from '../../src/engine/stored-preparation.ts';
import { collectDigestCases } from '../../scripts/digest-cases.ts';
import { fingerprintPrepareCode } from '../../scripts/prepare-fingerprint.ts';

// The CLI's rules file holds the prepared index's tables, worked out by the build, so that a cold
// check reads them instead of preparing the index. These tests hold that reading them gives the
// very index preparing gives, that they are read only when the prepare code that wrote them is
// the code running, and that anything else is set aside for preparing from scratch.
const root = resolve(import.meta.dirname, '../..');
const reading = readRuleIndex(readFileSync(resolve(root, 'src/generated/rules.json'), 'utf8'));
const written = reading.kind === 'read' ? reading.index : ({ version: 1, pages: [] } satisfies RuleIndex);
let fingerprint = '';
beforeAll(async () => {
  fingerprint = await fingerprintPrepareCode(root);
});

/** The same index as a new object (so it is prepared anew) with `prepared` replaced. */
function withTables(prepared: unknown): RuleIndex {
  return { ...written, prepared };
}

/** Everything a prepared index holds, as plain data (each pattern's regex by its source and flags). */
function contents(prepared: PreparedIndex): unknown {
  return JSON.parse(
    JSON.stringify({
      ...prepared,
      index: undefined,
      regexOf: undefined,
      factIds: [...prepared.factIds.values()],
      literalOfFact: prepared.factOfId.map((_fact, id) => prepared.literalOfFact.get(id)?.id ?? null),
      literals: prepared.literals.map((literal) => ({ ...literal, places: literal.places ? [...literal.places] : null, regex: literal.regex ? String(literal.regex) : literal.regex })),
      wordSlots: [...prepared.wordSlots],
      wordHashes: [...prepared.wordHashes],
      triggers: { ...prepared.triggers, byEvidenceKey: [...prepared.triggers.byEvidenceKey] },
    }),
  );
}

/** The stored tables with one literal's minimum match length changed: a value preparing would never give. */
function doctored(tables: StoredPreparation): { tables: StoredPreparation; at: number } {
  const at = tables.literals.findIndex((literal) => (literal.minLength ?? 0) > 0);
  const literals = tables.literals.map((literal, index) => (index === at ? { ...literal, minLength: (literal.minLength ?? 0) + 1000 } : literal));
  return { tables: { ...tables, literals }, at };
}

describe('the prepared tables the build stores in the rules file', () => {
  const fromScratch = contents(prepareIndex(withTables(undefined)));

  it('are in the rules file, written by the prepare code of this tree', () => {
    expect(reading.kind).toBe('read');
    expect((written.prepared as StoredPreparation | undefined)?.fingerprint).toBe(fingerprint);
  });

  it('read back to the very index preparing it gives, regex for regex', () => {
    const read = prepareIndex(withTables(written.prepared), { fingerprint });
    expect(contents(read)).toEqual(fromScratch);
  });

  it('are what is read, not worked out again, when the fingerprints agree', () => {
    const { tables, at } = doctored(written.prepared as StoredPreparation);
    expect(at).toBeGreaterThanOrEqual(0);
    const read = prepareIndex(withTables(tables), { fingerprint });
    expect(read.literals[at]?.minLength).toBe(((written.prepared as StoredPreparation).literals[at]?.minLength ?? 0) + 1000);
  });

  it('are set aside for tables of other prepare code, or without a fingerprint to hold them to', () => {
    const { tables } = doctored(written.prepared as StoredPreparation);
    expect(contents(prepareIndex(withTables(tables), { fingerprint: 'other prepare code' }))).toEqual(fromScratch);
    expect(contents(prepareIndex(withTables(tables), { fingerprint: '' }))).toEqual(fromScratch);
    expect(contents(prepareIndex(withTables(tables)))).toEqual(fromScratch);
  });

  it('are set aside when they do not fit the index or are damaged, and the index is prepared as without them', () => {
    const tables = written.prepared as StoredPreparation;
    const broken: Array<[string, unknown]> = [
      ['not an object', 'oops'],
      ['one literal short', { ...tables, literals: tables.literals.slice(1) }],
      ['a fact count that is not the index', { ...tables, factCount: tables.factCount + 1 }],
      ['a word id past the words', { ...tables, literals: tables.literals.map((literal, at) => (at === 0 ? { ...literal, branches: [[tables.words.length]] } : literal)) }],
      ['a trigger past the facts', { ...tables, literalsAlways: [...tables.literalsAlways, tables.factCount] }],
      ['a word list that is not one per word', { ...tables, literalsByWord: tables.literalsByWord.slice(1) }],
      ['a segment that is not text', { ...tables, literals: tables.literals.map((literal, at) => (at === 0 ? { ...literal, segments: [7] } : literal)) }],
      ['evidence keys as a list', { ...tables, byEvidenceKey: [] }],
    ];
    for (const [name, bad] of broken) expect({ name, prepared: contents(prepareIndex(withTables(bad), { fingerprint })) }).toEqual({ name, prepared: fromScratch });
  });

  it('come out of storing what preparing gives, whatever index it is', () => {
    const small: RuleIndex = { version: 1, pages: written.pages.slice(0, 12) };
    const stored = storePreparation(prepareIndex({ ...small }), 'fp');
    expect(contents(prepareIndex({ ...small, prepared: JSON.parse(JSON.stringify(stored)) }, { fingerprint: 'fp' }))).toEqual(contents(prepareIndex({ ...small })));
  });

  it('give the same answer as preparing from scratch on every paste the results digest covers', () => {
    const read = withTables(written.prepared);
    prepareIndex(read, { fingerprint });
    const fresh = withTables(undefined);
    const { cases } = collectDigestCases(root);
    const pastes = cases.map((entry) => entry.input);
    expect(pastes.length).toBeGreaterThan(500);
    for (const input of pastes) expect(JSON.stringify(checkPaste(read, input))).toBe(JSON.stringify(checkPaste(fresh, input)));
  });

  it('answer as the index compiled from the pages does, the analyses packed as strings in the file', () => {
    // The file writes each pattern's analysis in its packed form (packed-analysis.ts), which costs
    // a cold check's parse less; the engine reads it as it is, and every answer stays the same.
    const packed = written.pages.flatMap((page) => page.signatures.flatMap((signature) => signature.facts)).filter((fact) => fact.kind === 'pattern' && fact.prefilter !== undefined);
    expect(packed.length).toBeGreaterThan(300);
    // An analysis whose words the string cannot carry (one holding `-`, say) stays an object.
    const strings = packed.filter((fact) => fact.kind === 'pattern' && typeof fact.prefilter === 'string');
    expect(strings.length / packed.length).toBeGreaterThan(0.9);
    const read = withTables(written.prepared);
    prepareIndex(read, { fingerprint });
    const { pages, cases } = collectDigestCases(root);
    const compiled = compileRulesAtBuild(pages.map((entry) => entry.page), compileConfigModel() as ConfigModel);
    for (const { input } of cases) expect(JSON.stringify(checkPaste(read, input))).toBe(JSON.stringify(checkPaste(compiled, input)));
  });
});
