import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Evidence, Place } from '../../src/engine/evidence.ts';
import { parseInput } from '../../src/engine/parse-input.ts';

function parseFixture(name: string, config?: string): Evidence {
  const paste = readFileSync(new URL(`../fixtures/pastes/${name}`, import.meta.url), 'utf8');
  return parseInput(config === undefined ? { paste } : { paste, config });
}

function placeOf(evidence: Evidence, line: number, input: 'paste' | 'config' = 'paste'): Place | undefined {
  return evidence.lines.toArray().find((tagged) => tagged.line === line && tagged.input === input)?.place;
}

describe('parseInput on curl transcripts', () => {
  it('reads an HTTP/2 401 with CRLF line ends, repeated headers and a JSON body', () => {
    const evidence = parseFixture('curl-si-http2-401-www-authenticate.txt');
    expect(evidence.responses).toHaveLength(1);
    const response = evidence.responses[0]!;
    expect(response).toMatchObject({ httpVersion: 'HTTP/2', status: 401, line: 1 });
    expect(response.headers.filter((header) => header.name === 'set-cookie')).toHaveLength(2);
    expect(response.headers.find((header) => header.name === 'www-authenticate')?.value).toMatch(/^Bearer error="invalid_token"/);
    expect(response.headers.find((header) => header.name === 'x-mcp-debug-auth-resolution')).toMatchObject({ value: 'no-auth', line: 7 });
    expect(response.body).toMatchObject({ kind: 'json', line: 12, value: { detail: { error: 'authentication_required' } } });
    expect(evidence.statuses).toEqual([{ input: 'paste', line: 1, status: 401, from: 'status-line' }]);
    expect(evidence.json.map((json) => json.line)).toEqual([12]);
    expect(placeOf(evidence, 1)).toBe('status-line');
    expect(placeOf(evidence, 4)).toBe('header');
    expect(placeOf(evidence, 12)).toBe('body');
    expect(evidence.lines.toArray().every((line) => !line.text.endsWith('\r'))).toBe(true);
  });

  it('reads curl -v: the command, the > request, the < response and its body, and the * lines as client output', () => {
    const evidence = parseFixture('curl-v-http11-500-mcp-request-failed.txt');
    expect(evidence.requests.map((request) => request.source)).toEqual(['curl-command', 'curl-verbose']);
    const [command, verbose] = evidence.requests;
    expect(command).toMatchObject({ method: 'POST', url: 'https://llm.example.com/Gmail/mcp', path: '/Gmail/mcp', serverName: 'Gmail', line: 1 });
    expect(command?.headers.map((header) => header.name)).toEqual(['x-litellm-api-key', 'accept', 'content-type']);
    expect(command?.headers[0]?.line).toBe(2);
    expect(command?.body).toMatchObject({ method: 'initialize', params: { protocolVersion: '2025-03-26' } });
    expect(verbose).toMatchObject({ method: 'POST', path: '/Gmail/mcp', serverName: 'Gmail', url: 'https://llm.example.com/Gmail/mcp', line: 11 });
    expect(verbose?.headers.find((header) => header.name === 'x-litellm-api-key')?.line).toBe(14);
    expect(evidence.responses).toHaveLength(1);
    expect(evidence.responses[0]).toMatchObject({ httpVersion: 'HTTP/1.1', status: 500, reason: 'Internal Server Error', line: 20 });
    expect(evidence.responses[0]?.headers.map((header) => header.name)).toEqual(['date', 'server', 'content-type', 'content-length']);
    expect(evidence.responses[0]?.body).toMatchObject({ kind: 'json', line: 27, value: { error: 'MCP request failed', details: '' } });
    expect(placeOf(evidence, 5)).toBe('request');
    expect(placeOf(evidence, 7)).toBe('client');
    expect(placeOf(evidence, 14)).toBe('request');
    expect(placeOf(evidence, 20)).toBe('status-line');
    expect(placeOf(evidence, 23)).toBe('header');
    expect(placeOf(evidence, 27)).toBe('body');
    expect(placeOf(evidence, 28)).toBe('client');
  });

  it('reads a streamable HTTP answer as SSE frames, joining multi-line data and recording each frame as JSON', () => {
    const evidence = parseFixture('curl-si-streamable-sse-two-frames.txt');
    const body = evidence.responses[0]?.body;
    expect(body?.kind).toBe('sse');
    if (body?.kind !== 'sse') return;
    expect(body.events.map((event) => [event.event, event.line])).toEqual([
      ['message', 9],
      ['message', 13],
    ]);
    expect(body.events[1]?.json).toMatchObject({ id: 2, error: { code: -32600 } });
    expect(evidence.json.map((json) => json.line)).toEqual([9, 13]);
    const request = evidence.requests[0];
    expect(request).toMatchObject({ method: 'POST', path: '/mcp/github', serverName: 'github' });
    // curl --json adds both headers itself.
    expect(request?.headers.map((header) => `${header.name}: ${header.value}`)).toEqual([
      'x-litellm-api-key: sk-1234',
      'content-type: application/json',
      'accept: application/json',
    ]);
  });

  it('reads curl -v that never connected: no response, the request, and curl messages as client lines', () => {
    const evidence = parseFixture('curl-v-failed-to-connect.txt');
    expect(evidence.responses).toEqual([]);
    expect(evidence.requests[0]).toMatchObject({ method: 'GET', serverName: 'github', headers: [{ name: 'x-litellm-api-key', value: '$LITELLM_KEY' }] });
    for (const line of [2, 5, 9, 11]) expect(placeOf(evidence, line)).toBe('client');
  });

  it('reads a curl command whose -d body spans lines, and the pretty-printed JSON answer after it', () => {
    const evidence = parseFixture('curl-command-multiline-json-body.txt');
    expect(evidence.requests).toHaveLength(1);
    const request = evidence.requests[0];
    expect(request).toMatchObject({ method: 'POST', path: '/data_api/mcp', serverName: 'data_api', body: { method: 'tools/call', params: { name: 'get_report' } } });
    expect(request?.headers.map((header) => header.name)).toEqual(['x-litellm-api-key', 'content-type', 'accept', 'x-token']);
    expect(request?.headers[3]?.line).toBe(5);
    expect(evidence.json).toHaveLength(1);
    expect(evidence.json[0]).toMatchObject({ line: 15, value: { result: { isError: true } } });
    for (let line = 1; line <= 14; line++) expect(placeOf(evidence, line)).toBe('request');
    for (let line = 15; line <= 22; line++) expect(placeOf(evidence, line)).toBe('body');
  });

  it('reads several exchanges in one paste in order', () => {
    const paste = [
      'HTTP/1.1 100 Continue',
      '',
      'HTTP/1.1 307 Temporary Redirect',
      'location: /github/mcp/',
      '',
      'HTTP/1.1 406 Not Acceptable',
      'content-type: application/json',
      '',
      '{"jsonrpc":"2.0","id":"server-error","error":{"code":-32600,"message":"Not Acceptable: Client must accept both application/json and text/event-stream"}}',
    ].join('\n');
    const evidence = parseInput({ paste });
    expect(evidence.responses.map((response) => response.status)).toEqual([100, 307, 406]);
    expect(evidence.responses[1]?.headers[0]).toMatchObject({ name: 'location', value: '/github/mcp/' });
    expect(evidence.responses[2]?.body?.kind).toBe('json');
    expect(evidence.statuses.map((status) => status.status)).toEqual([100, 307, 406]);
  });

  it('takes a body that follows the status line without a blank line, and HTML bodies up to </html>', () => {
    const evidence = parseInput({ paste: 'HTTP/2 500\n{"error": "MCP request failed", "details": ""}\n\nHTTP/1.1 502 Bad Gateway\ncontent-type: text/html\n\n<html>\n<head><title>502</title></head>\n\n<body>bad gateway</body>\n</html>\nafter' });
    expect(evidence.responses[0]?.body).toMatchObject({ kind: 'json', value: { error: 'MCP request failed' } });
    expect(evidence.responses[1]?.body).toMatchObject({ kind: 'text' });
    const body = evidence.responses[1]?.body;
    expect(body?.kind === 'text' ? body.text : '').toContain('<body>bad gateway</body>');
    expect(evidence.lines.toArray().find((line) => line.text === 'after')?.place).toBe('any');
  });

  it('reads HTTP/1.0 and HTTP/3 status lines and folded headers', () => {
    const evidence = parseInput({ paste: 'HTTP/1.0 404 Not Found\nX-Long: a\n  b\n\nHTTP/3 200\nContent-Type: application/json\n\n[]' });
    expect(evidence.responses.map((response) => `${response.httpVersion} ${response.status}`)).toEqual(['HTTP/1.0 404', 'HTTP/3 200']);
    expect(evidence.responses[0]?.headers[0]).toMatchObject({ name: 'x-long', value: 'a b' });
    expect(evidence.responses[1]?.body).toMatchObject({ kind: 'json', value: [] });
  });
});

