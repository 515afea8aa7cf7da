/** `header`: a response header, present (optionally with a value matching a regex) or absent. */
import type { HeaderLine } from '../evidence.ts';
import { defineFactKind, withoutUndefined } from './define-fact-kind.ts';
import { ANY_RESPONSE_HEADERS, responseHeaderKey } from './evidence-keys.ts';
import { STEP_DEBUG_HEADERS } from './next-steps.ts';
import { describeMatching } from './words.ts';

/** A response-header fact (`name` lower-cased once compiled). */
export interface HeaderFact {
  kind: 'header';
  /** The header name. */
  name: string;
  /** A regex its value matches; omit to test presence only. */
  value?: string | undefined;
  /** The header is absent from every response that shows headers. */
  absent?: true | undefined;
}

/** The response-header kind. */
export const headerKind = defineFactKind<HeaderFact>({
  kind: 'header',
  compile: (fact) => withoutUndefined({ kind: 'header', name: fact.name.toLowerCase(), value: fact.value, absent: fact.absent }),
  trigger: (fact) => ({ keys: [fact.absent ? ANY_RESPONSE_HEADERS : responseHeaderKey(fact.name.toLowerCase())] }),
  match: (fact, { view, regexOf }) => {
    const { responseHeaders, firstResponseWithHeaders: holder } = view.indexes;
    const name = fact.name.toLowerCase();
    if (fact.absent) return holder && !responseHeaders.has(name) ? { input: holder.input, line: holder.line } : null;
    const valueRegex = fact.value === undefined ? null : regexOf(fact.value);
    if (fact.value !== undefined && !valueRegex) return null;
    const header = responseHeaders.get(name)?.find((h: HeaderLine) => !valueRegex || valueRegex.test(h.value));
    return header ? { input: header.input, line: header.line } : null;
  },
  describe: (fact) => {
    if (fact.absent) return `no response carries the header \`${fact.name}\``;
    if (fact.value === undefined) return `the response carries the header \`${fact.name}\``;
    return `the response's \`${fact.name}\` header ${describeMatching(fact.value, 'has the value this page describes')}`;
  },
  points: (fact) => (fact.absent ? 1 : fact.value === undefined ? 2 : 3),
  isDistinctive: (fact) => fact.value !== undefined && !fact.absent,
  nextStep: () => STEP_DEBUG_HEADERS,
  regexes: (fact) => (fact.value === undefined ? [] : [{ field: 'value', source: fact.value }]),
});
