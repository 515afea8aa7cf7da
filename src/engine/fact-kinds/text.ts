/** `text`: a literal as the user sees it, matched case-insensitively with whitespace and JSON spacing normalised. */
import type { Place } from '../evidence.ts';
import { normalizeForMatch } from '../normalize.ts';
import { defineFactKind, withoutUndefined } from './define-fact-kind.ts';
import { literalStep } from './next-steps.ts';
import { placesOf } from './words.ts';

/** A text fact as compiled (`text` already folded by `normalizeForMatch`). */
export interface TextFact {
  kind: 'text';
  /** The literal. */
  text: string;
  /** The places it may appear in; default anywhere. */
  in?: Place[] | undefined;
}

/** The text kind. */
export const textKind = defineFactKind<TextFact>({
  kind: 'text',
  compile: (fact) => withoutUndefined({ kind: 'text', text: normalizeForMatch(fact.text), in: fact.in ? [...fact.in] : undefined }),
  trigger: () => ({ literal: true }),
  // Literals are answered by `matchLiteral` through their prefilters (see match-fact.ts).
  match: () => null,
  // The rule's text is folded to lower case; the user's own words read better when the line held them.
  describe: (fact, _hit, seen) => `it says “${seen ?? fact.text}”${placesOf(fact.in)}`,
  points: (fact) => (fact.text.length >= 24 ? 4 : 3),
  isDistinctive: () => true,
  nextStep: (fact) => literalStep(fact.in),
  regexes: () => [],
});
