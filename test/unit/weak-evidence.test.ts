import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPages } from '../../src/catalog/read-pages.ts';
import { checkPaste } from '../../src/engine/index.ts';
import { detectProduct } from '../../src/engine/detect-product.ts';
import { parseInput } from '../../src/engine/parse-input.ts';
import { rankLexical } from '../../src/engine/rank-lexical.ts';
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
    const found = rankLexical(index, [{ input: 'paste', line: 1, text }]);
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
  });
});