describe('parseInput on logs and tracebacks', () => {
  it('reads a LiteLLM error log with an ExceptionGroup traceback: each sub-exception its own entry with depth 1', () => {
    const evidence = parseFixture('litellm-log-connect-error-taskgroup.txt');
    const fromTraceback = evidence.exceptions.filter((exception) => exception.line >= 2 && exception.line <= 26);
    expect(fromTraceback.map((exception) => [exception.type, exception.depth, exception.line])).toEqual([
      ['ExceptionGroup', 0, 9],
      ['httpcore.ConnectError', 1, 16],
      ['httpx.ConnectError', 1, 25],
    ]);
    expect(fromTraceback[0]?.frames.map((frame) => frame.function)).toEqual(['list_tools', 'streamablehttp_client', '__aexit__']);
    expect(fromTraceback[2]?.frames[0]).toMatchObject({ function: 'post_writer', fileLine: 405, line: 21 });
    expect(fromTraceback[2]?.message).toBe('All connection attempts failed');
    // The log line names the group too; the loose exception line after the second log line counts.
    expect(evidence.exceptions.find((exception) => exception.line === 1)).toMatchObject({ type: 'ExceptionGroup', message: 'unhandled errors in a TaskGroup (1 sub-exception)' });
    expect(evidence.exceptions.find((exception) => exception.line === 28)).toMatchObject({ type: 'httpx.ConnectError', depth: 0 });
    expect(placeOf(evidence, 1)).toBe('log');
    for (const line of [2, 10, 17, 26]) expect(placeOf(evidence, line)).toBe('traceback');
    expect(placeOf(evidence, 27)).toBe('log');
    expect(placeOf(evidence, 28)).toBe('log');
    expect(evidence.statuses).toEqual([{ input: 'paste', line: 29, status: 500, from: 'access-log' }]);
    expect(evidence.requests).toEqual([{ input: 'paste', line: 29, method: 'POST', path: '/github/mcp', serverName: 'github', headers: [], source: 'access-log' }]);
  });

  it('reads chained tracebacks as separate exceptions with their own frames', () => {
    const evidence = parseFixture('python-traceback-chained-proxy-exception.txt');
    expect(evidence.exceptions.map((exception) => [exception.type, exception.message, exception.frames.length])).toEqual([
      ['Exception', 'No api key passed in.', 1],
      ['litellm.proxy._types.ProxyException', '', 4],
    ]);
    expect(evidence.exceptions[1]?.frames[0]).toMatchObject({ file: '/app/litellm/proxy/_experimental/mcp_server/server.py', fileLine: 2946, function: 'handle_streamable_http_mcp', line: 9 });
    expect(placeOf(evidence, 6)).toBe('traceback');
    expect(placeOf(evidence, 11)).toBe('traceback');
    expect(placeOf(evidence, 19)).toBe('log');
  });

  it('reads LiteLLM, uvicorn and docker-prefixed log lines, with the exception named mid-line', () => {
    const evidence = parseFixture('uvicorn-access-and-litellm-debug.txt');
    for (let line = 1; line <= 6; line++) expect(placeOf(evidence, line)).toBe('log');
    expect(evidence.statuses.map((status) => `${status.line}:${status.status}:${status.from}`)).toEqual(['3:401:text', '4:200:access-log', '5:405:access-log']);
    expect(evidence.requests.map((request) => [request.method, request.path, request.serverName])).toEqual([
      ['POST', '/github/mcp', 'github'],
      ['GET', '/mcp/', undefined],
    ]);
    expect(evidence.exceptions).toEqual([{ input: 'paste', line: 6, type: 'httpx.ConnectError', message: 'All connection attempts failed', frames: [], depth: 0 }]);
  });

  it('reads JSON-format log records: message exceptions and a traceback inside the stacktrace field', () => {
    const evidence = parseFixture('litellm-json-logs.txt');
    expect(placeOf(evidence, 1)).toBe('log');
    expect(placeOf(evidence, 2)).toBe('log');
    expect(evidence.exceptions.map((exception) => [exception.line, exception.type, exception.message])).toEqual([
      [1, 'McpError', 'Session terminated'],
      [2, 'httpx.ReadTimeout', 'timed out'],
    ]);
    expect(evidence.exceptions[1]?.frames[0]?.function).toBe('list_tools');
    expect(evidence.json).toHaveLength(2);
  });

  it('reads an exception message that runs over several lines', () => {
    const evidence = parseInput({ paste: 'Traceback (most recent call last):\n  File "x.py", line 1, in <module>\nValueError: first line\nsecond line of the message\n\nINFO:     Shutting down' });
    expect(evidence.exceptions).toHaveLength(1);
    expect(evidence.exceptions[0]?.message).toBe('first line\nsecond line of the message');
    expect(placeOf(evidence, 4)).toBe('traceback');
    expect(placeOf(evidence, 6)).toBe('log');
  });
});

