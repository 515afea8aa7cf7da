import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPages } from '../../src/catalog/read-pages.ts';
import { checkPaste, type CheckResult } from '../../src/engine/index.ts';
import { compileRulesAtBuild } from '../../src/catalog/analyse-pattern.ts';

// Pairs of pastes that differ only in the evidence that decides between look-alike pages, run
// against the real pages: the deciding evidence must change the answer.
const root = resolve(import.meta.dirname, '../..');
const { pages } = readPages(resolve(root, 'content/errors'), root);
const index = compileRulesAtBuild(pages.map((entry) => entry.page));
const ids = new Set(pages.map((p) => p.id));

function check(paste: string, config?: string): CheckResult {
  return checkPaste(index, config === undefined ? { paste } : { paste, config });
}

function ranking(result: CheckResult): string {
  return result.matches.map((m) => `${m.id} ${m.score} ${m.confidence}`).join('; ') || '(no match)';
}

/** The page ranked first is `page`, and the checker is confident of it. */
function expectConfidentTop(result: CheckResult, page: string): void {
  expect(result.matches[0]?.id, ranking(result)).toBe(page);
  expect(result.verdict, ranking(result)).toBe('confident');
}

/**
 * The page ranked first is `page`, but only a client's words matched: any MCP server's failure
 * reads the same, so the checker says "likely", notes why and asks for more (issue 11 item 6).
 */
function expectClientOnlyTop(result: CheckResult, page: string, whose: 'client' | 'sdk' = 'client'): void {
  expect(result.matches[0]?.id, ranking(result)).toBe(page);
  expect(result.matches[0]?.confidence, ranking(result)).toBe('medium');
  expect(result.verdict).toBe('unsure');
  expect(result.notes.join('\n')).toContain(whose === 'client' ? 'Only what the client printed matched' : "Only an answer of the MCP SDK's own server transport matched");
  expect(result.nextSteps.length).toBeGreaterThan(0);
}

const FAILED_500 = 'HTTP/1.1 500 Internal Server Error\ncontent-type: application/json\n\n{"error":"MCP request failed","details":""}';
const EMPTY_TOOLS = 'HTTP/1.1 200 OK\ncontent-type: application/json\n\n{"jsonrpc":"2.0","id":1,"result":{"tools":[]}}';
const INSPECTOR_ERROR = 'Connection Error - Check if your MCP server is running and proxy token is correct';

function emptyToolsWithOutcome(outcome: string): string {
  return `HTTP/1.1 200 OK\ncontent-type: application/json\n\n{"jsonrpc":"2.0","id":1,"result":{"_meta":{"litellm.ai/server_outcomes":{"jira":${outcome}}},"tools":[]}}`;
}

function curl401(wwwAuthenticate: string | null, body: string): string {
  const challenge = wwwAuthenticate === null ? '' : `www-authenticate: ${wwwAuthenticate}\n`;
  return `$ curl -si -X POST https://litellm.internal.example.com/mcp/linear -H 'x-litellm-api-key: Bearer sk-team-5521'\nHTTP/1.1 401 Unauthorized\n${challenge}content-type: application/json\n\n${body}`;
}

