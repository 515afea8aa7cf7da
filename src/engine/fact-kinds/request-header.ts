/** `request-header`: a header the user sent (curl `-H`, a client config's headers), present or absent. */
import type { HeaderLine } from '../evidence.ts';
import { defineFactKind, withoutUndefined } from './define-fact-kind.ts';
import { ANY_REQUEST_HEADERS, requestHeaderKey } from './evidence-keys.ts';
import { STEP_REQUEST } from './next-steps.ts';
import { describeMatching } from './words.ts';

/** A request-header fact (`name` lower-cased once compiled). */
export interface RequestHeaderFact {
  kind: 'request-header';
  /** The header name. */
  name: string;
  /** A regex the sent value matches; omit to test presence only. */
  value?: string | undefined;
  /** The header was not sent (needs a request that lists its headers). */
  absent?: true | undefined;
}

/** The request-header kind. */
export const requestHeaderKind = defineFactKind<RequestHeaderFact>({
  kind: 'request-header',
  compile: (fact) => withoutUndefined({ kind: 'request-header', name: fact.name.toLowerCase(), value: fact.value, absent: fact.absent }),
  trigger: (fact) => ({ keys: [fact.absent ? ANY_REQUEST_HEADERS : requestHeaderKey(fact.name.toLowerCase())] }),
  match: (fact, { view, regexOf }) => {
    const { requestHeaders, firstRequestWithHeaders: holder } = view.indexes;
    const name = fact.name.toLowerCase();
    if (fact.absent) return holder && !requestHeaders.has(name) ? { input: holder.input, line: holder.line } : null;
    const valueRegex = fact.value === undefined ? null : regexOf(fact.value);
    if (fact.value !== undefined && !valueRegex) return null;
    const header = requestHeaders.get(name)?.find((h: HeaderLine) => !valueRegex || valueRegex.test(h.value));
    return header ? { input: header.input, line: header.line } : null;
  },
  describe: (fact) => {
    if (fact.absent) return `the request sent no \`${fact.name}\` header`;
    if (fact.value === undefined) return `the request sent the header \`${fact.name}\``;
    return `the request's \`${fact.name}\` header ${describeMatching(fact.value, 'has the value this page describes')}`;
  },
  points: (fact) => (fact.absent ? 1 : fact.value === undefined ? 1.5 : 2),
  isDistinctive: () => false,
  nextStep: () => STEP_REQUEST,
  regexes: (fact) => (fact.value === undefined ? [] : [{ field: 'value', source: fact.value }]),
});
