import { describe, expect, it } from 'vitest';
import { checkPaste } from '../../src/engine/index.ts';
import type { RuleSignature } from '../../src/engine/rule-index.ts';
import { compileRulesAtBuild } from '../../src/catalog/analyse-pattern.ts';
import { SignatureSchema } from '../../src/schemas/signature.ts';
import { decidedByOf, describeConfidence } from '../../src/site/verdict-words.ts';
import { rulePage as page } from '../support/rule-page.ts';

// A reporter's description of a symptom (`describes: true`) ranks its page but is never `high`:
// the checker says so and asks for what the failure printed (issue 11).
const slowListing: RuleSignature = {
  id: 'listing-slow',
  text: 'with 7 MCP servers the tool listing is slow',
  where: 'any',
  describes: true,
  facts: [{ kind: 'text', text: 'the tool listing is slow' }],
  weight: 2,
};
const timeoutLog: RuleSignature = {
  id: 'listing-timeout-log',
  text: 'Timed out listing tools from github after 30s',
  where: 'log',
  facts: [{ kind: 'text', text: 'Timed out listing tools from' }],
  weight: 1,
};
const oauthServerSlow: RuleSignature = {
  id: 'oauth-listing-slow',
  text: 'the oauth2 server makes the tool listing slow',
  where: 'any',
  describes: true,
  facts: [
    { kind: 'text', text: 'tool listing slow' },
    { kind: 'server-config', fields: { auth_type: { equals: 'oauth2' } } },
  ],
  weight: 1,
};

const index = compileRulesAtBuild([page('slow-listing', [slowListing, timeoutLog]), page('words-only', [oauthServerSlow])]);

describe('a descriptive signature', () => {
  it('ranks its page at medium for a sentence, says why, and asks first for the line the page knows', () => {
    const result = checkPaste(index, { paste: 'Since the upgrade, with 7 MCP servers the tool listing is slow and Cursor gives up.' });
    expect(result.matches[0]).toMatchObject({ id: 'slow-listing', confidence: 'medium', anchor: '#sig-listing-slow' });
    expect(result.verdict).toBe('unsure');
    expect(result.notes.some((note) => note.startsWith('The paste matched how people describe this failure'))).toBe(true);
    // The CLI, /check/ and the Markdown give that as the reason, not a close runner-up.
    expect(describeConfidence('medium', decidedByOf(result.matches[0]!))).toBe('Possibly: your words match how people describe this failure, not a line anything printed');
    expect(result.nextSteps[0]).toBe(
      'You described the symptom; paste what was printed instead. This failure shows as “Timed out listing tools from github after 30s” in ' +
        "LiteLLM's log: paste that line as printed, with the status line and body of the failing response (run it again with `curl -si`) or the proxy log lines around it.",
    );
  });

  it('gives way to the page literal when the paste carries both, and then is high', () => {
    const result = checkPaste(index, { paste: 'the tool listing is slow\nLiteLLM:ERROR: Timed out listing tools from github after 30s' });
    expect(result.matches[0]).toMatchObject({ id: 'slow-listing', confidence: 'high', anchor: '#sig-listing-timeout-log' });
    expect(result.notes.some((note) => note.startsWith('The paste matched how people describe'))).toBe(false);
    expect(describeConfidence('high', decidedByOf(result.matches[0]!))).toBe('Very likely: a whole signature matched and no other page fits as well');
  });

  it('stays medium when a config fact of the same signature also holds', () => {
    const config = 'mcp_servers:\n  jira:\n    url: https://jira.example.com/mcp\n    auth_type: oauth2\n';
    const result = checkPaste(index, { paste: 'our tool listing slow since we added jira', config });
    expect(result.matches[0]).toMatchObject({ id: 'words-only', confidence: 'medium' });
    // A page with no output of its own: the step asks for whatever was printed.
    expect(result.nextSteps[0]).toMatch(/^You described the symptom; paste what was printed when it happened, word for word: the status line and body/);
  });

  it('is refused beside a fact that is output', () => {
    const parsed = SignatureSchema.safeParse({
      id: 'said-401',
      text: 'the gateway says 401',
      where: 'any',
      describes: true,
      facts: [{ kind: 'text', text: 'the gateway says' }, { kind: 'status', status: 401 }],
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/has a status fact, which is output/);
    expect(parsed.error?.issues[0]?.path).toEqual(['describes']);
  });
});
