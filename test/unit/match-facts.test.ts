import { describe, expect, it } from 'vitest';
import type { Evidence, TaggedLine } from '../../src/engine/evidence.ts';
import { storeLines } from '../../src/engine/line-store.ts';
import { createFactMatcher } from '../../src/engine/match-fact.ts';
import { prepareIndex } from '../../src/engine/prepare-rules.ts';
import type { RuleFact } from '../../src/engine/rule-index.ts';
import { viewEvidence } from '../../src/engine/view-evidence.ts';
import { compileRulesAtBuild } from '../../src/catalog/analyse-pattern.ts';

// Evidence is built by hand here, as the parser would build it, so each fact's semantics is
// tested on its own.
function evidenceOf(parts: Partial<Omit<Evidence, 'lines'>> & { lines?: TaggedLine[]; text?: string[]; place?: TaggedLine['place'] } = {}): Evidence {
  const lines: TaggedLine[] = parts.lines ?? (parts.text ?? []).map((text, i) => ({ input: 'paste', line: i + 1, text, place: parts.place ?? 'any' }));
  return {
    lines: storeLines(lines),
    responses: parts.responses ?? [],
    requests: parts.requests ?? [],
    statuses: parts.statuses ?? [],
    json: parts.json ?? [],
    exceptions: parts.exceptions ?? [],
    configs: parts.configs ?? [],
    notes: [],
  };
}

/** Whether a fact holds, going through compile (text folding) and prepare (anchors) like the checker. */
function holds(fact: RuleFact, evidence: Evidence): boolean {
  const index = compileRulesAtBuild([
    { id: 'p', title: 't', summary: 's', area: 'a', hop: 'h', status: 'bug', retired: false, relatedErrors: [], clues: [], fixes: [], signatures: [{ id: 's', text: 'x', where: 'any', weight: 1, facts: [fact] }] },
  ]);
  const compiled = index.pages[0]?.signatures[0]?.facts[0] as RuleFact;
  const prepared = prepareIndex(index);
  return createFactMatcher(prepared, viewEvidence(evidence, prepared)).match(compiled) !== null;
}

function serverConfig(servers: Record<string, Record<string, unknown>>, line = 1): Evidence['configs'][number] {
  return {
    input: 'config',
    line,
    source: '',
    value: { mcp_servers: servers },
    servers: Object.entries(servers).map(([name, fields], i) => ({ input: 'config', line: line + 1 + i * 3, name, fields })),
  };
}

describe('text facts', () => {
  it('match case-insensitively with whitespace and JSON spacing normalised', () => {
    const evidence = evidenceOf({ text: ['{"error":  "MCP   request failed", "details": ""}'] });
    expect(holds({ kind: 'text', text: '{"error": "mcp request failed"' }, evidence)).toBe(true);
    expect(holds({ kind: 'text', text: 'MCP request succeeded' }, evidence)).toBe(false);
  });

  it('match inside longer tokens at the edges of the literal', () => {
    const evidence = evidenceOf({ text: ['xxMCP request failedyy'] });
    expect(holds({ kind: 'text', text: 'MCP request failed' }, evidence)).toBe(true);
  });

  it('respect the places they are restricted to', () => {
    const evidence = evidenceOf({ lines: [{ input: 'paste', line: 1, text: 'MCP request failed', place: 'log' }] });
    expect(holds({ kind: 'text', text: 'MCP request failed', in: ['log'] }, evidence)).toBe(true);
    expect(holds({ kind: 'text', text: 'MCP request failed', in: ['body'] }, evidence)).toBe(false);
    expect(holds({ kind: 'text', text: 'MCP request failed', in: ['any'] }, evidence)).toBe(true);
  });

  it('count a line the parser could not place for log, client, traceback and body, not for a request', () => {
    const evidence = evidenceOf({ text: ['calling /github/mcp alone works'], place: 'any' });
    expect(holds({ kind: 'text', text: '/github/mcp', in: ['log'] }, evidence)).toBe(true);
    expect(holds({ kind: 'text', text: '/github/mcp', in: ['client', 'body'] }, evidence)).toBe(true);
    expect(holds({ kind: 'text', text: '/github/mcp', in: ['request'] }, evidence)).toBe(false);
    expect(holds({ kind: 'pattern', pattern: '/\\w+/mcp', in: ['request', 'config'] }, evidence)).toBe(false);
  });

  it('see a pretty-printed JSON body as its compact form', () => {
    const evidence = evidenceOf({
      lines: [
        { input: 'paste', line: 1, text: '{', place: 'body' },
        { input: 'paste', line: 2, text: '  "tools": []', place: 'body' },
        { input: 'paste', line: 3, text: '}', place: 'body' },
      ],
      json: [{ input: 'paste', line: 1, value: { tools: [] } }],
    });
    expect(holds({ kind: 'text', text: '{"tools":[]}' }, evidence)).toBe(true);
  });
});

