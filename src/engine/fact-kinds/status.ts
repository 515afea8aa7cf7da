/** `status`: the HTTP status of a response in the paste (status line, access log line, client message). */
import type { InputName } from '../evidence.ts';
import { defineFactKind } from './define-fact-kind.ts';
import { statusKey } from './evidence-keys.ts';
import { describeStatus } from './words.ts';
import { STEP_DEBUG_HEADERS, STEP_STATUS } from './next-steps.ts';

/** A status fact. */
export interface StatusFact {
  kind: 'status';
  /** One status, or any of several. */
  status: number | number[];
}

const statusesOf = (fact: StatusFact): number[] => (Array.isArray(fact.status) ? fact.status : [fact.status]);

/** The status kind. */
export const statusKind = defineFactKind<StatusFact>({
  kind: 'status',
  compile: (fact) => ({ kind: 'status', status: Array.isArray(fact.status) ? [...fact.status] : fact.status }),
  trigger: (fact) => ({ keys: [...new Set(statusesOf(fact))].map(statusKey) }),
  match: (fact, { view }) => {
    let first: { input: InputName; line: number } | undefined;
    for (const status of statusesOf(fact)) {
      const seen = view.indexes.statuses.get(status);
      if (seen && (!first || isEarlier(seen, first))) first = seen;
    }
    return first ? { input: first.input, line: first.line } : null;
  },
  describe: (fact) =>
    Array.isArray(fact.status) ? `the response status is one of ${fact.status.map(describeStatus).join(', ')}` : `the response status is ${describeStatus(fact.status)}`,
  points: () => 1.5,
  isDistinctive: () => false,
  nextStep: (_fact, evidence) => (evidence.responses.length === 0 ? STEP_STATUS : STEP_DEBUG_HEADERS),
  regexes: () => [],
});

function isEarlier(a: { input: InputName; line: number }, b: { input: InputName; line: number }): boolean {
  return a.input === b.input ? a.line < b.line : a.input === 'paste';
}