describe('parseInput on client output', () => {
  it('reads Claude Code errors: statuses from the client, the quoted JSON, and headerless responses', () => {
    const evidence = parseFixture('claude-code-error-posting-http-500.txt');
    for (const line of [2, 4, 5, 6, 7]) expect(placeOf(evidence, line)).toBe('client');
    expect(evidence.statuses).toEqual([
      { input: 'paste', line: 2, status: 500, from: 'client' },
      { input: 'paste', line: 4, status: 401, from: 'client' },
    ]);
    expect(evidence.json.map((json) => json.line)).toEqual([2, 7]);
    expect(evidence.responses[0]).toMatchObject({ httpVersion: '', status: 500, headers: [], body: { kind: 'json', value: { error: 'MCP request failed' } } });
    expect(evidence.exceptions).toEqual([{ input: 'paste', line: 6, type: 'McpError', message: 'MCP error -32001: Request timed out', frames: [], depth: 0 }]);
  });

  it('reads mcp-remote lines as client output, without taking the [pid] for JSON', () => {
    const evidence = parseFixture('mcp-remote-reconnect-fallback.txt');
    expect(evidence.lines.toArray().every((line) => line.place === 'client')).toBe(true);
    expect(evidence.json.map((json) => json.value)).toEqual([{ detail: 'Not Found' }]);
    expect(evidence.statuses.map((status) => `${status.status}:${status.from}`)).toEqual(['404:client', '405:client']);
  });

  it('reads the MCP Inspector connection error as client output', () => {
    const evidence = parseFixture('inspector-connection-error.txt');
    expect(placeOf(evidence, 1)).toBe('client');
    expect(evidence.statuses[0]).toMatchObject({ status: 401, from: 'client' });
  });

  it('reads the headers a JSON client config and a claude mcp add command will send', () => {
    const config = parseFixture('client-config-mcp-json.json');
    expect(config.requests.map((request) => [request.url, request.serverName, request.source])).toEqual([
      ['http://localhost:4000/github/mcp', 'github', 'client-config'],
      ['http://localhost:4000/mcp/', undefined, 'client-config'],
    ]);
    expect(config.requests[0]?.headers.map((header) => header.name)).toEqual(['x-litellm-api-key', 'authorization']);
    expect(config.requests[1]?.headers.map((header) => header.name)).toEqual(['x-litellm-api-key']);
    const command = parseFixture('claude-mcp-add-with-headers.txt');
    expect(command.requests).toHaveLength(1);
    expect(command.requests[0]).toMatchObject({ url: 'http://localhost:4000/my_mcp/mcp', serverName: 'my_mcp', source: 'client-command' });
    expect(command.requests[0]?.headers.map((header) => [header.name, header.value, header.line])).toEqual([
      ['x-litellm-api-key', 'Bearer sk-Xq3bT9vLm2Rk8sWp4Yz7Na', 2],
      ['x-litellm-mcp-debug', 'true', 3],
    ]);
  });

  it('reads a "headers" fragment of a client config that is not whole JSON', () => {
    const evidence = parseInput({ paste: 'my config has   "headers": {"x-litellm-api-key": "Bearer sk-1234", "Authorization": "Bearer abc"},' });
    expect(evidence.requests[0]?.headers.map((header) => header.name)).toEqual(['x-litellm-api-key', 'authorization']);
    expect(evidence.lines.placeAt(0)).toBe('request');
  });
});