describe('pattern facts', () => {
  it('match the raw line case-insensitively', () => {
    const evidence = evidenceOf({ text: ['Claude Code: No Tools Available for server github'] });
    expect(holds({ kind: 'pattern', pattern: 'no tools (available|found)|0 tools' }, evidence)).toBe(true);
    expect(holds({ kind: 'pattern', pattern: 'MCP server (\\S+) not found' }, evidence)).toBe(false);
  });

  it('find a line whose anchor word sits between other words', () => {
    const evidence = evidenceOf({ text: ['nothing here', 'ERROR: MCP server github-prod not found in registry'] });
    expect(holds({ kind: 'pattern', pattern: 'MCP server (\\S+) not found' }, evidence)).toBe(true);
  });

  it('never hold when the source does not compile', () => {
    expect(holds({ kind: 'pattern', pattern: '(unclosed' }, evidenceOf({ text: ['(unclosed'] }))).toBe(false);
  });
});

describe('status facts', () => {
  it('hold for any status seen, single or listed', () => {
    const evidence = evidenceOf({ statuses: [{ input: 'paste', line: 1, status: 500, from: 'access-log' }] });
    expect(holds({ kind: 'status', status: 500 }, evidence)).toBe(true);
    expect(holds({ kind: 'status', status: [401, 500] }, evidence)).toBe(true);
    expect(holds({ kind: 'status', status: 401 }, evidence)).toBe(false);
  });
});

describe('header facts', () => {
  const response = (headers: [string, string][]): Evidence['responses'][number] => ({
    input: 'paste',
    line: 1,
    httpVersion: 'HTTP/1.1',
    status: 401,
    reason: '',
    headers: headers.map(([name, value], i) => ({ input: 'paste', line: i + 2, name, value })),
  });

  it('test presence and value by regex on response headers', () => {
    const evidence = evidenceOf({ responses: [response([['www-authenticate', 'Bearer resource_metadata="https://x/.well-known/oauth-protected-resource"']])] });
    expect(holds({ kind: 'header', name: 'WWW-Authenticate' }, evidence)).toBe(true);
    expect(holds({ kind: 'header', name: 'www-authenticate', value: 'resource_metadata=' }, evidence)).toBe(true);
    expect(holds({ kind: 'header', name: 'www-authenticate', value: '^basic' }, evidence)).toBe(false);
  });

  it('count absence only when some response showed its headers', () => {
    expect(holds({ kind: 'header', name: 'www-authenticate', absent: true }, evidenceOf({ responses: [response([['content-type', 'application/json']])] }))).toBe(true);
    expect(holds({ kind: 'header', name: 'www-authenticate', absent: true }, evidenceOf({ responses: [response([])] }))).toBe(false);
    expect(holds({ kind: 'header', name: 'www-authenticate', absent: true }, evidenceOf())).toBe(false);
    expect(holds({ kind: 'header', name: 'content-type', absent: true }, evidenceOf({ responses: [response([['content-type', 'text/plain']])] }))).toBe(false);
  });
});

