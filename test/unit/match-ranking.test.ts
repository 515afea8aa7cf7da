import { describe, expect, it } from 'vitest';
import { matchEvidence } from '../../src/engine/check-paste.ts';
import type { Evidence, TaggedLine } from '../../src/engine/evidence.ts';
import { storeLines } from '../../src/engine/line-store.ts';
import type { RuleClue, RuleFact } from '../../src/engine/rule-index.ts';
import { compileRulesAtBuild } from '../../src/catalog/analyse-pattern.ts';
import { rulePage, type SignatureInput } from '../support/rule-page.ts';

const page = (id: string, signatures: SignatureInput[], clues: RuleClue[] = []) => rulePage(id, signatures, clues);

function evidenceOf(lines: string[], extra: Partial<Evidence> = {}): Evidence {
  const tagged: TaggedLine[] = lines.map((text, i) => ({ input: 'paste', line: i + 1, text, place: 'any' }));
  return { lines: storeLines(tagged), responses: [], requests: [], statuses: [], json: [], exceptions: [], configs: [], notes: [], ...extra };
}

const failed: RuleFact = { kind: 'text', text: 'MCP request failed' };
const oauthServer: RuleFact = { kind: 'server-config', fields: { auth_type: { equals: 'oauth2' } } };
const forwardingServer: RuleFact = { kind: 'server-config', fields: { extra_headers: { includes: 'Authorization' } } };

function configWith(fields: Record<string, unknown>): Evidence['configs'] {
  return [{ input: 'config', line: 1, source: 'mcp_servers:\n  jira:\n', value: { mcp_servers: { jira: fields } }, servers: [{ input: 'config', line: 2, name: 'jira', fields }] }];
}

