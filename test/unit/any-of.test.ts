import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileRulesAtBuild } from '../../src/catalog/analyse-pattern.ts';
import { checkPaste } from '../../src/engine/check-paste.ts';
import { describeFact } from '../../src/engine/explain-match.ts';
import { MEMBER_KINDS } from '../../src/engine/fact-kinds/any-of.ts';
import { heldFactOf, kindOf, membersOfFact, pointsOfFact, regexesOfFact, wordsOfFact } from '../../src/engine/fact-kinds/registry.ts';
import { parseInput } from '../../src/engine/parse-input.ts';
import { STEP_SERVER_CONFIG } from '../../src/engine/fact-kinds/next-steps.ts';
import type { RuleClue, RuleFact } from '../../src/engine/rule-index.ts';
import { ANY_OF_MEMBER_KINDS } from '../../src/schemas/fact-kinds/any-of.ts';
import { FactSchema } from '../../src/schemas/fact.ts';
import { packCheckerRuleIndex, packRuleIndex } from '../../src/catalog/pack-rule-index.ts';
import { readPages } from '../../src/catalog/read-pages.ts';
import { unpackRuleIndex } from '../../src/engine/rule-index-format.ts';
import { rulePage, type SignatureInput } from '../support/rule-page.ts';

// Issue 11: a group of alternatives is one fact (`any-of`) that holds when one member holds. These
// tests use small made-up pages; the real pages' groups are tested in test/content/config-only.test.ts.

const page = (id: string, signatures: SignatureInput[], clues: RuleClue[] = []) =>
  rulePage(id, signatures, clues, { area: 'transport-session', hop: 'gateway-internals', status: 'by-design' });

const withoutArgs: RuleFact = { kind: 'server-config', fields: { transport: { equals: 'stdio' }, args: { present: false } } };
const withoutCommand: RuleFact = { kind: 'server-config', fields: { transport: { equals: 'stdio' }, command: { present: false } } };
const launchSpecMissing: RuleFact = { kind: 'any-of', facts: [withoutArgs, withoutCommand] } as RuleFact;
const literal: RuleFact = { kind: 'text', text: 'launch spec fixture failure' };
// A 401 (1.5 points) or a challenge header with a value (3 points).
const challenged: RuleFact = { kind: 'any-of', facts: [{ kind: 'status', status: 401 }, { kind: 'header', name: 'WWW-Authenticate', value: 'resource_metadata=' }] } as RuleFact;

const index = compileRulesAtBuild([
  page('launch-spec', [{ facts: [literal] }], [{ fact: launchSpecMissing, weight: 1.5, says: 'The stdio server lacks args or a command.' }]),
  page('challenged', [{ facts: [{ kind: 'text', text: 'challenge fixture failure' }, challenged] }]),
]);

const stdioConfig = (keys: string): string => `mcp_servers:\n  fs:\n    transport: stdio\n${keys}`;

