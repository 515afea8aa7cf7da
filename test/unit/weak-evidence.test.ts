import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPages } from '../../src/catalog/read-pages.ts';
import { checkPaste } from '../../src/engine/index.ts';
import { detectProduct, findLitellmEvidence, isClientMessage } from '../../src/engine/detect-product.ts';
import type { RuleSignature } from '../../src/engine/rule-index.ts';
import { parseInput } from '../../src/engine/parse-input.ts';
import { rankLexical } from '../../src/engine/rank-lexical.ts';
import { storeLines } from '../../src/engine/line-store.ts';
import type { ConfigModel } from '../../src/engine/lint-config.ts';
import { compileConfigModel } from '../../src/schemas/litellm-config.ts';
import { compileRulesAtBuild } from '../../src/catalog/analyse-pattern.ts';

const root = resolve(import.meta.dirname, '../..');
const { pages } = readPages(resolve(root, 'content/errors'), root);
const index = compileRulesAtBuild(pages.map((entry) => entry.page), compileConfigModel() as ConfigModel);

describe('weak evidence: pages that share distinctive words', () => {
  it('offers the os.environ page for a prose report with no signature, as possible only', () => {
    const result = checkPaste(index, { paste: 'my static_headers use os.environ/GITHUB_TOKEN but the upstream gets the literal string, not the token' });
    expect(result.verdict).toBe('unsure');
    const [top] = result.matches;
    expect(top?.id).toBe('registry-os-environ-reference-sent-literally');
    expect(top?.confidence).toBe('low');
    expect(top?.possible?.words).toEqual(expect.arrayContaining(['environ', 'static_headers']));
    expect(top?.evidence[0]?.says).toContain('environ');
    expect(result.nextSteps.length).toBeGreaterThan(0);
    expect(result.suggestions).toEqual([]);
  });

  it('ranks the OpenAPI forwarding page among at most three by words for spec_path with extra_headers', () => {
    const text = 'I set spec_path to my openapi.json and extra_headers: [X-Api-Key] but the API never sees it';
    const found = rankLexical(index, storeLines([{ input: 'paste', line: 1, text, place: 'any' }]));
    expect(found.length).toBeLessThanOrEqual(3);
    expect(found.map((f) => f.page.id)).toContain('openapi-extra-headers-not-forwarded');
    for (const f of found) expect(f.words).toContain('spec_path');
  });

  it('scores a possible page below any signature match', () => {
    const result = checkPaste(index, { paste: 'static_headers with os.environ/GITHUB_TOKEN sent literally' });
    for (const match of result.matches) expect(match.score).toBeLessThanOrEqual(10);
  });

  it.each([
    'hello world, my cat is cute',
    'The tools do not show up, any idea? It worked yesterday.',
    'openai.RateLimitError: Error code: 429 - model gpt-4o rate limit reached for requests, please retry',
    'Back-off restarting failed container litellm-proxy in pod default/litellm-7d9c',
  ])('offers nothing for a paste sharing no distinctive word: %s', (paste) => {
    expect(checkPaste(index, { paste }).matches.filter((m) => m.possible)).toEqual([]);
  });

  it('never offers possible pages when a signature matched', () => {
    const example = pages[0]?.page.examples[0];
    if (!example) throw new Error('no example');
    const result = checkPaste(index, example.config === undefined ? { paste: example.paste } : { paste: example.paste, config: example.config });
    expect(result.matches.every((m) => m.possible === undefined)).toBe(true);
  });
});