describe('parseInput on configs', () => {
  it('reads a config.yaml inside a GitHub issue body, with the curl, the response and the traceback in their fences', () => {
    const evidence = parseFixture('github-issue-body-with-fences.md');
    expect(evidence.configs).toHaveLength(1);
    const config = evidence.configs[0]!;
    expect(config.line).toBe(8);
    expect(config.servers).toEqual([
      expect.objectContaining({ name: 'Gmail', line: 9, fields: expect.objectContaining({ auth_type: 'oauth2', token_url: 'https://oauth2.googleapis.com/token' }) }),
    ]);
    expect((config.value as { general_settings: { use_x_forwarded_for: boolean } }).general_settings.use_x_forwarded_for).toBe(true);
    expect(evidence.requests[0]).toMatchObject({ serverName: 'Gmail', line: 27 });
    expect(evidence.responses.find((response) => response.httpVersion === 'HTTP/2')).toMatchObject({ status: 500, line: 34 });
    expect(evidence.exceptions.map((exception) => exception.type)).toEqual(['litellm.proxy._types.ProxyException']);
    expect(placeOf(evidence, 1)).toBe('any');
    expect(placeOf(evidence, 7)).toBe('any');
    expect(placeOf(evidence, 14)).toBe('config');
    expect(placeOf(evidence, 53)).toBe('any');
  });

  it('reads a single server block pasted without mcp_servers', () => {
    const evidence = parseFixture('config-single-server-block.txt');
    expect(evidence.configs).toHaveLength(1);
    expect(evidence.configs[0]?.servers).toEqual([
      { input: 'paste', line: 3, name: 'atlassian', fields: { url: 'https://mcp.atlassian.com/v1/mcp', transport: 'http', auth_type: 'oauth2', extra_headers: ['Authorization'] } },
    ]);
    expect(placeOf(evidence, 1)).toBe('any');
    expect(placeOf(evidence, 9)).toBe('any');
  });

  it('notes the line of a YAML that does not parse, and never throws', () => {
    const evidence = parseFixture('yaml-broken-indentation.txt');
    expect(evidence.configs).toEqual([]);
    expect(evidence.notes).toHaveLength(1);
    expect(evidence.notes[0]).toMatch(/line 4 of the paste does not parse/);
  });

  it('reads the separate config input as YAML, tagged config with input config', () => {
    const evidence = parseInput({ paste: '', config: '# mine\nmcp_servers:\n  github:\n    url: https://x/mcp\n    extra_headers: [Authorization]\nlitellm_settings:\n  drop_params: true\n' });
    expect(evidence.configs).toHaveLength(1);
    expect(evidence.configs[0]).toMatchObject({ input: 'config', line: 1 });
    expect(evidence.configs[0]?.servers[0]).toMatchObject({ input: 'config', line: 3, name: 'github', fields: { extra_headers: ['Authorization'] } });
    expect(evidence.lines.toArray().map((line) => `${line.input}:${line.line}:${line.place}`)).toEqual(['config:1:config', 'config:2:config', 'config:3:config', 'config:4:config', 'config:5:config', 'config:6:config', 'config:7:config']);
  });

  it('notes a separate config that does not parse by its line', () => {
    const evidence = parseInput({ paste: 'x', config: 'mcp_servers:\n  github:\n    url: "unclosed\n' });
    expect(evidence.configs).toEqual([]);
    expect(evidence.notes.some((note) => /line \d+ of the config/.test(note))).toBe(true);
  });

  it('reads general_settings and litellm_settings blocks between log lines, stopping at the next log line', () => {
    const evidence = parseInput({ paste: 'INFO:     Started server process [1]\ngeneral_settings:\n  master_key: os.environ/LITELLM_MASTER_KEY\n  use_x_forwarded_for: true\nlitellm_settings:\n  mcp_tool_search: true\nINFO:     Waiting for application startup.' });
    expect(evidence.configs).toHaveLength(1);
    expect(evidence.configs[0]?.value).toEqual({ general_settings: { master_key: 'os.environ/LITELLM_MASTER_KEY', use_x_forwarded_for: true }, litellm_settings: { mcp_tool_search: true } });
    expect(evidence.lines.toArray().map((line) => line.place)).toEqual(['log', 'config', 'config', 'config', 'config', 'config', 'log']);
  });

  it('reads an mcp_servers excerpt indented inside a Markdown list', () => {
    const evidence = parseInput({ paste: '1. My config:\n\n    mcp_servers:\n      zapier:\n        url: https://mcp.zapier.com/api/mcp/s/abc/mcp\n        transport: sse\n\n2. Then I run it.' });
    expect(evidence.configs[0]?.servers.map((server) => server.name)).toEqual(['zapier']);
    expect(evidence.configs[0]?.servers[0]?.line).toBe(4);
  });
});

