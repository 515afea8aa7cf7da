/** `server-config`: tests on keys of one `mcp_servers.<name>` entry, all holding for the same server. */
import type { RuleValueTest } from '../rule-index.ts';
import { testValues, valuesAtPath } from '../value-test.ts';
import { defineFactKind, withoutUndefined, type FactRegex } from './define-fact-kind.ts';
import { ANY_CONFIG } from './evidence-keys.ts';
import { STEP_SERVER_CONFIG } from './next-steps.ts';
import { describeTest, joinWords } from './words.ts';

/** A server-config fact. */
export interface ServerConfigFact {
  kind: 'server-config';
  /** Tests by key of the server entry (dotted paths allowed). */
  fields: Record<string, RuleValueTest>;
}

/** The server-config kind. */
export const serverConfigKind = defineFactKind<ServerConfigFact>({
  kind: 'server-config',
  compile: (fact) => {
    const fields: Record<string, RuleValueTest> = {};
    for (const key of Object.keys(fact.fields).sort()) {
      const test = fact.fields[key];
      if (test) fields[key] = withoutUndefined({ ...test });
    }
    return { kind: 'server-config', fields };
  },
  trigger: () => ({ keys: [ANY_CONFIG] }),
  match: (fact, { servers, regexOf }) => {
    const entries = Object.entries(fact.fields);
    const server = servers.find((s) => entries.every(([key, test]) => testValues(valuesAtPath(s.fields, key), test, regexOf)));
    return server ? { input: server.input, line: server.line, server: server.name } : null;
  },
  describe: (fact, hit) => {
    const fields = Object.entries(fact.fields).map(([key, test]) => `\`${key}\` ${describeTest(test)}`);
    const server = hit?.server ? ` \`${hit.server}\`` : '';
    return `in the \`mcp_servers\` entry${server}, ${joinWords(fields)}`;
  },
  points: (fact) => Math.min(6, 1.5 * Math.max(1, Object.keys(fact.fields).length)),
  isDistinctive: () => false,
  nextStep: () => STEP_SERVER_CONFIG,
  regexes: (fact) => {
    const found: FactRegex[] = [];
    for (const [key, test] of Object.entries(fact.fields)) if (test.matches !== undefined) found.push({ field: `fields.${key}.matches`, source: test.matches });
    return found;
  },
  words: (fact) => Object.keys(fact.fields),
});