describe('ranking', () => {
  const index = compileRulesAtBuild([
    page('oauth-failure', [{ facts: [failed, oauthServer] }]),
    page('forwarding-failure', [{ facts: [failed, forwardingServer] }]),
  ]);

  it('separates pages that share a literal by the config fact', () => {
    const oauth = matchEvidence(index, evidenceOf(['{"error":"MCP request failed","details":""}'], { configs: configWith({ auth_type: 'oauth2' }) }));
    expect(oauth.verdict).toBe('confident');
    expect(oauth.matches[0]?.id).toBe('oauth-failure');
    const forwarding = matchEvidence(index, evidenceOf(['{"error":"MCP request failed","details":""}'], { configs: configWith({ extra_headers: ['Authorization'] }) }));
    expect(forwarding.verdict).toBe('confident');
    expect(forwarding.matches[0]?.id).toBe('forwarding-failure');
  });

  it('is unsure with the shared literal alone, lists both pages and asks for the server entry', () => {
    const result = matchEvidence(index, evidenceOf(['{"error":"MCP request failed","details":""}']));
    expect(result.verdict).toBe('unsure');
    expect(result.matches.map((m) => m.id)).toEqual(['forwarding-failure', 'oauth-failure']);
    expect(result.matches.every((m) => m.confidence === 'low')).toBe(true);
    expect(result.nextSteps.join('\n')).toMatch(/mcp_servers entry/);
    expect(result.suggestions).toEqual([]);
  });

  it('never lets a partial match outrank a full match of another page', () => {
    const heavy = compileRulesAtBuild([
      page('a-partial', [{ weight: 3, facts: [{ kind: 'text', text: 'a very long and specific literal line' }, { kind: 'exception', type: 'ValueError', message: 'x' }, { kind: 'status', status: 500 }] }], [
        { fact: { kind: 'text', text: 'extra evidence one' }, weight: 3, says: 'Three points of clue evidence.' },
      ]),
      page('z-full', [{ weight: 0.1, facts: [{ kind: 'text', text: 'short one' }] }]),
    ]);
    const result = matchEvidence(heavy, evidenceOf(['a very long and specific literal line', 'extra evidence one', 'short one']));
    expect(result.matches.map((m) => m.id)).toEqual(['z-full', 'a-partial']);
    expect(result.matches[0]?.score).toBeGreaterThan(result.matches[1]?.score ?? Infinity);
  });

  it('ranks a signature whose extra facts all hold above a bare literal', () => {
    const specific = compileRulesAtBuild([
      page('bare', [{ facts: [{ kind: 'text', text: 'connection refused' }] }]),
      page('specific', [{ facts: [{ kind: 'text', text: 'connection refused' }, { kind: 'exception', type: 'ConnectError' }] }]),
    ]);
    const evidence = evidenceOf(['httpx.ConnectError: connection refused'], {
      exceptions: [{ input: 'paste', line: 1, type: 'httpx.ConnectError', message: 'connection refused', frames: [], depth: 0 }],
    });
    const result = matchEvidence(specific, evidence);
    expect(result.matches.map((m) => m.id)).toEqual(['specific', 'bare']);
    expect(result.verdict).toBe('confident');
  });

  it('breaks exact ties on the page id and stays unsure', () => {
    const twins = compileRulesAtBuild([page('b-twin', [{ facts: [failed] }]), page('a-twin', [{ facts: [failed] }])]);
    const result = matchEvidence(twins, evidenceOf(['MCP request failed']));
    expect(result.matches.map((m) => m.id)).toEqual(['a-twin', 'b-twin']);
    expect(result.matches[0]?.score).toBe(result.matches[1]?.score);
    expect(result.verdict).toBe('unsure');
    expect(result.matches[0]?.confidence).toBe('medium');
  });

  it('lets a clue decide between pages that share a literal, and quotes it', () => {
    const clued = compileRulesAtBuild([
      page('no-clue', [{ facts: [failed] }]),
      page('clued', [{ facts: [failed] }], [{ fact: { kind: 'status', status: 500 }, weight: 1.5, says: 'The transport handler answers 500 on any exception.' }]),
    ]);
    const result = matchEvidence(clued, evidenceOf(['HTTP/1.1 500', 'MCP request failed'], { statuses: [{ input: 'paste', line: 1, status: 500, from: 'status-line' }] }));
    expect(result.matches[0]?.id).toBe('clued');
    expect(result.verdict).toBe('confident');
    expect(result.matches[0]?.evidence).toContainEqual(expect.objectContaining({ kind: 'clue', says: 'The transport handler answers 500 on any exception.', line: 1, weight: 3 }));
  });

  it('is never confident in a page a clue contradicts', () => {
    const contradicted = compileRulesAtBuild([
      page('contradicted', [{ facts: [failed] }], [{ fact: { kind: 'text', text: 'spec_path' }, weight: -2, says: 'An OpenAPI server lists tools from its spec.' }]),
    ]);
    const result = matchEvidence(contradicted, evidenceOf(['MCP request failed', 'spec_path: /openapi.json']));
    expect(result.verdict).toBe('unsure');
    expect(result.matches[0]?.evidence).toContainEqual(expect.objectContaining({ kind: 'contradiction', line: 2, weight: -4 }));
  });

  it('ignores a partial match made only of a status or a config entry', () => {
    const generic = compileRulesAtBuild([page('needs-literal', [{ facts: [{ kind: 'status', status: 500 }, { kind: 'text', text: 'very specific text' }] }])]);
    const result = matchEvidence(generic, evidenceOf(['HTTP/1.1 500'], { statuses: [{ input: 'paste', line: 1, status: 500, from: 'status-line' }] }));
    expect(result.verdict).toBe('nothing');
    expect(result.matches).toEqual([]);
    expect(result.nextSteps.length).toBeGreaterThan(0);
  });

  it('explains each counted fact with its line, a redacted excerpt and its weight', () => {
    const result = matchEvidence(index, evidenceOf(['Authorization: Bearer sk-1234567890abcdefghij', '{"error":"MCP request failed","details":""}'], { configs: configWith({ auth_type: 'oauth2' }) }));
    const literal = result.matches[0]?.evidence.find((e) => e.line === 2 && e.input === 'paste');
    expect(literal).toMatchObject({ kind: 'signature', input: 'paste', line: 2, weight: 3 });
    // The user's own words (as pasted, not the folded rule literal), and the server by name.
    expect(literal?.says).toContain('It says “MCP request failed”');
    const config = result.matches[0]?.evidence.find((e) => e.input === 'config');
    expect(config?.says).toContain('`jira`');
    expect(result.highlights).toContainEqual({ input: 'paste', line: 2, start: 10, end: 28 });
  });

  it('asks for the debug headers when a response header would decide', () => {
    const headerPage = compileRulesAtBuild([page('needs-header', [{ facts: [failed, { kind: 'header', name: 'x-mcp-debug-auth', value: 'oauth2' }] }])]);
    const result = matchEvidence(headerPage, evidenceOf(['MCP request failed']));
    expect(result.verdict).toBe('unsure');
    expect(result.nextSteps[0]).toContain("x-litellm-mcp-debug: true");
  });

  it('returns the same result for the same input', () => {
    const evidence = evidenceOf(['{"error":"MCP request failed","details":""}']);
    expect(JSON.stringify(matchEvidence(index, evidence))).toBe(JSON.stringify(matchEvidence(index, evidence)));
  });
});