describe('look-alike pastes', () => {
  it('"MCP request failed" with empty details goes to the interactive-OAuth page only with an oauth2 server config, else to the flattened key-check page', () => {
    expect(ids.has('oauth2-interactive-500-instead-of-401')).toBe(true);
    const oauth = check(FAILED_500, 'mcp_servers:\n  gmail:\n    url: https://gmail.example.com/mcp\n    auth_type: oauth2\n    authorization_url: https://accounts.google.com/o/oauth2/auth\n    token_url: https://oauth2.googleapis.com/token\n');
    expectConfidentTop(oauth, 'oauth2-interactive-500-instead-of-401');
    // The empty-details 500 is LiteLLM's key check flattened (PR #31011), whatever the server forwards.
    const forwarding = check(FAILED_500, 'mcp_servers:\n  github:\n    url: https://api.githubcopilot.com/mcp\n    extra_headers: [Authorization]\n');
    expect(forwarding.matches[0]?.id, ranking(forwarding)).toBe('mcp-request-failed-empty-details-500');
    const bare = check('Error POSTing to endpoint (HTTP 500): {"error":"MCP request failed","details":""}');
    expect(bare.matches[0]?.id, ranking(bare)).toBe('mcp-request-failed-empty-details-500');
    expect(bare.matches.map((m) => m.id)).not.toContain('upstream-401-returned-as-empty-tools');
  });

  it('the same empty-details 500 goes to the Bearer-prefix page when the key was sent as a bare sk-…', () => {
    const rawKey = check(`$ curl -si http://localhost:4000/github/mcp -H 'x-litellm-api-key: sk-4f9a8b7c6d5e' -d '{}'\n${FAILED_500}`);
    expectConfidentTop(rawKey, 'litellm-key-missing-bearer-prefix');
    const withBearer = check(`$ curl -si http://localhost:4000/github/mcp -H 'x-litellm-api-key: Bearer sk-4f9a8b7c6d5e' -d '{}'\n${FAILED_500}`);
    expect(withBearer.matches[0]?.id, ranking(withBearer)).toBe('mcp-request-failed-empty-details-500');
  });

  it('a 200 with no tools goes to the swallowed-401 page with a forwarded Authorization, to the IP-restriction page with an internal-only server', () => {
    const forwarding = check(EMPTY_TOOLS, 'mcp_servers:\n  github:\n    url: https://api.githubcopilot.com/mcp\n    extra_headers: [Authorization]\n');
    expectConfidentTop(forwarding, 'upstream-401-returned-as-empty-tools');
    const internal = check(EMPTY_TOOLS, 'mcp_servers:\n  github:\n    url: https://api.githubcopilot.com/mcp\n    available_on_public_internet: false\n');
    expectConfidentTop(internal, 'server-restricted-to-internal-networks');
  });

  it('a 200 with no tools goes to the scoped-request page when the request scopes with x-mcp-servers', () => {
    const scoped = check(`$ curl -si http://localhost:4000/mcp/ -H 'x-litellm-api-key: sk-1234' -H 'x-mcp-servers: githbu'\n${EMPTY_TOOLS}`);
    expectConfidentTop(scoped, 'scoped-mcp-request-resolves-to-no-servers');
    // With nothing but the empty list, the landing page that lays out the causes is the answer.
    const bare = check(EMPTY_TOOLS);
    expect(bare.matches[0]?.id, ranking(bare)).toBe('empty-tool-list-through-gateway');
  });

  it('a ConnectError goes to the TLS page only when the message says CERTIFICATE_VERIFY_FAILED', () => {
    const tls = check('httpx.ConnectError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed certificate in certificate chain (_ssl.c:1010)');
    expectConfidentTop(tls, 'upstream-tls-certificate-verify-failed');
    // httpx raises the same in any Python process: alone it is likely, with LiteLLM's log line certain.
    expectClientOnlyTop(check('httpx.ConnectError: All connection attempts failed'), 'upstream-unreachable-connect-error');
    const refused = check('15:02:11 - LiteLLM:ERROR: client.py:212 - MCP client list_tools failed\nhttpx.ConnectError: All connection attempts failed');
    expectConfidentTop(refused, 'upstream-unreachable-connect-error');
  });
  it('a client 401 with nothing else goes to the 401 landing page; the body or the challenge sends it to the specific page', () => {
    for (const bare of ['Error POSTing to endpoint (HTTP 401): {"detail":"Unauthorized"}', 'SSE error: Non-200 status code (401)']) {
      expectClientOnlyTop(check(bare), 'client-401-unauthorized-through-gateway');
    }
    // The same 401 from a curl that shows the gateway (its x-litellm-api-key header) is certain.
    expectConfidentTop(check(curl401(null, '{"detail":"Unauthorized"}')), 'client-401-unauthorized-through-gateway');
    const decided: [string, string][] = [
      ['Error POSTing to endpoint (HTTP 401): {"detail":{"error":"authentication_required","message":"Authenticate with the gateway to use the MCP endpoint."}}', 'gateway-401-authentication-required'],
      ['Error POSTing to endpoint (HTTP 401): {"detail":"Invalid or expired credential"}', 'gateway-session-credential-invalid-or-expired'],
      ['Error POSTing to endpoint (HTTP 401): {"detail":{"error":"byok_auth_required","message":"No stored credential found for this BYOK server. Complete the OAuth authorization flow to provide your API key."}}', 'byok-credential-required'],
      [curl401('Bearer authorization_uri="https://litellm.internal.example.com/.well-known/oauth-authorization-server/mcp/linear"', '{"detail":"Unauthorized"}'), 'server-needs-user-token-401-challenge'],
      [curl401('Bearer resource_metadata="https://litellm.internal.example.com/.well-known/oauth-protected-resource/mcp/linear", error="invalid_token", error_description="Missing or invalid subject token; authenticate with the IdP and retry"', '{"detail":"Unauthorized"}'), 'token-exchange-subject-token-missing-or-rejected'],
    ];
    for (const [paste, page] of decided) {
      const result = check(paste);
      expectConfidentTop(result, page);
    }
    const rawKey = check("$ curl -si -X POST http://localhost:4000/github/mcp -H 'x-litellm-api-key: sk-4f9a8b7c6d5e'\nHTTP/1.1 401 Unauthorized\ncontent-type: application/json\n\n{\"error\":{\"message\":\"Authentication Error, Malformed API Key passed in. Ensure Key has `Bearer ` prefix. Passed in: sk-4f9a8b7c6d5e\",\"code\":\"401\"}}");
    expect(rawKey.matches[0]?.id, ranking(rawKey)).toBe('litellm-key-missing-bearer-prefix');
    const passthrough = check('Error POSTing to endpoint (HTTP 401): {"detail":"Unauthorized"}', 'mcp_servers:\n  github:\n    url: https://api.githubcopilot.com/mcp\n    auth_type: true_passthrough\n');
    expectConfidentTop(passthrough, 'upstream-rejected-forwarded-credential');
  });

  it("the Inspector's generic Connection Error goes to its landing page alone, and to the gateway's own page when the console shows the gateway's answer", () => {
    const bare = check(INSPECTOR_ERROR);
    expectClientOnlyTop(bare, 'mcp-inspector-connection-error-through-gateway');
    // A client's line still reads the same whoever answered, and so does an answer of the MCP
    // Python SDK's own transport (the 403 of its Origin check, its 406), which every server built
    // on it sends: the right page first, likely but not certain until LiteLLM shows.
    const decided: [string, string, 'confident' | 'client-only' | 'sdk-only'][] = [
      ['Error from MCP server: Error: Error POSTing to endpoint (HTTP 401): {"detail":"Unauthorized"}', 'client-401-unauthorized-through-gateway', 'client-only'],
      ['Error: Error POSTing to endpoint (HTTP 403): {"detail":"Invalid Origin header"}', 'mcp-origin-header-not-allowed', 'sdk-only'],
      ['Error POSTing to endpoint (HTTP 406): {"jsonrpc":"2.0","id":"server-error","error":{"code":-32600,"message":"Not Acceptable: Client must accept both application/json and text/event-stream"}}', 'streamable-http-missing-accept-header', 'sdk-only'],
      ['INFO:     172.18.0.1:50344 - "POST /mcp HTTP/1.1" 307 Temporary Redirect', 'mcp-path-without-trailing-slash-redirected', 'client-only'],
    ];
    for (const [line, page, sureness] of decided) {
      const result = check(`${INSPECTOR_ERROR}\n${line}`);
      if (sureness === 'confident') expectConfidentTop(result, page);
      else expectClientOnlyTop(result, page, sureness === 'sdk-only' ? 'sdk' : 'client');
    }
    // With the gateway's own log line beside it, the same 403 is LiteLLM's, and certain.
    expectConfidentTop(check(`${INSPECTOR_ERROR}\n14:02:11 - LiteLLM Proxy:WARNING: MCP request refused\nError: Error POSTing to endpoint (HTTP 403): {"detail":"Invalid Origin header"}`), 'mcp-origin-header-not-allowed');
  });

  it('an empty tool list whose _meta names a server outcome goes to that outcome\'s page, not to the empty-list landing page', () => {
    const decided: [string, string][] = [
      ['{"status":"timeout"}', 'tool-listing-timeout-server-dropped'],
      ['{"status":"unreachable"}', 'upstream-unreachable-connect-error'],
      ['{"status":"upstream_error","http_status":502}', 'upstream-5xx-during-tool-listing'],
    ];
    for (const [outcome, page] of decided) {
      const result = check(emptyToolsWithOutcome(outcome));
      expectConfidentTop(result, page);
    }
    const authRequired = check(emptyToolsWithOutcome('{"status":"auth_required","http_status":401}'));
    expect(authRequired.matches[0]?.id, ranking(authRequired)).toBe('empty-tool-list-through-gateway');
    const omitted = check(`${EMPTY_TOOLS}\n10:05:12 - LiteLLM:INFO: server.py:1187 - MCP list_tools: omitting linear; it needs upstream auth`);
    expectConfidentTop(omitted, 'server-needs-user-token-401-challenge');
  });
  it('an OpenAPI tool missing from the local registry goes to the server-registration page, a bare unknown tool name to the tool-name page', () => {
    const registry = check('Tool call petstore-getPetById failed:\nOpenAPI tool getPetById not found in registry');
    expect(registry.matches[0]?.id, ranking(registry)).toBe('openapi-tool-server-not-registered');
    const bare = check('ValueError: Tool github-create_issue not found');
    expect(bare.matches[0]?.id, ranking(bare)).toBe('tool-name-not-found-on-call');
  });

  it('a single-server REST listing fault goes to the page of its tag: timeout, unreachable or upstream_error', () => {
    const body = (tag: string) => `{"detail":{"error":"${tag}","message":"Failed to list tools from server jira_onprem"}}`;
    expect(check(body('timeout')).matches[0]?.id, ranking(check(body('timeout')))).toBe('tool-listing-timeout-server-dropped');
    expect(check(body('unreachable')).matches[0]?.id, ranking(check(body('unreachable')))).toBe('upstream-unreachable-connect-error');
    expect(check(body('upstream_error')).matches[0]?.id, ranking(check(body('upstream_error')))).toBe('upstream-5xx-during-tool-listing');
    const log = check('INFO: rest_endpoints.py:640 - Listing tools from jira_onprem failed with a timeout fault');
    expect(log.matches[0]?.id, ranking(log)).toBe('tool-listing-timeout-server-dropped');
  });

  it('the UI connection test says "timed out" for a read timeout and "unreachable" for a refused host, and each has its page', () => {
    const timedOut = check('{"status":"error","error":true,"message":"Failed to connect to MCP server: the connection timed out."}');
    expect(timedOut.matches[0]?.id, ranking(timedOut)).toBe('ui-test-connection-timed-out');
    const unreachable = check('{"status":"error","error":true,"message":"Failed to connect to MCP server: the server is unreachable. Check the URL and that the server is running."}');
    expect(unreachable.matches[0]?.id, ranking(unreachable)).not.toBe('ui-test-connection-timed-out');
  });

  it('per-user env vars without a database go to the database page, a user without stored values to the 412 page', () => {
    const noDb = check('RuntimeError: MCP per-user env vars require a database connection, but none is configured. Connect a database to your proxy to use per-user MCP env vars.');
    expect(noDb.matches[0]?.id, ranking(noDb)).toBe('per-user-env-vars-need-database');
    const missing = check('HTTP/1.1 412 Precondition Failed\ncontent-type: application/json\n\n{"detail":{"error":"missing_user_env_vars","server_id":"jira","missing":["JIRA_API_TOKEN"]}}');
    expect(missing.matches[0]?.id, ranking(missing)).toBe('rest-missing-user-env-vars-412');
  });
});
