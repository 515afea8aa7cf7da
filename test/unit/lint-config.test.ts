import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkSnippets, yamlSnippetsOf } from '../../src/catalog/check-snippets.ts';
import type { PageFile } from '../../src/catalog/read-pages.ts';
import { checkPaste, compileRules } from '../../src/engine/index.ts';
import { closest, lintConfig, versionScopeOf, type ConfigModel } from '../../src/engine/lint-config.ts';
import { compileConfigModel } from '../../src/schemas/litellm-config.ts';
import { runCli } from '../support/run-cli.ts';

const model = compileConfigModel() as ConfigModel;
const lint = (yaml: string) => lintConfig(parse(yaml), model);

// The shape users paste: a config.yaml excerpt copied from their repo, typos and all.
const GITHUB_TYPO = `mcp_servers:
  github:
    url: https://api.githubcopilot.com/mcp
    transport: http
    auth_type: bearer_token
    authentication_token: os.environ/GITHUB_PAT
    extra_header: ["Authorization"]
`;

describe('the config linter', () => {
  it('names an unknown server key with the key it most likely meant', () => {
    expect(lint(GITHUB_TYPO)).toEqual([
      { path: 'mcp_servers.github.extra_header', message: expect.stringContaining('did you mean `extra_headers`'), suggestion: 'extra_headers' },
    ]);
  });

  it('says when a server key is unknown and nothing is close', () => {
    const [finding] = lint('mcp_servers:\n  wiki:\n    url: http://wiki:8080/mcp\n    retries: 3\n');
    expect(finding?.path).toBe('mcp_servers.wiki.retries');
    expect(finding?.message).toContain('ignored');
    expect(finding?.suggestion).toBeUndefined();
  });

  it('flags extra_headers written as a map of values instead of a list of names', () => {
    const [finding] = lint('mcp_servers:\n  jira:\n    url: https://jira/mcp\n    extra_headers:\n      Authorization: Bearer x\n');
    expect(finding).toMatchObject({ path: 'mcp_servers.jira.extra_headers' });
    expect(finding?.message).toMatch(/should be a list, not a map/);
  });

  it('flags a value outside the allowed ones, with the nearest allowed value', () => {
    const [finding] = lint('mcp_servers:\n  s:\n    url: https://x/mcp\n    auth_type: bearer\n');
    expect(finding).toMatchObject({ path: 'mcp_servers.s.auth_type', suggestion: 'bearer_token' });
  });

  it('checks keys LiteLLM needs together, in a server and in general_settings', () => {
    const findings = lint('general_settings:\n  use_x_forwarded_for: true\nmcp_servers:\n  gmail:\n    url: https://gmail/mcp\n    auth_type: oauth2\n');
    expect(findings.map((f) => f.path)).toEqual(['mcp_servers.gmail.oauth2_flow', 'general_settings.mcp_trusted_proxy_ranges']);
    expect(lint('general_settings:\n  use_x_forwarded_for: true\n  mcp_trusted_proxy_ranges: ["10.0.0.0/8"]\n')).toEqual([]);
  });

  it('leaves the non-MCP keys of general_settings alone but catches a misspelt MCP key there', () => {
    expect(lint('general_settings:\n  master_key: sk-1234\n  database_connection_pool_limit: 10\n')).toEqual([]);
    expect(lint('general_settings:\n  mcp_trusted_proxy_range: ["10.0.0.0/8"]\n')[0]?.suggestion).toBe('mcp_trusted_proxy_ranges');
  });

  it('accepts the quoted booleans pydantic coerces, but not for dcr_bridge, which LiteLLM reads with `is True`', () => {
    expect(lint('mcp_servers:\n  s:\n    url: https://x/mcp\n    allow_all_keys: "true"\n')).toEqual([]);
    expect(lint('mcp_servers:\n  s:\n    url: https://x/mcp\n    auth_type: true_passthrough\n    dcr_bridge: "true"\n')[0]?.path).toBe('mcp_servers.s.dcr_bridge');
  });

  it('suggests the section a misspelt root key meant, and finds nothing in a clean config', () => {
    expect(lint('mcp_server:\n  s:\n    url: https://x/mcp\n')[0]?.suggestion).toBe('mcp_servers');
    expect(lint('model_list: []\nrouter_settings: {}\nmcp_servers:\n  s:\n    url: https://x/mcp\n    transport: http\n')).toEqual([]);
  });

  it('does not suggest a word far from every candidate', () => {
    expect(closest('completely_different', ['extra_headers', 'url'], 2)).toBeUndefined();
    expect(closest('URL', ['url'], 2)).toBe('url');
  });
});

