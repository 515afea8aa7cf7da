import type { RuleFact, RuleIndex } from '../engine/rule-index.ts';

/**
 * The index with every fact (each signature's, each clue's) replaced by what `edit` gives for it:
 * pages, signatures and clues are copied, the index given is left as it was.
 */
export function mapFacts(index: RuleIndex, edit: (fact: RuleFact) => RuleFact): RuleIndex {
  return {
    ...index,
    pages: index.pages.map((page) => ({
      ...page,
      signatures: page.signatures.map((signature) => ({ ...signature, facts: signature.facts.map(edit) })),
      clues: page.clues.map((clue) => ({ ...clue, fact: edit(clue.fact) })),
    })),
  };
}