describe('a config alone', () => {
  it('leads a pasted config with use_x_forwarded_for but no trusted ranges to its page, with the clues as evidence', () => {
    const paste = 'general_settings:\n  master_key: os.environ/LITELLM_MASTER_KEY\n  use_x_forwarded_for: true\n';
    const result = checkPaste(index, { paste });
    const [top] = result.matches;
    expect(top?.id).toBe('mcp-client-ip-fails-closed-behind-proxy');
    expect(top?.confidence).toBe('low');
    expect(top?.fromConfig).toBe(true);
    expect(top?.evidence.map((e) => e.line)).toEqual(expect.arrayContaining([3]));
    expect(result.lint.map((f) => f.path)).toContain('general_settings.mcp_trusted_proxy_ranges');
  });

  it('does the same for a config given with --config beside an unhelpful paste', () => {
    const config = 'general_settings:\n  master_key: os.environ/LITELLM_MASTER_KEY\n  use_x_forwarded_for: true\n';
    const result = checkPaste(index, { paste: 'it does not work', config });
    expect(result.matches[0]?.id).toBe('mcp-client-ip-fails-closed-behind-proxy');
  });

  it('names a shape several pages share in the keys of the config, never quoting a value the pages do not name', () => {
    const paste = [
      'mcp_servers:',
      '  google_drive:',
      '    url: https://drive-mcp.corp-7f3a.example.com/mcp',
      '    transport: http',
      '    auth_type: oauth2',
      '    oauth2_flow: authorization_code',
      '    client_id: drive-gateway-client-9d2e',
      '',
    ].join('\n');
    const result = checkPaste(index, { paste });
    const shape = result.configShape;
    expect(shape?.shape).toContain('`auth_type: oauth2`');
    expect(shape?.shape).toContain('`oauth2_flow: authorization_code`');
    // A URL or a client id is the user's own: the shape says the key is set, never its value.
    expect(shape?.shape).not.toContain('drive-gateway-client-9d2e');
    expect(shape?.shape).not.toContain('corp-7f3a');
    expect(shape?.size).toBeGreaterThanOrEqual(shape?.pages.length ?? Infinity);
    expect(result.matches.map((m) => m.id)).toEqual(expect.arrayContaining(shape?.pages ?? ['none']));
    expect(result.matches.every((m) => m.confidence === 'low')).toBe(true);
    expect(result.nextSteps[0]).toContain(`${shape?.size} pages share its shape`);
  });

  it('names no shape when one page stands out: a rare combination leads alone', () => {
    const paste = 'general_settings:\n  use_x_forwarded_for: true\nmcp_servers:\n  wiki:\n    url: https://wiki.internal.example.com/mcp\n    available_on_public_internet: false\n';
    const standsOut = checkPaste(index, { paste: 'mcp_servers:\n  billing:\n    spec_path: /app/specs/billing.yaml\n    url: https://billing.internal.example.com\n' });
    expect(standsOut.matches[0]?.id).toBe('openapi-spec-path-cannot-be-loaded');
    expect(standsOut.configShape).toBeNull();
    // Two pages that both describe the same config are a shape, however few.
    expect(checkPaste(index, { paste }).configShape?.pages.length).toBeGreaterThanOrEqual(2);
  });

  it("offers nothing for a config that shows no page's combination", () => {
    const result = checkPaste(index, { paste: 'mcp_servers:\n  wiki:\n    url: https://wiki.example.com/mcp\n    transport: http\n' });
    expect(result.matches.filter((m) => m.fromConfig)).toEqual([]);
  });
});