describe('the checker and the CLI carry the lint', () => {
  const index = compileRules([], model);

  it('lints a config in the paste and one given beside it', () => {
    expect(checkPaste(index, { paste: GITHUB_TYPO }).lint[0]?.suggestion).toBe('extra_headers');
    expect(checkPaste(index, { paste: 'Error: Connection closed', config: GITHUB_TYPO }).lint[0]?.path).toBe('mcp_servers.github.extra_header');
    expect(checkPaste(index, { paste: 'Error: Connection closed' }).lint).toEqual([]);
  });

  it('reads yes/no/on/off as booleans, as PyYAML (YAML 1.1) does for LiteLLM', () => {
    const yes = 'mcp_servers:\n  wiki:\n    url: http://wiki:8080/mcp\n    available_on_public_internet: yes\n';
    expect(checkPaste(index, { paste: yes }).lint).toEqual([]);
    // A real string where a boolean belongs is still a finding, so the check above could fail.
    const [finding] = checkPaste(index, { paste: yes.replace('yes', 'sometimes') }).lint;
    expect(finding?.path).toBe('mcp_servers.wiki.available_on_public_internet');
  });

  it('prints "lint" in --json and the findings in text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mcpfix-lint-'));
    const config = join(dir, 'config.yaml');
    writeFileSync(config, GITHUB_TYPO);
    const json = await runCli(['check', '-', '--config', config, '--json'], { stdin: 'HTTP/1.1 401 Unauthorized\n' });
    const parsed = JSON.parse(json.stdout) as { lint: { path: string; message: string; suggestion?: string }[] };
    expect(parsed.lint).toEqual([{ path: 'mcp_servers.github.extra_header', message: expect.stringContaining('extra_headers'), suggestion: 'extra_headers' }]);
    const text = await runCli(['check', config]);
    expect(text.stdout).toContain('In your config:');
    expect(text.stdout).toContain('mcp_servers.github.extra_header');
  }, 60_000);
});

describe('the YAML snippets of page bodies', () => {
  const page = (body: string): PageFile => ({ id: 'p', file: 'content/errors/p.mdx', page: { fixes: [], examples: [] } as unknown as PageFile['page'], body });

  it('finds fences, indented ones in list items too', () => {
    const snippets = yamlSnippetsOf('Text\n\n```yaml\na: 1\n```\n\n1. Step:\n\n   ```yaml invalid\n   b: 2\n   ```\n');
    expect(snippets.map((s) => [s.info, s.text.trim()])).toEqual([
      ['', 'a: 1'],
      ['invalid', 'b: 2'],
    ]);
  });

  it('fails a snippet that teaches a wrong key, naming page, snippet and key; skips one marked invalid', () => {
    const problems = checkSnippets([page('Fix:\n\n```yaml\nmcp_servers:\n  gh:\n    url: https://x/mcp\n    extra_header: [Authorization]\n```\n')], model);
    expect(problems).toEqual([{ file: 'content/errors/p.mdx', field: 'body (yaml snippet 1, body line 3)', reason: expect.stringContaining('mcp_servers.gh.extra_header') }]);
    expect(checkSnippets([page('What you have:\n\n```yaml invalid\nmcp_servers:\n  gh:\n    extra_header: [x]\n```\n')], model)).toEqual([]);
  });
});

describe('keys, values and requirements by LiteLLM version', () => {
  const OAUTH2_WITHOUT_FLOW = 'mcp_servers:\n  gmail:\n    url: https://gmail.example.com/mcp\n    auth_type: oauth2\n';
  const DELEGATE = 'mcp_servers:\n  jira:\n    url: https://jira.example.com/mcp\n    auth_type: oauth_delegate\n    dcr_bridge: true\n';

  it('holds oauth2 without oauth2_flow against current releases and from 1.93.0, not before', () => {
    expect(lint(OAUTH2_WITHOUT_FLOW).map((f) => f.path)).toEqual(['mcp_servers.gmail.oauth2_flow']);
    expect(lintConfig(parse(OAUTH2_WITHOUT_FLOW), model, { scope: versionScopeOf('1.93.0') }).map((f) => f.path)).toEqual(['mcp_servers.gmail.oauth2_flow']);
    expect(lintConfig(parse(OAUTH2_WITHOUT_FLOW), model, { scope: versionScopeOf('1.92.1') })).toEqual([]);
  });

  it('says a key and a value arrived after the version the user runs, and not when unsure', () => {
    const findings = lintConfig(parse(DELEGATE), model, { scope: versionScopeOf('1.89.0') });
    expect(findings).toEqual([
      { path: 'mcp_servers.jira.auth_type', message: '`auth_type: oauth_delegate` arrived in LiteLLM 1.93.0, and you run 1.89.0: no version before it accepts the value.' },
      { path: 'mcp_servers.jira.dcr_bridge', message: '`dcr_bridge` arrived in LiteLLM 1.93.0, and you run 1.89.0: no version before it reads the key.' },
    ]);
    expect(lintConfig(parse(DELEGATE), model, { scope: versionScopeOf('1.93.0') })).toEqual([]);
    expect(lintConfig(parse(DELEGATE), model, { scope: versionScopeOf('1.93') })).toEqual([]);
    expect(lint(DELEGATE)).toEqual([]);
  });

  it('the checker lints a pasted config for the version read from the paste', () => {
    const index = compileRules([], model);
    const paste = 'pip show litellm\nVersion: 1.85.0\n';
    const lintOf = (config: string) => checkPaste(index, { paste, config }).lint.map((f) => f.path);
    expect(lintOf(OAUTH2_WITHOUT_FLOW)).toEqual([]);
    expect(lintOf(DELEGATE)).toEqual(['mcp_servers.jira.auth_type', 'mcp_servers.jira.dcr_bridge']);
  });

  it('every rule that names a page names a real one, and every version in the model is a release number', () => {
    const ids = new Set(readdirSync('content/errors').map((file) => file.replace(/\.mdx$/, '')));
    for (const rule of model.rules) if (rule.page !== undefined) expect(ids.has(rule.page), rule.page).toBe(true);
    const versions = JSON.stringify(model).match(/"(?:since|true_passthrough|oauth_delegate)":"[^"]*"/g) ?? [];
    expect(versions.length).toBeGreaterThan(4);
    for (const found of versions) expect(found).toMatch(/:"\d+\.\d+\.\d+"$/);
  });
});
