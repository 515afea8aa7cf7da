import { applyPatch } from 'diff';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Evidence } from '../../src/engine/evidence.ts';
import { emptyLineStore } from '../../src/engine/line-store.ts';
import type { RulePage } from '../../src/engine/rule-index.ts';
import { patchConfig, resolveServer, snippetOf, suggestFixes } from '../../src/engine/suggest-fix.ts';

const CONFIG = `# gateway config
model_list: []

mcp_servers:
  # GitHub's hosted MCP server
  github:
    url: https://api.githubcopilot.com/mcp   # upstream
    transport: "http"
    auth_type: oauth2
  jira:
    url: https://jira.example.com/mcp
    extra_headers: [X-Trace]

general_settings:
  master_key: os.environ/LITELLM_MASTER_KEY
`;

function evidenceWith(parts: Partial<Evidence>): Evidence {
  return { lines: emptyLineStore(), responses: [], requests: [], statuses: [], json: [], exceptions: [], configs: [], notes: [], ...parts };
}

function configEvidence(source: string, names: string[]): Evidence['configs'] {
  return [{ input: 'config', line: 1, source, value: parse(source), servers: names.map((name, i) => ({ input: 'config', line: i + 2, name, fields: {} })) }];
}

describe('patching a config', () => {
  it('keeps comments, blank lines, quoting and key order', () => {
    const patched = patchConfig(CONFIG, [{ op: 'add', path: 'mcp_servers.github.extra_headers', value: 'Authorization' }], 'github');
    expect(patched).not.toBeNull();
    const before = CONFIG.split('\n');
    const after = (patched ?? '').split('\n');
    expect(after.filter((line) => !before.includes(line))).toEqual(['    extra_headers:', '      - Authorization']);
    expect(before.filter((line) => !after.includes(line))).toEqual([]);
    expect(patched).toContain('url: https://api.githubcopilot.com/mcp   # upstream');
    expect(patched).toContain('transport: "http"');
    expect(Object.keys(parse(patched ?? '').mcp_servers.github)).toEqual(['url', 'transport', 'auth_type', 'extra_headers']);
  });

  it('adds to an existing flow list without restyling it', () => {
    const patched = patchConfig(CONFIG, [{ op: 'add', path: 'mcp_servers.jira.extra_headers', value: 'Authorization' }], undefined);
    expect(patched).toContain('    extra_headers: [X-Trace, Authorization]');
  });

  it('leaves the text unchanged when the item is already there', () => {
    expect(patchConfig(CONFIG, [{ op: 'add', path: 'mcp_servers.jira.extra_headers', value: 'x-trace' }], undefined)).toBe(CONFIG);
  });

  it('removes a key and sets another in the same server', () => {
    const patched = patchConfig(
      CONFIG,
      [
        { op: 'remove', path: 'mcp_servers.<server>.auth_type' },
        { op: 'set', path: 'mcp_servers.<server>.delegate_auth_to_upstream', value: true },
      ],
      'github',
    );
    const value = parse(patched ?? '');
    expect(value.mcp_servers.github.auth_type).toBeUndefined();
    expect(value.mcp_servers.github.delegate_auth_to_upstream).toBe(true);
    expect(patched).toContain('# GitHub\'s hosted MCP server');
  });

  it('removes one item of a list', () => {
    const patched = patchConfig(CONFIG, [{ op: 'remove', path: 'mcp_servers.jira.extra_headers', value: 'X-Trace' }], undefined);
    expect(parse(patched ?? '').mcp_servers.jira.extra_headers).toEqual([]);
  });

  it('keeps a four-space indented file in its own indentation', () => {
    const source = 'mcp_servers:\n    github:\n        url: https://x/mcp\n';
    const patched = patchConfig(source, [{ op: 'set', path: 'mcp_servers.github.transport', value: 'http' }], undefined);
    expect(patched).toBe('mcp_servers:\n    github:\n        url: https://x/mcp\n        transport: http\n');
  });

  it('refuses text that is not a YAML mapping', () => {
    expect(patchConfig('- a\n- b\n', [{ op: 'set', path: 'a.b', value: 1 }], undefined)).toBeNull();
    expect(patchConfig('a: [unclosed\n', [{ op: 'set', path: 'a.b', value: 1 }], undefined)).toBeNull();
  });
});