describe('whose failure it is', () => {
  const productOf = (paste: string) => detectProduct(parseInput({ paste }));

  it('sees LiteLLM in its log prefix, headers and routes', () => {
    expect(productOf('LiteLLM:ERROR: MCP request failed').product).toBe('litellm');
    expect(productOf('x-litellm-call-id: 1f2e').product).toBe('litellm');
    expect(productOf('POST http://localhost:4000/github/mcp').product).toBe('litellm');
  });

  it('names another product answering', () => {
    expect(productOf("[12/01/26 21:14:03] INFO Starting MCP server 'weather' with transport 'streamable-http' on http://127.0.0.1:8000/mcp")).toMatchObject({ product: 'other', name: 'a FastMCP server' });
    expect(productOf('time=2026-12-01T21:20:11Z level=WARN msg="rejecting request" component=mcp-gateway').product).toBe('other');
    expect(productOf('HTTP/1.1 401 Unauthorized').product).toBe('unknown');
  });

  it("answers FastMCP's own 307 with a note and no confident LiteLLM page", () => {
    const paste = [
      'HTTP/1.1 307 Temporary Redirect',
      'server: uvicorn',
      'location: http://127.0.0.1:8000/mcp/',
      '',
      'INFO:     127.0.0.1:53312 - "POST /mcp HTTP/1.1" 307 Temporary Redirect',
      "[12/01/26 21:14:03] INFO     Starting MCP server 'weather' with transport 'streamable-http' on http://127.0.0.1:8000/mcp",
    ].join('\n');
    const result = checkPaste(index, { paste });
    expect(result.verdict).not.toBe('confident');
    expect(result.matches.some((m) => m.confidence === 'high')).toBe(false);
    expect(result.notes.join('\n')).toContain('FastMCP server answering');
    expect(result.nextSteps.length).toBeGreaterThan(0);
    // Said so instead of a borrowed page: no match, and the nearest page is named in the note.
    expect(result.matches).toEqual([]);
    expect(result.notes.join('\n')).toContain('/errors/mcp-path-without-trailing-slash-redirected/');
  });

  it("names an Express server from its 404 page, and never lists a LiteLLM page for it", () => {
    const paste = 'Error POSTing to endpoint (HTTP 404): <!DOCTYPE html>\n<html lang="en">\n<body>\n<pre>Cannot POST /mcp</pre>\n</body>\n</html>';
    expect(productOf(paste)).toMatchObject({ product: 'other', name: 'an Express (Node.js) server' });
    expect(checkPaste(index, { paste }).matches).toEqual([]);
  });

  const clientLine: RuleSignature = { id: 'x', text: 'SSE error: Non-200 status code (401)', where: 'client', client: 'MCP TypeScript SDK', facts: [], weight: 1 };
  const litellmLine: RuleSignature = { id: 'y', text: 'MCP server not found', where: 'body', facts: [], weight: 1 };
  const evidenceFor = (paste: string, signature: RuleSignature) => {
    const evidence = parseInput({ paste });
    return findLitellmEvidence(evidence, detectProduct(evidence), signature);
  };

  it("tells a client's message from LiteLLM's own", () => {
    expect(isClientMessage(clientLine)).toBe(true);
    expect(isClientMessage({ ...clientLine, where: 'traceback' })).toBe(true);
    expect(isClientMessage(litellmLine)).toBe(false);
  });

  it('finds LiteLLM behind a client message in its markers, its config or its error JSON, and nowhere else', () => {
    expect(evidenceFor('SSE error: Non-200 status code (401)', clientLine)).toBeNull();
    expect(evidenceFor('SSE error: Non-200 status code (401)', litellmLine)).toContain("LiteLLM's own message");
    expect(evidenceFor('SSE error: Non-200 status code (401)\nx-litellm-call-id: 1f2e', clientLine)).toContain('in the paste');
    expect(evidenceFor('SSE error: Non-200 status code (401)\n\nmcp_servers:\n  wiki:\n    url: https://wiki.example.com/mcp\n', clientLine)).toContain('mcp_servers');
    expect(evidenceFor('HTTP/1.1 401 Unauthorized\n\n{"error":{"message":"Authentication Error","type":"auth_error","param":"None","code":"401"}}', clientLine)).toBe("LiteLLM's error JSON");
    // OpenAI's own error body has a word for a code: it is no sign of LiteLLM.
    expect(evidenceFor('HTTP/2 429\n\n{"error":{"message":"Rate limit reached","type":"requests","param":null,"code":"rate_limit_exceeded"}}', clientLine)).toBeNull();
  });

  it("answers a client's message alone as likely, says why and asks for more", () => {
    const result = checkPaste(index, { paste: 'SSE error: Non-200 status code (401)' });
    expect(result.matches[0]?.id).toBe('client-401-unauthorized-through-gateway');
    expect(result.matches[0]?.confidence).toBe('medium');
    expect(result.notes.join('\n')).toContain('Only what the client printed matched');
    expect(result.nextSteps.length).toBeGreaterThan(0);
    const withGateway = checkPaste(index, { paste: '$ curl -si https://litellm.example.com/mcp/linear\nHTTP/1.1 401 Unauthorized\n\nSSE error: Non-200 status code (401)' });
    expect(withGateway.matches[0]?.confidence).toBe('high');
  });

  // The MCP Python SDK's streamable HTTP transport and its DNS-rebinding protection answer these
  // for every server built on the SDK (src/mcp/server/streamable_http.py, transport_security.py).
  it("counts the Python SDK's own transport answers as no evidence of LiteLLM", () => {
    const sdkLine = (text: string): RuleSignature => ({ id: 'z', text, where: 'body', facts: [], weight: 1 });
    expect(isClientMessage(sdkLine('Not Acceptable: Client must accept both application/json and text/event-stream'))).toBe(true);
    expect(isClientMessage(sdkLine('{"detail":"Invalid Origin header"}'))).toBe(true);
    expect(isClientMessage(sdkLine('{"jsonrpc":"2.0","id":"server-error","error":{"code":-32600,"message":"Bad Request: Missing session ID"}}'))).toBe(true);
    // The TypeScript SDK's transport (an Express MCP server) answers its own 400s the same way.
    expect(isClientMessage(sdkLine('{"jsonrpc":"2.0","error":{"code":-32000,"message":"Bad Request: Mcp-Session-Id header is required"},"id":null}'))).toBe(true);
    // LiteLLM's own words around it, or a LiteLLM message that merely looks alike, stay LiteLLM's.
    expect(isClientMessage(sdkLine('LiteLLM: Invalid Origin header'))).toBe(false);
    expect(isClientMessage(sdkLine('Invalid origin for MCP OAuth redirect'))).toBe(false);
  });

  it("answers a paste with only the SDK's 406 or 403 as likely, not certain, and says whose words they are", () => {
    for (const paste of [
      'HTTP/1.1 406 Not Acceptable\ncontent-type: application/json\n\n{"jsonrpc":"2.0","id":"server-error","error":{"code":-32600,"message":"Not Acceptable: Client must accept both application/json and text/event-stream"}}',
      'Error: Error POSTing to endpoint (HTTP 403): {"detail":"Invalid Origin header"}',
    ]) {
      const result = checkPaste(index, { paste });
      expect(result.matches[0]?.confidence, paste).not.toBe('high');
      expect(result.verdict, paste).toBe('unsure');
      expect(result.notes.join('\n'), paste).toContain("Only an answer of the MCP SDK's own server transport matched");
      expect(result.nextSteps.length, paste).toBeGreaterThan(0);
    }
    // The same 406 with LiteLLM's access log around it is LiteLLM's.
    const fromLitellm = checkPaste(index, {
      paste:
        'INFO:     10.0.0.7:51812 - "POST /github/mcp HTTP/1.1" 406 Not Acceptable\n14:02:11 - LiteLLM Proxy:DEBUG: server.py:1843 - MCP request\nNot Acceptable: Client must accept both application/json and text/event-stream',
    });
    expect(fromLitellm.matches[0]).toMatchObject({ id: 'streamable-http-missing-accept-header', confidence: 'high' });
  });
});
