/** `pattern`: a regular expression (unicode, case-insensitive) for literals with variable parts. */
import type { Place } from '../evidence.ts';
import { defineFactKind, withoutUndefined } from './define-fact-kind.ts';
import { literalStep } from './next-steps.ts';
import { literalsOfPattern, placesOf } from './words.ts';

/** A pattern fact. */
export interface PatternFact {
  kind: 'pattern';
  /** The regex source. */
  pattern: string;
  /** The places it may appear in; default anywhere. */
  in?: Place[] | undefined;
}

/** The pattern kind. */
export const patternKind = defineFactKind<PatternFact>({
  kind: 'pattern',
  compile: (fact) => withoutUndefined({ kind: 'pattern', pattern: fact.pattern, in: fact.in ? [...fact.in] : undefined }),
  trigger: () => ({ literal: true }),
  // Literals are answered by `matchLiteral` through their prefilters (see match-fact.ts).
  match: () => null,
  describe: (fact, _hit, seen) => {
    const plain = literalsOfPattern(fact.pattern);
    if (plain) return `it says ${plain}${placesOf(fact.in)}`;
    return seen ? `it says “${seen}”${placesOf(fact.in)}` : `a line${placesOf(fact.in)} reads as this signature does`;
  },
  points: () => 3,
  isDistinctive: () => true,
  nextStep: (fact) => literalStep(fact.in),
  regexes: (fact) => [{ field: 'pattern', source: fact.pattern }],
});
