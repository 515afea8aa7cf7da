/** `config`: a test on the value at a dotted path from the root of `config.yaml`. */
import type { RuleValueTest } from '../rule-index.ts';
import { isNegativeTest, testValues, valuesAtPath } from '../value-test.ts';
import type { EvidenceView } from '../view-evidence.ts';
import type { InputName } from '../evidence.ts';
import { defineFactKind, withoutUndefined } from './define-fact-kind.ts';
import { ANY_CONFIG } from './evidence-keys.ts';
import { describeTest } from './words.ts';

/** A config fact. */
export interface ConfigFact {
  kind: 'config';
  /** The dotted path (`general_settings.use_x_forwarded_for`). */
  path: string;
  /** The test on the value found there. */
  test: RuleValueTest;
}

/** The config kind. */
export const configKind = defineFactKind<ConfigFact>({
  kind: 'config',
  compile: (fact) => ({ kind: 'config', path: fact.path, test: withoutUndefined({ ...fact.test }) }),
  trigger: () => ({ keys: [ANY_CONFIG] }),
  match: (fact, { view, regexOf }) => {
    const docs = view.evidence.configs;
    if (docs.length === 0) return null;
    // A negative test (not set, not true) must hold in every config given, not just one.
    if (isNegativeTest(fact.test)) {
      const holds = docs.every((doc) => testValues(valuesAtPath(doc.value, fact.path), fact.test, regexOf));
      const doc = docs[0];
      return holds && doc ? { input: doc.input, line: doc.line } : null;
    }
    const doc = docs.find((d) => testValues(valuesAtPath(d.value, fact.path), fact.test, regexOf));
    return doc ? { input: doc.input, line: lineOfPath(view, doc.input, doc.line, fact.path) } : null;
  },
  describe: (fact) => `the config's \`${fact.path}\` ${describeTest(fact.test)}`,
  points: (fact) => (isNegativeTest(fact.test) ? 1 : 2),
  isDistinctive: () => false,
  nextStep: (fact) => `Paste the part of config.yaml that sets \`${fact.path}\` (or say that it is not set), or pass the file with --config.`,
  regexes: (fact) => (fact.test.matches === undefined ? [] : [{ field: 'test.matches', source: fact.test.matches }]),
  words: (fact) => [fact.path],
});

// Points a config explanation at the line of the last key of the path, when it can be found.
function lineOfPath(view: EvidenceView, input: InputName, from: number, path: string): number {
  const key = path.split('.').filter((k) => k !== '*').pop();
  if (!key) return from;
  for (let line = from; line < from + 5000; line++) {
    const text = view.textAt(input, line);
    if (text === '' && line > from + 1 && view.textAt(input, line + 1) === '') break;
    if (text.trimStart().startsWith(`${key}:`)) return line;
  }
  return from;
}
