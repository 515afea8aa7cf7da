import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPages } from '../../src/catalog/read-pages.ts';
import { checkPaste, type CheckResult } from '../../src/engine/index.ts';
import { compileRulesAtBuild } from '../../src/catalog/analyse-pattern.ts';

// A generic client message alone must land on the page that says what else to paste; the same
// message with the gateway's evidence around it must land on the specific cause. Run against the
// real pages, so a rule that drifts either way fails here.
const root = resolve(import.meta.dirname, '../..');
const { pages } = readPages(resolve(root, 'content/errors'), root);
const index = compileRulesAtBuild(pages.map((entry) => entry.page));

function check(paste: string): CheckResult {
  return checkPaste(index, { paste });
}

function ranking(result: CheckResult): string {
  return result.matches.map((m) => `${m.id} ${m.score} ${m.confidence}`).join('; ') || '(no match)';
}

function expectTop(paste: string, page: string): void {
  const result = check(paste);
  expect(result.matches[0]?.id, ranking(result)).toBe(page);
}

describe('generic client messages', () => {
  it('each SDK wording alone goes to its landing page', () => {
    expectTop('McpError: MCP error -32000: Connection closed', 'client-connection-closed-through-gateway');
    expectTop('mcp.shared.exceptions.McpError: Connection closed', 'client-connection-closed-through-gateway');
    expectTop('2026-11-28 10:04:52.310 [error] Server exited before responding to `initialize` request.', 'client-connection-closed-through-gateway');
    expectTop('agents.exceptions.UserError: Server not initialized. Make sure you call `connect()` first.', 'client-connection-closed-through-gateway');
    expectTop('Streamable HTTP error: Unexpected content type: text/html; charset=utf-8', 'client-unexpected-content-type');
    expectTop('mcp.shared.exceptions.McpError: Session terminated', 'client-404-session-terminated-or-not-found');
    expectTop('[20417] Already attempted transport fallback. Giving up.', 'client-404-session-terminated-or-not-found');
    expectTop('Error: Resource server does not implement OAuth 2.0 Protected Resource Metadata.', 'client-oauth-discovery-failed');
    expectTop('Error: Incompatible auth server: does not support dynamic client registration', 'client-oauth-discovery-failed');
    expectTop('SdkHttpError: Server returned 401 after re-authentication', 'client-401-unauthorized-through-gateway');
    expectTop("httpx.HTTPStatusError: Client error '401 Unauthorized' for url 'https://litellm.example.com/mcp/'", 'client-401-unauthorized-through-gateway');
    expectTop('SSE error: Non-200 status code (502)', 'client-5xx-from-gateway');
    expectTop('Error connecting to streamableHttp server, falling back to SSE: fetch failed', 'client-cannot-reach-gateway');
    expectTop('mcp.client.auth.exceptions.OAuthTokenError: Token exchange failed (502): Bad Gateway', 'client-oauth-token-exchange-failed');
    expectTop('Authorization with the MCP server failed. You can check your credentials and permissions. If this persists, share this reference with support: "ofid_7c1e0b93d2a4f816"', 'claude-connector-authorization-failed');
  });

  it('with the gateway evidence around it, the same message goes to the specific cause', () => {
    expectTop(
      '[31337] Connection error: StreamableHTTPError: Streamable HTTP error: Error POSTing to endpoint (HTTP 429): {"error":"Too Many Requests","details":"Too many active MCP sessions for this caller."}\n[31337] Fatal error: McpError: MCP error -32000: Connection closed',
      'too-many-active-mcp-sessions',
    );
    expectTop(
      "mcp.shared.exceptions.McpError: Session terminated\nWARNING:  MCP session ID '7f3c9d2e4b1a' not found in this worker's memory. Stripping stale header to force new session creation.",
      'stale-mcp-session-id-across-workers',
    );
    expectTop(
      'Error: HTTP 404 trying to load well-known OAuth protected resource metadata.\n\nHTTP/1.1 404 Not Found\ncontent-type: application/json\n\n{"detail":"MCP server \'github\' is not an OAuth-protected resource"}',
      'oauth-prm-not-an-oauth-protected-resource',
    );
    expectTop(
      'Error: Protected resource http://0.0.0.0:4000/mcp/github does not match expected https://litellm.example.com/mcp/github (or origin)',
      'well-known-issuer-shows-internal-origin',
    );
    expectTop(
      'mcp.client.auth.exceptions.OAuthTokenError: Token exchange failed (400): {"detail":"Authorization code was issued for a different MCP server"}',
      'oauth-token-request-rejected-by-gateway',
    );
    expectTop(
      "Authorization with the MCP server failed. If this persists, share this reference with support: \"ofid_7c1e0b93d2a4f816\"\n10:02:17 - LiteLLM:WARNING: oauth_utils.py:512 - MCP OAuth: rejecting redirect_uri 'https://claude.ai/api/mcp/auth_callback'. redirect_uri ('https://claude.ai/api/mcp/auth_callback') is not allowed: not same-origin with the proxy origin, not loopback, and not listed in MCP_TRUSTED_REDIRECT_ORIGINS.",
      'oauth-redirect-uri-separate-origin-not-allowed',
    );
    expectTop(
      'McpError: MCP error -32000: Connection closed\nINFO:     10.0.0.4:51234 - "POST /mcp HTTP/1.1" 401 Unauthorized',
      'client-401-unauthorized-through-gateway',
    );
  });

  it('a relative or double-encoded redirect_uri is the malformed-URL page, not the custom-scheme page', () => {
    expectTop(
      '{"detail":{"error":"invalid_request","error_description":"redirect_uri scheme \'\' is not allowed; use http/https or a registered native callback (e.g. cursor://).","hint":"Add the full URI to MCP_TRUSTED_NATIVE_REDIRECT_URIS for custom native clients."}}',
      'oauth-redirect-uri-malformed',
    );
    expectTop(
      '{"detail":{"error":"invalid_request","error_description":"redirect_uri scheme \'acme-desktop\' is not allowed; use http/https or a registered native callback (e.g. cursor://).","hint":"Add the full URI to MCP_TRUSTED_NATIVE_REDIRECT_URIS for custom native clients."}}',
      'oauth-redirect-uri-custom-scheme-not-allowed',
    );
  });
});
