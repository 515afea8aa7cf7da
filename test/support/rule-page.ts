import type { RuleClue, RuleFact, RulePageSource, RuleSignature } from '../../src/engine/rule-index.ts';

/** A signature for a made-up page: its facts, and any field that matters to the test. */
export type SignatureInput = Partial<RuleSignature> & { facts: RuleFact[] };

/**
 * A small made-up page for engine tests: the fields every page needs, filled with neutral values,
 * and each signature's id, text, place and weight defaulted (`sig-<i>`, `signature <i>`, `any`, 1)
 * unless the test gives them. `overrides` replaces any page field (area, hop, status…).
 */
export function rulePage(id: string, signatures: SignatureInput[], clues: RuleClue[] = [], overrides: Partial<RulePageSource> = {}): RulePageSource {
  return {
    id,
    title: `Page ${id}`,
    summary: 'summary',
    area: 'tool-listing',
    hop: 'gateway-upstream',
    status: 'bug',
    retired: false,
    relatedErrors: [],
    clues,
    fixes: [{ kind: 'workaround', title: `Work around ${id}` }],
    signatures: signatures.map((signature, i) => ({ id: `sig-${i}`, text: `signature ${i}`, where: 'any', weight: 1, ...signature })),
    ...overrides,
  };
}
