/** `exception`: a Python exception by type (last dotted part enough), optionally with its message. */
import { defineFactKind, withoutUndefined } from './define-fact-kind.ts';
import { exceptionKey, lastTypePart } from './evidence-keys.ts';
import { STEP_TRACEBACK } from './next-steps.ts';
import { describeMatching } from './words.ts';

/** An exception fact. */
export interface ExceptionFact {
  kind: 'exception';
  /** The type as printed (`httpx.ConnectError` or `ConnectError`). */
  type: string;
  /** A regex the message matches. */
  message?: string | undefined;
}

/** The exception kind. */
export const exceptionKind = defineFactKind<ExceptionFact>({
  kind: 'exception',
  compile: (fact) => withoutUndefined({ kind: 'exception', type: fact.type, message: fact.message }),
  trigger: (fact) => ({ keys: [exceptionKey(lastTypePart(fact.type))] }),
  match: (fact, { view, regexOf }) => {
    const wanted = fact.type.toLowerCase();
    const messageRegex = fact.message === undefined ? null : regexOf(fact.message);
    if (fact.message !== undefined && !messageRegex) return null;
    const seen = view.indexes.exceptions.get(lastTypePart(wanted))?.find((e) => {
      const type = e.type.toLowerCase();
      // A dotted type on both sides must agree on its module: `requests.ConnectError` is not httpx's.
      if (wanted.includes('.') && type.includes('.') && !type.endsWith(wanted)) return false;
      return !messageRegex || messageRegex.test(e.message);
    });
    return seen ? { input: seen.input, line: seen.line } : null;
  },
  describe: (fact) =>
    `Python raised \`${fact.type}\`${fact.message === undefined ? '' : ` ${describeMatching(fact.message, 'with the message this page quotes', 'with the message')}`}`,
  points: (fact) => (fact.message === undefined ? 3 : 4),
  isDistinctive: () => true,
  nextStep: () => STEP_TRACEBACK,
  regexes: (fact) => (fact.message === undefined ? [] : [{ field: 'message', source: fact.message }]),
});