describe('request-header facts', () => {
  const request = (headers: [string, string][], source: 'curl-command' | 'access-log' = 'curl-command'): Evidence['requests'][number] => ({
    input: 'paste',
    line: 1,
    headers: headers.map(([name, value]) => ({ input: 'paste', line: 1, name, value })),
    source,
  });

  it('test the headers the user sent', () => {
    const evidence = evidenceOf({ requests: [request([['authorization', 'Bearer abc']])] });
    expect(holds({ kind: 'request-header', name: 'Authorization' }, evidence)).toBe(true);
    expect(holds({ kind: 'request-header', name: 'authorization', value: '^bearer ' }, evidence)).toBe(true);
    expect(holds({ kind: 'request-header', name: 'x-litellm-api-key' }, evidence)).toBe(false);
  });

  it('count absence only when a request with its headers was pasted', () => {
    expect(holds({ kind: 'request-header', name: 'authorization', absent: true }, evidenceOf({ requests: [request([])] }))).toBe(true);
    expect(holds({ kind: 'request-header', name: 'authorization', absent: true }, evidenceOf())).toBe(false);
    expect(holds({ kind: 'request-header', name: 'authorization', absent: true }, evidenceOf({ requests: [request([], 'access-log')] }))).toBe(false);
  });
});

describe('json facts', () => {
  const json = (...values: unknown[]): Evidence['json'] => values.map((value, i) => ({ input: 'paste', line: i + 1, value }));

  it('test equals on a dotted path, [] meaning an empty list', () => {
    const evidence = evidenceOf({ json: json({ jsonrpc: '2.0', result: { tools: [] } }) });
    expect(holds({ kind: 'json', path: 'result.tools', test: { equals: [] } }, evidence)).toBe(true);
    expect(holds({ kind: 'json', path: 'tools', test: { equals: [] } }, evidence)).toBe(false);
  });

  it('walk * over keys and indexes', () => {
    const evidence = evidenceOf({ json: json({ result: { content: [{ type: 'text', text: 'Error: MCP server not found' }] } }) });
    expect(holds({ kind: 'json', path: 'result.content.*.text', test: { matches: 'server not found' } }, evidence)).toBe(true);
    expect(holds({ kind: 'json', path: '*.content.0.type', test: { equals: 'text' } }, evidence)).toBe(true);
  });

  it('test includes on lists and strings case-insensitively', () => {
    const evidence = evidenceOf({ json: json({ detail: { error: 'Server With ID x Not Found', scopes: ['Read', 'write'] } }) });
    expect(holds({ kind: 'json', path: 'detail.error', test: { includes: 'not found' } }, evidence)).toBe(true);
    expect(holds({ kind: 'json', path: 'detail.scopes', test: { includes: 'read' } }, evidence)).toBe(true);
    expect(holds({ kind: 'json', path: 'detail.scopes', test: { includes: 'admin' } }, evidence)).toBe(false);
  });

  it('hold negative tests only when every JSON value passes', () => {
    const evidence = evidenceOf({ json: json({ error: { code: -32600 } }, { result: {} }) });
    expect(holds({ kind: 'json', path: 'error.data', test: { present: false } }, evidence)).toBe(true);
    expect(holds({ kind: 'json', path: 'error.code', test: { present: false } }, evidence)).toBe(false);
    expect(holds({ kind: 'json', path: 'error.code', test: { present: true } }, evidence)).toBe(true);
    expect(holds({ kind: 'json', path: 'result.isError', test: { notTrue: true } }, evidence)).toBe(true);
    expect(holds({ kind: 'json', path: 'error.data', test: { present: false } }, evidenceOf())).toBe(false);
  });
});

