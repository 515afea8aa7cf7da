import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPages } from '../../src/catalog/read-pages.ts';
import { checkPaste, compileRules, type CheckResult } from '../../src/engine/index.ts';

// Pairs of pastes that differ only in the evidence that decides between look-alike pages, run
// against the real pages: the deciding evidence must change the answer.
const root = resolve(import.meta.dirname, '../..');
const { pages } = readPages(resolve(root, 'content/errors'), root);
const index = compileRules(pages.map((entry) => entry.page));
const ids = new Set(pages.map((p) => p.id));

function check(paste: string, config?: string): CheckResult {
  return checkPaste(index, config === undefined ? { paste } : { paste, config });
}

function ranking(result: CheckResult): string {
  return result.matches.map((m) => `${m.id} ${m.score} ${m.confidence}`).join('; ') || '(no match)';
}

const FAILED_500 = 'HTTP/1.1 500 Internal Server Error\ncontent-type: application/json\n\n{"error":"MCP request failed","details":""}';
const EMPTY_TOOLS = 'HTTP/1.1 200 OK\ncontent-type: application/json\n\n{"jsonrpc":"2.0","id":1,"result":{"tools":[]}}';

describe('look-alike pastes', () => {
  it('"MCP request failed" with empty details goes to the interactive-OAuth page only with an oauth2 server config, else to the flattened key-check page', () => {
    expect(ids.has('oauth2-interactive-500-instead-of-401')).toBe(true);
    const oauth = check(FAILED_500, 'mcp_servers:\n  gmail:\n    url: https://gmail.example.com/mcp\n    auth_type: oauth2\n    authorization_url: https://accounts.google.com/o/oauth2/auth\n    token_url: https://oauth2.googleapis.com/token\n');
    expect(oauth.matches[0]?.id, ranking(oauth)).toBe('oauth2-interactive-500-instead-of-401');
    expect(oauth.verdict).toBe('confident');
    // The empty-details 500 is LiteLLM's key check flattened (PR #31011), whatever the server forwards.
    const forwarding = check(FAILED_500, 'mcp_servers:\n  github:\n    url: https://api.githubcopilot.com/mcp\n    extra_headers: [Authorization]\n');
    expect(forwarding.matches[0]?.id, ranking(forwarding)).toBe('mcp-request-failed-empty-details-500');
    const bare = check('Error POSTing to endpoint (HTTP 500): {"error":"MCP request failed","details":""}');
    expect(bare.matches[0]?.id, ranking(bare)).toBe('mcp-request-failed-empty-details-500');
    expect(bare.matches.map((m) => m.id)).not.toContain('upstream-401-returned-as-empty-tools');
  });

  it('the same empty-details 500 goes to the Bearer-prefix page when the key was sent as a bare sk-…', () => {
    const rawKey = check(`$ curl -si http://localhost:4000/github/mcp -H 'x-litellm-api-key: sk-4f9a8b7c6d5e' -d '{}'\n${FAILED_500}`);
    expect(rawKey.matches[0]?.id, ranking(rawKey)).toBe('litellm-key-missing-bearer-prefix');
    expect(rawKey.verdict).toBe('confident');
    const withBearer = check(`$ curl -si http://localhost:4000/github/mcp -H 'x-litellm-api-key: Bearer sk-4f9a8b7c6d5e' -d '{}'\n${FAILED_500}`);
    expect(withBearer.matches[0]?.id, ranking(withBearer)).toBe('mcp-request-failed-empty-details-500');
  });

  it('a 200 with no tools goes to the swallowed-401 page with a forwarded Authorization, to the IP-restriction page with an internal-only server', () => {
    const forwarding = check(EMPTY_TOOLS, 'mcp_servers:\n  github:\n    url: https://api.githubcopilot.com/mcp\n    extra_headers: [Authorization]\n');
    expect(forwarding.matches[0]?.id, ranking(forwarding)).toBe('upstream-401-returned-as-empty-tools');
    expect(forwarding.verdict).toBe('confident');
    const internal = check(EMPTY_TOOLS, 'mcp_servers:\n  github:\n    url: https://api.githubcopilot.com/mcp\n    available_on_public_internet: false\n');
    expect(internal.matches[0]?.id, ranking(internal)).toBe('server-restricted-to-internal-networks');
    expect(internal.verdict).toBe('confident');
  });

  it('a 200 with no tools goes to the scoped-request page when the request scopes with x-mcp-servers', () => {
    const scoped = check(`$ curl -si http://localhost:4000/mcp/ -H 'x-litellm-api-key: sk-1234' -H 'x-mcp-servers: githbu'\n${EMPTY_TOOLS}`);
    expect(scoped.matches[0]?.id, ranking(scoped)).toBe('scoped-mcp-request-resolves-to-no-servers');
    expect(scoped.verdict).toBe('confident');
    const bare = check(EMPTY_TOOLS);
    expect(bare.verdict, ranking(bare)).not.toBe('confident');
  });

  it('a ConnectError goes to the TLS page only when the message says CERTIFICATE_VERIFY_FAILED', () => {
    const tls = check('httpx.ConnectError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed certificate in certificate chain (_ssl.c:1010)');
    expect(tls.matches[0]?.id, ranking(tls)).toBe('upstream-tls-certificate-verify-failed');
    expect(tls.verdict).toBe('confident');
    const refused = check('httpx.ConnectError: All connection attempts failed');
    expect(refused.matches[0]?.id, ranking(refused)).toBe('upstream-unreachable-connect-error');
    expect(refused.verdict).toBe('confident');
  });
});
