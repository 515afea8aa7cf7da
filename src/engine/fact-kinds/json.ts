/** `json`: a test on the values at a dotted path into a JSON body (`*` for any key or index). */
import type { JsonSeen } from '../evidence.ts';
import type { RuleValueTest } from '../rule-index.ts';
import { isNegativeTest, testValues, valuesAtPath } from '../value-test.ts';
import { defineFactKind, withoutUndefined, type MatchContext } from './define-fact-kind.ts';
import { ANY_JSON, jsonKey } from './evidence-keys.ts';
import { STEP_BODY } from './next-steps.ts';
import { describeJsonPath, describeTest } from './words.ts';

/** A json fact. */
export interface JsonFact {
  kind: 'json';
  /** The dotted path. */
  path: string;
  /** The test on the values found there. */
  test: RuleValueTest;
}

// The values at one JSON path, walked once per paste however many facts test that path.
type Walked = { seen: JsonSeen; values: unknown[] }[];

/** The json kind. */
export const jsonKind = defineFactKind<JsonFact>({
  kind: 'json',
  compile: (fact) => ({ kind: 'json', path: fact.path, test: withoutUndefined({ ...fact.test }) }),
  trigger: (fact) => {
    const first = fact.path.split('.')[0] ?? '';
    // A negative test holds when no value passes, so any JSON may decide it.
    return { keys: [isNegativeTest(fact.test) || first === '*' ? ANY_JSON : jsonKey(first)] };
  },
  match: (fact, context) => {
    const { view, regexOf } = context;
    const negative = isNegativeTest(fact.test);
    const first = fact.path.split('.')[0] ?? '';
    const isWholePool = negative || first === '*';
    const pool: readonly JsonSeen[] = isWholePool ? view.evidence.json : view.jsonByKey.get(first) ?? [];
    const poolKey = `json:${isWholePool ? 'all' : 'key'}:${fact.path}`;
    const walked = context.cached<Walked>(poolKey, () => pool.map((seen) => ({ seen, values: valuesAtPath(seen.value, fact.path) })));
    if (negative) {
      const seen = pool[0];
      if (!seen) return null;
      const holds = walked.every(({ values }) => testValues(values, fact.test, regexOf));
      return holds ? { input: seen.input, line: seen.line } : null;
    }
    const test = fact.test;
    const found = 'equals' in test && isScalarKey(test.equals) ? firstWithScalar(context, poolKey, walked, test.equals) : walked.find(({ values }) => testValues(values, test, regexOf));
    return found ? { input: found.seen.input, line: found.seen.line } : null;
  },
  describe: (fact) => `${describeJsonPath(fact.path)} ${describeTest(fact.test)}`,
  points: (fact) => (isNegativeTest(fact.test) ? 1 : 3),
  isDistinctive: (fact) => !isNegativeTest(fact.test),
  nextStep: () => STEP_BODY,
  regexes: (fact) => (fact.test.matches === undefined ? [] : [{ field: 'test.matches', source: fact.test.matches }]),
});

function isScalarKey(value: unknown): boolean {
  return value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && !Number.isNaN(value));
}

// The first walked entry holding each scalar value, built on first use: an `equals` test on a
// scalar is then one lookup instead of a walk over every JSON value of the paste.
function firstWithScalar(context: MatchContext, poolKey: string, walked: Walked, wanted: unknown): Walked[number] | undefined {
  const byValue = context.cached(`${poolKey}:scalars`, () => {
    const map = new Map<unknown, Walked[number]>();
    for (const entry of walked) for (const value of entry.values) if (isScalarKey(value) && !map.has(value)) map.set(value, entry);
    return map;
  });
  return byValue.get(wanted);
}