describe('parseInput on every line', () => {
  it('tags every non-empty line exactly once, with its 1-based number, in order', () => {
    for (const name of ['github-issue-body-with-fences.md', 'litellm-log-connect-error-taskgroup.txt', 'curl-v-http11-500-mcp-request-failed.txt']) {
      const paste = readFileSync(new URL(`../fixtures/pastes/${name}`, import.meta.url), 'utf8');
      const expected = paste.split(/\r\n|\n/).flatMap((text, index) => (text.trim() === '' ? [] : [index + 1]));
      const evidence = parseInput({ paste });
      expect(evidence.lines.toArray().map((line) => line.line)).toEqual(expected);
    }
  });

  it('tags prose as any while still finding a status and JSON in it', () => {
    const evidence = parseInput({ paste: 'The gateway returned HTTP 500 with {"error":"x"} after upgrading.' });
    expect(evidence.lines.placeAt(0)).toBe('any');
    expect(evidence.statuses).toEqual([{ input: 'paste', line: 1, status: 500, from: 'text' }]);
    expect(evidence.json[0]?.value).toEqual({ error: 'x' });
  });

  it('gives an empty paste empty evidence', () => {
    const { lines, ...rest } = parseInput({ paste: '' });
    expect(lines.length).toBe(0);
    expect(rest).toEqual({ responses: [], requests: [], statuses: [], json: [], exceptions: [], configs: [], notes: [] });
  });
});

