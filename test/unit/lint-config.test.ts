import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkSnippets, yamlSnippetsOf } from '../../src/catalog/check-snippets.ts';
import type { PageFile } from '../../src/catalog/read-pages.ts';
import { checkPaste } from '../../src/engine/index.ts';
import { closest, lintConfig, versionScopeOf, type ConfigModel } from '../../src/engine/lint-config.ts';
import { compileConfigModel } from '../../src/schemas/litellm-config.ts';
import { runCli } from '../support/run-cli.ts';
import { compileRulesAtBuild } from '../../src/catalog/analyse-pattern.ts';

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
  const index = compileRulesAtBuild([], model);

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

  it('holds the config to the version given with --litellm-version, in --json and in text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mcpfix-lint-version-'));
    const config = join(dir, 'config.yaml');
    writeFileSync(config, 'general_settings:\n  use_x_forwarded_for: true\n  mcp_trusted_proxy_ranges: ["10.0.0.0/8"]\n  mcp_xff_num_trusted_hops: 2\n');
    const paste = { stdin: 'HTTP/1.1 404 Not Found\n\n{"detail":"MCP server not found"}\n' };
    const older = await runCli(['check', '-', '--config', config, '--litellm-version', '1.90.0', '--json'], paste);
    const parsed = JSON.parse(older.stdout) as { lint: { path: string; message: string }[]; version: { litellm: string; from: string } | null };
    expect(parsed.version?.litellm).toBe('1.90.0');
    expect(parsed.lint).toEqual([{ path: 'general_settings.mcp_xff_num_trusted_hops', message: expect.stringContaining('arrived in LiteLLM 1.91.0, and you run 1.90.0') }]);
    const newer = await runCli(['check', '-', '--config', config, '--litellm-version', '1.91.0', '--json'], paste);
    expect((JSON.parse(newer.stdout) as { lint: unknown[] }).lint).toEqual([]);
    const text = await runCli(['check', '-', '--config', config, '--litellm-version', '1.90.0'], paste);
    expect(text.stdout).toContain('general_settings.mcp_xff_num_trusted_hops');
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
      {
        path: 'mcp_servers.jira.auth_type',
        message: expect.stringMatching(/^`auth_type: oauth_delegate` arrived in LiteLLM 1\.93\.0, and you run 1\.89\.0: no version before it accepts the value\. Source: v1\.93\.0 release notes/),
      },
      {
        path: 'mcp_servers.jira.dcr_bridge',
        message: expect.stringMatching(/^`dcr_bridge` arrived in LiteLLM 1\.93\.0, and you run 1\.89\.0: no version before it reads the key\. Source: v1\.93\.0 release notes/),
      },
    ]);
    expect(lintConfig(parse(DELEGATE), model, { scope: versionScopeOf('1.93.0') })).toEqual([]);
    expect(lintConfig(parse(DELEGATE), model, { scope: versionScopeOf('1.93') })).toEqual([]);
    expect(lint(DELEGATE)).toEqual([]);
  });

  it('the checker lints a pasted config for the version read from the paste', () => {
    const index = compileRulesAtBuild([], model);
    const paste = 'pip show litellm\nVersion: 1.85.0\n';
    const lintOf = (config: string) => checkPaste(index, { paste, config }).lint.map((f) => f.path);
    expect(lintOf(OAUTH2_WITHOUT_FLOW)).toEqual([]);
    expect(lintOf(DELEGATE)).toEqual(['mcp_servers.jira.auth_type', 'mcp_servers.jira.dcr_bridge']);
  });

  it('every rule that names a page names a real one, and every version in the model is a release number', () => {
    const ids = new Set(readdirSync('content/errors').map((file) => file.replace(/\.mdx$/, '')));
    for (const rule of model.rules) if (rule.page !== undefined) expect(ids.has(rule.page), rule.page).toBe(true);
    const dated = datedEntriesOf(model);
    expect(dated.length).toBeGreaterThan(30);
    for (const { at, versions, sources } of dated) {
      for (const version of versions) expect(version, at).toMatch(/^\d+\.\d+\.\d+$/);
      // Every version says where it was read: a release note or a PR.
      expect(sources.length, at).toBe(versions.length);
      for (const source of sources) expect(source, at).toMatch(/release notes|release \(|PR #\d+/);
    }
  });
});