describe('resolving <server>', () => {
  const source = 'mcp_servers:\n  github:\n    url: https://x\n  jira:\n    url: https://y\n';
  it('prefers the server a server-config fact matched', () => {
    expect(resolveServer({ evidence: evidenceWith({ configs: configEvidence(source, ['github', 'jira']) }), matchedServer: 'jira' })).toBe('jira');
  });
  it('then the server the request path names', () => {
    const evidence = evidenceWith({ configs: configEvidence(source, ['github', 'jira']), requests: [{ input: 'paste', line: 1, headers: [], serverName: 'github', path: '/github/mcp' }] });
    expect(resolveServer({ evidence })).toBe('github');
  });
  it('then the only configured server, else nothing', () => {
    expect(resolveServer({ evidence: evidenceWith({ configs: configEvidence('mcp_servers:\n  solo:\n    url: https://x\n', ['solo']) }) })).toBe('solo');
    expect(resolveServer({ evidence: evidenceWith({ configs: configEvidence(source, ['github', 'jira']) }) })).toBeUndefined();
  });
});

describe('suggestions from a page', () => {
  const page: RulePage = {
    id: 'forward-token',
    title: 'Forward the token',
    summary: 'summary',
    area: 'token-forwarding',
    hop: 'gateway-upstream',
    status: 'by-design',
    retired: false,
    url: '/errors/forward-token/',
    relatedErrors: [],
    signatures: [],
    clues: [],
    fixes: [
      { kind: 'config', title: 'Forward the Authorization header', changes: [{ op: 'add', path: 'mcp_servers.<server>.extra_headers', value: 'Authorization' }] },
      { kind: 'env', title: 'Set the public URL', name: 'PROXY_BASE_URL', value: 'https://<your-host>' },
      { kind: 'upgrade', title: 'Upgrade LiteLLM', version: '1.80.8', pr: 27847 },
      { kind: 'workaround', title: 'Call the upstream directly', note: 'It shows the real answer.' },
    ],
  };

  it('gives a unified diff of the given config that applies to it', () => {
    const evidence = evidenceWith({ configs: configEvidence(CONFIG, ['github', 'jira']), requests: [{ input: 'paste', line: 1, headers: [], serverName: 'github' }] });
    const [diff] = suggestFixes(page, { evidence, config: CONFIG });
    expect(diff?.kind).toBe('config-diff');
    if (diff?.kind !== 'config-diff') return;
    expect(diff.server).toBe('github');
    expect(diff.diff).toContain('+    extra_headers:');
    const applied = applyPatch(CONFIG, diff.diff);
    expect(applied).not.toBe(false);
    expect(parse(applied as string).mcp_servers.github.extra_headers).toEqual(['Authorization']);
  });

  it('gives the env line, the upgrade and the steps in page order', () => {
    const suggestions = suggestFixes(page, { evidence: evidenceWith({}) });
    expect(suggestions.map((s) => s.kind)).toEqual(['config-snippet', 'env', 'upgrade', 'step']);
    expect(suggestions[1]).toMatchObject({ kind: 'env', line: 'PROXY_BASE_URL=https://<your-host>' });
    expect(suggestions[2]).toMatchObject({ kind: 'upgrade', version: '1.80.8', pr: 27847 });
    expect(suggestions[3]).toMatchObject({ kind: 'step', note: 'It shows the real answer.' });
  });

  it('gives a YAML snippet with the placeholder when no config is known', () => {
    const [snippet] = suggestFixes(page, { evidence: evidenceWith({}) });
    expect(snippet).toMatchObject({ kind: 'config-snippet' });
    if (snippet?.kind !== 'config-snippet') return;
    expect(parse(snippet.yaml)).toEqual({ mcp_servers: { '<server>': { extra_headers: ['Authorization'] } } });
  });

  it('names the server in the snippet when the request shows it', () => {
    expect(snippetOf([{ op: 'set', path: 'mcp_servers.<server>.auth_type', value: 'oauth2' }, { op: 'remove', path: 'mcp_servers.<server>.extra_headers' }], 'jira')).toBe(
      'mcp_servers:\n  jira:\n    auth_type: oauth2\n# remove mcp_servers.jira.extra_headers\n',
    );
  });
});