describe('parseInput on Markdown around the evidence', () => {
  it('does not take a Markdown quote or bullet for curl -v output', () => {
    const evidence = parseInput({ paste: '> Note: this started after the upgrade\n* Error handling looks broken\n> POST /github/mcp HTTP/1.1\n> Host: localhost:4000\n< HTTP/1.1 401 Unauthorized\n< www-authenticate: Bearer' });
    expect(evidence.lines.toArray().map((line) => line.place)).toEqual(['any', 'any', 'request', 'request', 'status-line', 'header']);
    expect(evidence.requests).toHaveLength(1);
    expect(evidence.responses[0]?.headers.map((header) => header.name)).toEqual(['www-authenticate']);
  });
});

describe('parseInput on SDK errors printed on their own', () => {
  it('reads a lone SseError line as client output with its status, its response and its exception once', () => {
    const evidence = parseInput({ paste: 'SseError: SSE error: Non-200 status code (401)' });
    expect(evidence.lines.placeAt(0)).toBe('client');
    expect(evidence.statuses).toEqual([{ input: 'paste', line: 1, status: 401, from: 'client' }]);
    expect(evidence.responses.map((response) => response.status)).toEqual([401]);
    expect(evidence.exceptions.map((exception) => exception.type)).toEqual(['SseError']);
  });

  it('reads an httpx status error as an exception with the status it names', () => {
    const evidence = parseInput({ paste: "httpx.HTTPStatusError: Client error '401 Unauthorized' for url 'https://mcp.example.com/mcp'" });
    expect(evidence.exceptions[0]).toMatchObject({ type: 'httpx.HTTPStatusError' });
    expect(evidence.statuses).toEqual([{ input: 'paste', line: 1, status: 401, from: 'text' }]);
  });
});