describe('an any-of fact', () => {
  it('lets members be the same kinds in the schema and in the engine, in the same order', () => {
    expect(MEMBER_KINDS.map((kind) => kind.kind)).toEqual([...ANY_OF_MEMBER_KINDS]);
  });

  it('holds on the member that holds, and the clue quotes that member', () => {
    const noArgs = checkPaste(index, { paste: 'launch spec fixture failure', config: stdioConfig('    command: npx\n') });
    const noCommand = checkPaste(index, { paste: 'launch spec fixture failure', config: stdioConfig('    args: []\n') });
    const clueOf = (result: typeof noArgs): string | undefined => result.matches[0]?.evidence.find((evidence) => evidence.kind === 'clue')?.says;
    expect(clueOf(noArgs)).toBe('The stdio server lacks args or a command. Seen: in the `mcp_servers` entry `fs`, `args` is not set and `transport` is “stdio”.');
    expect(clueOf(noCommand)).toBe('The stdio server lacks args or a command. Seen: in the `mcp_servers` entry `fs`, `command` is not set and `transport` is “stdio”.');
  });

  it('does not hold when no member does', () => {
    const both = checkPaste(index, { paste: 'launch spec fixture failure', config: stdioConfig('    command: npx\n    args: []\n') });
    expect(both.matches[0]?.evidence.some((evidence) => evidence.kind === 'clue')).toBe(false);
  });

  it('is worth what the member that held is worth, not the sum of its members', () => {
    const status = checkPaste(index, { paste: 'challenge fixture failure\nHTTP/1.1 401 Unauthorized\ncontent-type: application/json\n\n{}' });
    const header = checkPaste(index, { paste: 'challenge fixture failure\nHTTP/1.1 403 Forbidden\nwww-authenticate: Bearer resource_metadata="/x"\n\n{}' });
    const groupWeight = (result: typeof status): number | undefined => result.matches[0]?.evidence.find((evidence) => /status|header/.test(evidence.says))?.weight;
    expect(groupWeight(status)).toBe(1.5);
    expect(groupWeight(header)).toBe(3);
    expect(status.matches[0]?.evidence.map((evidence) => evidence.says)).toContain('The response status is 401 (Unauthorized).');
  });

  it('is described as its alternatives before it holds, and as the member after', () => {
    expect(describeFact(launchSpecMissing)).toBe(
      'either in the `mcp_servers` entry, `transport` is “stdio” and `args` is not set, or in the `mcp_servers` entry, `transport` is “stdio” and `command` is not set',
    );
    const three = { kind: 'any-of', facts: [{ kind: 'status', status: 401 }, { kind: 'status', status: 403 }, { kind: 'status', status: 407 }] } as RuleFact;
    expect(describeFact(three)).toBe('one of these: the response status is 401 (Unauthorized); the response status is 403 (Forbidden); or the response status is 407');
    expect(describeFact(challenged, { input: 'paste', line: 2, member: 1 })).toBe("the response's `WWW-Authenticate` header contains “resource_metadata=”");
  });

  it('weighs the weakest member before it holds, and gives the held member for a hit', () => {
    expect(pointsOfFact(challenged)).toBe(1.5);
    expect(pointsOfFact(challenged, { input: 'paste', line: 1, member: 1 })).toBe(3);
    expect(heldFactOf(challenged, { input: 'paste', line: 1, member: 1 })).toMatchObject({ kind: 'header' });
    expect(heldFactOf(challenged, { input: 'paste', line: 1 })).toBe(challenged);
    expect(membersOfFact(challenged)).toHaveLength(2);
    expect(membersOfFact(literal)).toBeUndefined();
  });

  it('is woken by what wakes any member, and carries its members’ regexes and config keys', () => {
    expect(kindOf(challenged)?.trigger(challenged)).toEqual({ keys: ['status:401', 'response-header:www-authenticate'] });
    expect(regexesOfFact(challenged)).toEqual([{ field: 'facts.1.value', source: 'resource_metadata=' }]);
    expect(wordsOfFact(launchSpecMissing)).toEqual(['transport', 'args', 'command']);
  });

  it('asks for what decides it: one step when its members ask the same, both when they differ', () => {
    expect(kindOf(launchSpecMissing)?.nextStep(launchSpecMissing, parseInput({ paste: 'it failed' }))).toBe(STEP_SERVER_CONFIG);
    const mixed = { kind: 'any-of', facts: [{ kind: 'status', status: 401 }, { kind: 'json', path: 'error', test: { present: true } }] } as RuleFact;
    expect(kindOf(mixed)?.nextStep(mixed, parseInput({ paste: 'it failed' }))).toMatch(/^Paste the whole response .* Or paste the full response body/);
  });

  it('never holds a member of a kind this engine does not know, nor lets it crash the check', () => {
    const future = { kind: 'any-of', facts: [{ kind: 'client-version', below: '2.0.0' }, { kind: 'status', status: 401 }] } as unknown as RuleFact;
    const withFuture = compileRulesAtBuild([page('future', [{ facts: [{ kind: 'text', text: 'future fixture failure' }, future] }])]);
    const held = checkPaste(withFuture, { paste: 'future fixture failure\nHTTP/1.1 401 Unauthorized\n\n{}' });
    expect(held.matches[0]?.signature?.isFull).toBe(true);
    const unheld = checkPaste(withFuture, { paste: 'future fixture failure\nHTTP/1.1 200 OK\n\n{}' });
    expect(unheld.matches[0]?.signature?.isFull).toBe(false);
    expect(describeFact(future)).toContain('client-version');
  });

  it('compiles to itself (compiling is idempotent), and the schema reads what the engine compiled', () => {
    const compiled = kindOf(launchSpecMissing)?.compile(structuredClone(launchSpecMissing));
    expect(compiled).toEqual(launchSpecMissing);
    expect(FactSchema.safeParse(compiled).success).toBe(true);
  });

  it("travels in the CLI's index and in the checker's packed form as compiled, members and all", () => {
    const { pages } = readPages(resolve(import.meta.dirname, '../../content/errors'), resolve(import.meta.dirname, '../..'));
    const real = compileRulesAtBuild(pages.map((entry) => entry.page));
    const groupOf = (rules: typeof real): RuleFact | undefined =>
      rules.pages.find((p) => p.id === 'stdio-server-missing-command-or-args')?.clues.find((clue) => clue.fact.kind === 'any-of')?.fact;
    const compiled = groupOf(real);
    expect(membersOfFact(compiled as RuleFact)).toHaveLength(2);
    expect(groupOf(JSON.parse(JSON.stringify(real)) as typeof real)).toEqual(compiled);
    expect(groupOf(unpackRuleIndex(packRuleIndex(real)))).toEqual(compiled);
    expect(groupOf(unpackRuleIndex(JSON.parse(JSON.stringify(packCheckerRuleIndex(real)))))).toEqual(compiled);
  });
});
