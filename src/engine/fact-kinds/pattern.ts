/** `pattern`: a regular expression (unicode, case-insensitive) for literals with variable parts. */
import type { Place } from '../evidence.ts';
import type { PatternAnalysis } from '../prepare-rules.ts';
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
  /**
   * What the matcher's prefilters read off the regex, computed by the build (compileRulesAtBuild
   * in src/catalog/analyse-pattern.ts) so that the engine never parses a pattern; absent in page
   * frontmatter. When it is absent or malformed the pattern has no prefilter (tested on every line)
   * and ranks as a loose one. The stored forms of the index hold it as its packed string
   * (packed-analysis.ts), which the engine reads as it is.
   */
  prefilter?: PatternAnalysis | string | undefined;
}

/** The pattern kind. */
export const patternKind = defineFactKind<PatternFact>({
  kind: 'pattern',
  // A compiled fact keeps the analysis the build gave it: compiling stays idempotent.
  compile: (fact) => withoutUndefined({ kind: 'pattern', pattern: fact.pattern, in: fact.in ? [...fact.in] : undefined, prefilter: fact.prefilter }),
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