describe('what README says of the dated keys', () => {
  it('counts the keys and environment variables the model dates, and those it only bounds', () => {
    const sections = [model.server, model.generalSettings, model.litellmSettings].map((section) => Object.values(section.properties ?? {}));
    const keys = sections.flat();
    const since = keys.filter((key) => key.since !== undefined).length;
    const bounded = keys.filter((key) => key.since === undefined && key.presentBy !== undefined).length;
    const envVars = model.envVars;
    const datedEnvVars = envVars.filter((name) => model.envVarHistory?.[name]?.since !== undefined || model.envVarHistory?.[name]?.presentBy !== undefined).length;
    const readme = readFileSync('README.md', 'utf8').replace(/\s+/g, ' ');
    // A bound stands only where the arriving release is unknown: a key never carries both.
    const both = [...keys, ...envVars.map((name) => model.envVarHistory?.[name] ?? {})].filter((key) => key.since !== undefined && key.presentBy !== undefined);
    expect(both).toEqual([]);
    const said = /Of the model's (\d+) keys, (\d+) carry the release that brought them and (\d+) only a release known to read them .*?, as do (\d+) of its (\d+) environment variables/.exec(readme);
    expect(said?.slice(1).map(Number)).toEqual([keys.length, since, bounded, datedEnvVars, envVars.length]);
  });
});

// Every place of the compiled model that dates something, with the versions and their sources.
function datedEntriesOf(root: unknown, at = 'model'): { at: string; versions: string[]; sources: string[] }[] {
  if (root === null || typeof root !== 'object') return [];
  const found: { at: string; versions: string[]; sources: string[] }[] = [];
  const entry = root as Record<string, unknown>;
  const versions: string[] = [];
  const sources: string[] = [];
  if (typeof entry['since'] === 'string') {
    versions.push(entry['since']);
    if (typeof entry['source'] === 'string') sources.push(entry['source']);
  }
  const presentBy = entry['presentBy'] as { version?: unknown; source?: unknown } | undefined;
  if (presentBy !== undefined) {
    versions.push(String(presentBy.version));
    if (typeof presentBy.source === 'string') sources.push(presentBy.source);
  }
  const valuesSince = (entry['valuesSince'] ?? {}) as Record<string, string>;
  const valuesSource = (entry['valuesSource'] ?? {}) as Record<string, string>;
  for (const [value, version] of Object.entries(valuesSince)) {
    versions.push(version);
    if (valuesSource[value] !== undefined) sources.push(valuesSource[value]);
  }
  for (const dated of [...((entry['changed'] as { version: string; source: string }[] | undefined) ?? []), entry['deprecation'], entry['removed']]) {
    if (dated === undefined) continue;
    const { version, since, source } = dated as { version?: string; since?: string; source?: string };
    versions.push(version ?? since ?? '');
    if (source !== undefined) sources.push(source);
  }
  if (versions.length > 0) found.push({ at, versions, sources });
  for (const [key, value] of Object.entries(entry)) {
    if (key === 'changed' || key === 'deprecation' || key === 'removed' || key === 'presentBy' || key === 'valuesSince' || key === 'valuesSource') continue;
    found.push(...datedEntriesOf(value, `${at}.${key}`));
  }
  return found;
}