describe('exception facts', () => {
  const exception = (type: string, message: string, depth = 0): Evidence['exceptions'][number] => ({ input: 'paste', line: 1, type, message, frames: [], depth });

  it('match the type by its last dotted part', () => {
    const evidence = evidenceOf({ exceptions: [exception('httpx.ConnectError', 'All connection attempts failed')] });
    expect(holds({ kind: 'exception', type: 'ConnectError' }, evidence)).toBe(true);
    expect(holds({ kind: 'exception', type: 'httpx.ConnectError' }, evidence)).toBe(true);
    expect(holds({ kind: 'exception', type: 'requests.ConnectError' }, evidence)).toBe(false);
    expect(holds({ kind: 'exception', type: 'ConnectTimeout' }, evidence)).toBe(false);
  });

  it('test the message by regex, inside ExceptionGroups too', () => {
    const evidence = evidenceOf({ exceptions: [exception('ExceptionGroup', 'unhandled errors in a TaskGroup (1 sub-exception)'), exception('httpx.HTTPStatusError', "Client error '401 Unauthorized' for url", 1)] });
    expect(holds({ kind: 'exception', type: 'HTTPStatusError', message: '401 unauthorized' }, evidence)).toBe(true);
    expect(holds({ kind: 'exception', type: 'HTTPStatusError', message: '403' }, evidence)).toBe(false);
  });
});

describe('server-config facts', () => {
  it('need every field test to hold on the same server entry', () => {
    const evidence = evidenceOf({
      configs: [serverConfig({ jira: { auth_type: 'oauth2' }, github: { extra_headers: ['Authorization'] } })],
    });
    expect(holds({ kind: 'server-config', fields: { extra_headers: { includes: 'authorization' } } }, evidence)).toBe(true);
    expect(holds({ kind: 'server-config', fields: { auth_type: { equals: 'oauth2' }, extra_headers: { includes: 'Authorization' } } }, evidence)).toBe(false);
  });

  it('hold present:false and notTrue only on an existing server entry', () => {
    const evidence = evidenceOf({ configs: [serverConfig({ jira: { auth_type: 'oauth2', authorization_url: 'https://idp/authorize' } })] });
    expect(holds({ kind: 'server-config', fields: { auth_type: { equals: 'oauth2' }, delegate_auth_to_upstream: { notTrue: true } } }, evidence)).toBe(true);
    expect(holds({ kind: 'server-config', fields: { authorization_url: { present: false } } }, evidence)).toBe(false);
    expect(holds({ kind: 'server-config', fields: { token_url: { present: false } } }, evidence)).toBe(true);
    expect(holds({ kind: 'server-config', fields: { token_url: { present: false } } }, evidenceOf())).toBe(false);
  });

  it('look only at the server the request calls when it is configured', () => {
    const configs = [serverConfig({ jira: { auth_type: 'oauth2' }, github: { extra_headers: ['Authorization'] } })];
    const calling = (serverName: string): Evidence =>
      evidenceOf({ configs, requests: [{ input: 'paste', line: 1, path: `/${serverName}/mcp`, serverName, headers: [], source: 'curl-command' }] });
    expect(holds({ kind: 'server-config', fields: { extra_headers: { includes: 'Authorization' } } }, calling('jira'))).toBe(false);
    expect(holds({ kind: 'server-config', fields: { extra_headers: { includes: 'Authorization' } } }, calling('github'))).toBe(true);
    expect(holds({ kind: 'server-config', fields: { extra_headers: { includes: 'Authorization' } } }, calling('unknown'))).toBe(true);
  });
});

describe('config facts', () => {
  it('test an absolute path from the root of the config', () => {
    const evidence = evidenceOf({ configs: [{ input: 'config', line: 1, source: '', value: { general_settings: { use_x_forwarded_for: false } }, servers: [] }] });
    expect(holds({ kind: 'config', path: 'general_settings.use_x_forwarded_for', test: { notTrue: true } }, evidence)).toBe(true);
    expect(holds({ kind: 'config', path: 'general_settings.use_x_forwarded_for', test: { equals: true } }, evidence)).toBe(false);
    expect(holds({ kind: 'config', path: 'general_settings.master_key', test: { present: false } }, evidence)).toBe(true);
    expect(holds({ kind: 'config', path: 'general_settings.master_key', test: { present: false } }, evidenceOf())).toBe(false);
  });
});