describe('the history of keys: arrivals, changes, deprecation, removal and process-only variables', () => {
  const index = compileRulesAtBuild([], model);
  const lintOf = (paste: string, config?: string) => checkPaste(index, config === undefined ? { paste } : { paste, config }).lint;

  const DELEGATED = `mcp_servers:
  atlassian:
    url: https://mcp.atlassian.com/v1/sse
    transport: sse
    auth_type: oauth2
    oauth2_flow: authorization_code
    delegate_auth_to_upstream: true
`;

  it('names a key newer than the version in `pip show`, with the release note it arrived in', () => {
    const [finding, ...rest] = lintOf('$ pip show litellm\nName: litellm\nVersion: 1.84.0\n', DELEGATED);
    expect(rest).toEqual([]);
    expect(finding).toEqual({
      path: 'mcp_servers.atlassian.delegate_auth_to_upstream',
      message: expect.stringMatching(/^`delegate_auth_to_upstream` arrived in LiteLLM 1\.85\.0, and you run 1\.84\.0: .*Source: v1\.85\.0 release notes .*PR #27834/),
    });
  });

  it('names a general_settings key newer than the image tag the user runs', () => {
    const paste = `docker run -p 4000:4000 -v ./config.yaml:/app/config.yaml ghcr.io/berriai/litellm:main-v1.90.0-stable --config /app/config.yaml
general_settings:
  use_x_forwarded_for: true
  mcp_trusted_proxy_ranges: ["10.0.0.0/8"]
  mcp_xff_num_trusted_hops: 2
`;
    expect(lintOf(paste)).toEqual([{ path: 'general_settings.mcp_xff_num_trusted_hops', message: expect.stringContaining('arrived in LiteLLM 1.91.0, and you run 1.90.0') }]);
    expect(lintOf(paste.replace('1.90.0', '1.91.0'))).toEqual([]);
  });

  it('says what a release changed for a user who runs it, and that the key is deprecated', () => {
    const on = (version: string) => lintOf(`after upgrading to ${version} my MCP client gets 401\n`, DELEGATED).map((finding) => finding.message);
    const [changed, deprecated, ...rest] = on('1.103.0');
    expect(rest).toEqual([]);
    expect(changed).toMatch(/^Since LiteLLM 1\.103\.0, `delegate_auth_to_upstream`: it no longer skips LiteLLM admission.*you run 1\.103\.0\..*PR #40923/);
    expect(deprecated).toMatch(/^`delegate_auth_to_upstream` is deprecated since LiteLLM 1\.93\.0: use `auth_type: oauth_delegate` instead\./);
    expect(lintOf('after upgrading to 1.103.0 it fails\n', DELEGATED).find((finding) => finding.message.includes('deprecated'))?.suggestion).toBe('auth_type: oauth_delegate');
    // Before the deprecation and the change, neither is news.
    expect(on('1.90.0')).toEqual([]);
    // Without a version: current releases deprecate it; a change is how the key works there, not news.
    expect(lintOf('Error: Connection closed\n', DELEGATED).map((finding) => finding.message)).toEqual([expect.stringContaining('is deprecated since LiteLLM 1.93.0')]);
    // The change is about `true` only.
    expect(lintOf('litellm==1.103.0\n', DELEGATED.replace('delegate_auth_to_upstream: true', 'delegate_auth_to_upstream: false')).some((f) => f.message.startsWith('Since'))).toBe(false);
  });

  it('tells a stdio user on 1.83.7 or later that only allow-listed commands start', () => {
    const stdio = (command: string) => `litellm==1.83.7\nmcp_servers:\n  git:\n    transport: stdio\n    command: ${command}\n    args: ["mcp-server-git"]\n`;
    expect(lintOf(stdio('uv'))).toEqual([{ path: 'mcp_servers.git.command', message: expect.stringContaining('only when the basename of `command` is npx, uvx, python, python3, node, docker or deno') }]);
    expect(lintOf(stdio('uvx'))).toEqual([]);
    expect(lintOf(stdio('/usr/local/bin/node'))).toEqual([]);
    expect(lintOf(stdio('uv').replace('1.83.7', '1.83.3'))).toEqual([]);
    // The allowlist shipped first in v1.83.6-nightly.
    expect(lintOf(stdio('uv').replace('1.83.7', '1.83.6'))).toHaveLength(1);
  });

  it('tells a stdio user on 1.104.0 or later that stdio is off until the process environment turns it on', () => {
    const config = 'mcp_servers:\n  git:\n    transport: stdio\n    command: uvx\n    args: ["mcp-server-git"]\n';
    expect(lintOf('ghcr.io/berriai/litellm:main-v1.104.1\n', config)).toEqual([
      { path: 'mcp_servers.git.transport', message: expect.stringMatching(/^Since LiteLLM 1\.104\.0, `transport`: stdio servers are off by default.*LITELLM_ENABLE_MCP_STDIO=true.*PR #44066/) },
    ]);
    expect(lintOf('ghcr.io/berriai/litellm:main-v1.103.0\n', config)).toEqual([]);
    expect(lintOf('ghcr.io/berriai/litellm:main-v1.104.1\n', config.replace('stdio', 'http').replace(/    command.*\n    args.*\n/, '    url: https://git.example.com/mcp\n'))).toEqual([]);
  });

  it('says LITELLM_ENABLE_MCP_STDIO in environment_variables does nothing, and that it is newer than 1.100', () => {
    const config = `environment_variables:
  LITELLM_ENABLE_MCP_STDIO: "true"
mcp_servers:
  fs:
    transport: stdio
    command: npx
    args: ["-y", "@modelcontextprotocol/server-filesystem", "/data"]
`;
    const [current] = lintOf('stdio MCP servers are disabled on this proxy\n', config);
    expect(current).toEqual({ path: 'environment_variables.LITELLM_ENABLE_MCP_STDIO', message: expect.stringMatching(/only from the proxy's own process environment, not from config\.yaml's environment_variables.*PR #44066/) });
    // On 1.104.2 the stdio server also gets the notice that stdio is off by default.
    expect(lintOf('litellm==1.104.2\n', config)).toEqual([expect.objectContaining({ path: 'mcp_servers.fs.transport' }), current]);
    expect(lintOf('litellm==1.100.0\n', config)).toEqual([{ path: 'environment_variables.LITELLM_ENABLE_MCP_STDIO', message: expect.stringContaining('arrived in LiteLLM 1.104.0, and you run 1.100.0') }]);
  });

  it('names a server name or alias LiteLLM refuses from 1.81.12 on, with the separator the config sets', () => {
    const config = 'mcp_servers:\n  github-mcp:\n    url: https://api.githubcopilot.com/mcp\n    transport: http\n';
    expect(lintOf('image: ghcr.io/berriai/litellm:main-v1.81.12-stable\n', config)).toEqual([
      {
        path: 'mcp_servers.github-mcp',
        message: expect.stringMatching(/^the server name `github-mcp` contains `-`, the tool-prefix separator \(MCP_TOOL_PREFIX_SEPARATOR\): from LiteLLM 1\.81\.12 on.*PR #21074/),
        suggestion: 'github_mcp',
      },
    ]);
    expect(lintOf('image: ghcr.io/berriai/litellm:main-v1.81.9-stable\n', config)).toEqual([]);
    // Another separator makes the hyphen harmless and the new separator the problem.
    const withSeparator = (name: string) => `environment_variables:\n  MCP_TOOL_PREFIX_SEPARATOR: "__"\nmcp_servers:\n  ${name}:\n    url: https://x.example.com/mcp\n`;
    expect(lintOf('Error: Connection closed\n', withSeparator('github-mcp'))).toEqual([]);
    expect(lintOf('Error: Connection closed\n', withSeparator('github__mcp'))[0]?.suggestion).toBe('github_mcp');
    const alias = lintOf('Error: Connection closed\n', 'mcp_servers:\n  jira:\n    url: https://jira.example.com/mcp\n    alias: Jira Cloud\n');
    expect(alias).toEqual([{ path: 'mcp_servers.jira.alias', message: expect.stringContaining('contains a space'), suggestion: 'Jira_Cloud' }]);
  });

  it('holds a key known only to be present by a release against no version, older or newer', () => {
    // static_headers is known to be read by 1.79.3; an older release may read it too.
    expect(model.server.properties?.['static_headers']?.presentBy?.version).toBe('1.79.3');
    const config = 'mcp_servers:\n  wiki:\n    url: https://wiki.example.com/mcp\n    static_headers:\n      X-Team: docs\n';
    expect(lintOf('pip show litellm\nVersion: 1.77.0\n', config)).toEqual([]);
    expect(lintOf('litellm==1.79.3\n', config)).toEqual([]);
    // A key that arrived in a known release is still named for the versions before it.
    expect(lintOf('litellm==1.80.11\n', config.replace('static_headers:\n      X-Team: docs', 'allow_all_keys: true'))).toEqual([
      { path: 'mcp_servers.wiki.allow_all_keys', message: expect.stringContaining('arrived in LiteLLM 1.80.15, and you run 1.80.11') },
    ]);
  });

  it('reads a pinned server_id from 1.101.0 on and names it for older versions', () => {
    const config = 'mcp_servers:\n  wiki:\n    url: https://wiki.example.com/mcp\n    server_id: wiki-prod\n';
    expect(lintOf('Error: Connection closed\n', config)).toEqual([]);
    expect(lintOf('litellm==1.101.0\n', config)).toEqual([]);
    expect(lintOf('litellm==1.100.5\n', config)).toEqual([
      { path: 'mcp_servers.wiki.server_id', message: expect.stringMatching(/arrived in LiteLLM 1\.101\.0, and you run 1\.100\.5.*PR #39286/) },
    ]);
  });

  it('names LITELLM_MCP_STDIO_EXTRA_COMMANDS for a version before the allowlist that reads it', () => {
    const config = 'environment_variables:\n  LITELLM_MCP_STDIO_EXTRA_COMMANDS: "uv"\n';
    expect(lintOf('litellm==1.83.3\n', config)).toEqual([
      { path: 'environment_variables.LITELLM_MCP_STDIO_EXTRA_COMMANDS', message: expect.stringContaining('arrived in LiteLLM 1.83.6, and you run 1.83.3') },
    ]);
    expect(lintOf('litellm==1.83.6\n', config)).toEqual([]);
  });

  it('names a removed key for the versions after its removal and current releases, not before', () => {
    // No MCP key has been removed in the releases read so far; the model carries the field for when one is.
    const server = model.server.properties ?? {};
    const withRemoval: ConfigModel = { ...model, server: { ...model.server, properties: { ...server, allow_sampling: { ...server['allow_sampling'], removed: { version: '1.99.0', source: 'a release note' } } } } };
    const config = parse('mcp_servers:\n  s:\n    url: https://x/mcp\n    allow_sampling: true\n');
    expect(lintConfig(config, withRemoval)).toEqual([{ path: 'mcp_servers.s.allow_sampling', message: expect.stringMatching(/^`allow_sampling` was removed in LiteLLM 1\.99\.0, and no LiteLLM version is known, so current releases are assumed: the key is ignored\. Source: a release note\.$/) }]);
    expect(lintConfig(config, withRemoval, { scope: versionScopeOf('1.99.1') })[0]?.message).toContain('you run 1.99.1');
    expect(lintConfig(config, withRemoval, { scope: versionScopeOf('1.98.0') })).toEqual([]);
  });
});

describe('page snippets against the history of keys', () => {
  const page = (body: string, fixedIn?: string): PageFile => ({
    id: 'p',
    file: 'content/errors/p.mdx',
    page: { fixes: [], examples: [], ...(fixedIn ? { fixedIn: { version: fixedIn } } : {}) } as unknown as PageFile['page'],
    body,
  });
  const XFF = 'Fix:\n\n```yaml\ngeneral_settings:\n  use_x_forwarded_for: true\n  mcp_trusted_proxy_ranges: ["10.0.0.0/8"]\n  mcp_xff_num_trusted_hops: 1\n```\n';

  it('fails a snippet that uses a key newer than every version the page targets, unless it says which release', () => {
    expect(checkSnippets([page(XFF, '1.90.0')], model)).toEqual([
      { file: 'content/errors/p.mdx', field: 'body (yaml snippet 1, body line 3)', reason: expect.stringContaining('general_settings.mcp_xff_num_trusted_hops: `mcp_xff_num_trusted_hops` arrived in LiteLLM 1.91.0') },
    ]);
    expect(checkSnippets([page(XFF.replace('```yaml', '```yaml litellm>=1.91.0'), '1.90.0')], model)).toEqual([]);
    expect(checkSnippets([page(XFF)], model)).toEqual([]);
  });

  it('fails a snippet with a hyphenated server name, except on the page that documents the refusal', () => {
    const hyphen = 'Config:\n\n```yaml\nmcp_servers:\n  github-mcp:\n    url: https://api.githubcopilot.com/mcp\n```\n';
    expect(checkSnippets([page(hyphen)], model)).toEqual([{ file: 'content/errors/p.mdx', field: 'body (yaml snippet 1, body line 3)', reason: expect.stringContaining('mcp_servers.github-mcp: the server name') }]);
    expect(checkSnippets([{ ...page(hyphen), id: 'server-name-contains-tool-prefix-separator' }], model)).toEqual([]);
    expect(checkSnippets([page(hyphen, '1.81.12')], model)).toEqual([]);
  });

  it('never fails a page for showing a deprecated key or one whose meaning changed: that is advice for the checker', () => {
    const legacy = 'Config:\n\n```yaml\nmcp_servers:\n  a:\n    url: https://a/mcp\n    auth_type: oauth2\n    oauth2_flow: authorization_code\n    delegate_auth_to_upstream: true\n```\n';
    expect(checkSnippets([page(legacy)], model)).toEqual([]);
  });
});
