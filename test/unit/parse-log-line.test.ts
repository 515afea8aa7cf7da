import { describe, expect, it } from 'vitest';
import { hasGenericLogStart, parseLogLine, stripLogPrefix } from '../../src/engine/parse/parse-log-line.ts';
import { findInlineException } from '../../src/engine/parse/parse-traceback.ts';
import { findStatusMentions } from '../../src/engine/parse/find-status.ts';

describe('parseLogLine', () => {
  it('reads LiteLLM lines with and without date, milliseconds and file', () => {
    expect(parseLogLine('15:29:02 - LiteLLM:ERROR: client.py:165 - MCP client list_tools failed')).toEqual({ kind: 'litellm', logger: 'LiteLLM', level: 'ERROR', file: 'client.py', fileLine: 165, message: 'MCP client list_tools failed' });
    expect(parseLogLine('2026-11-22 15:29:02,123 - LiteLLM Proxy:DEBUG: server.py:812 - x')).toMatchObject({ kind: 'litellm', logger: 'LiteLLM Proxy', level: 'DEBUG', message: 'x' });
    expect(parseLogLine('LiteLLM Proxy:DEBUG: server.py:812 - y')).toMatchObject({ kind: 'litellm', file: 'server.py', message: 'y' });
    expect(parseLogLine('15:29:02 - LiteLLM Router:INFO: z')).toMatchObject({ kind: 'litellm', logger: 'LiteLLM Router', message: 'z' });
  });

  it('reads uvicorn access lines and the common log format as access lines', () => {
    expect(parseLogLine('INFO:     10.0.0.5:51234 - "POST /github/mcp HTTP/1.1" 500 Internal Server Error')).toEqual({ kind: 'access', method: 'POST', target: '/github/mcp', status: 500, rest: 'Internal Server Error' });
    expect(parseLogLine('10.0.0.1 - - [22/Nov/2026:10:00:00 +0000] "GET /mcp/ HTTP/2.0" 401 52 "-" "curl/8"')).toMatchObject({ kind: 'access', method: 'GET', status: 401 });
  });

  it('reads Python default logging and uvicorn levelled lines', () => {
    expect(parseLogLine('ERROR:LiteLLM:MCP client list_tools failed')).toEqual({ kind: 'python-logging', level: 'ERROR', logger: 'LiteLLM', message: 'MCP client list_tools failed' });
    expect(parseLogLine('ERROR:    Exception in ASGI application')).toEqual({ kind: 'python-logging', level: 'ERROR', message: 'Exception in ASGI application' });
  });

  it('reads generic timestamped lines and strips container prefixes', () => {
    expect(parseLogLine('2026-11-22 10:00:00,123 ERROR something broke')).toEqual({ kind: 'generic', message: '2026-11-22 10:00:00,123 ERROR something broke' });
    expect(parseLogLine('[2026-11-22T10:00:00Z] [warn] slow')).toEqual({ kind: 'generic', message: '[2026-11-22T10:00:00Z] [warn] slow' });
    expect(parseLogLine('2026-11-22 10:00:00 routine line')).toBeUndefined();
    expect(stripLogPrefix('litellm-1  | 10:04:12 - LiteLLM:ERROR: x')).toBe('10:04:12 - LiteLLM:ERROR: x');
    expect(stripLogPrefix('2026-11-22T10:04:14.123456789Z stdout F INFO: y')).toBe('INFO: y');
  });

  it('does not take prose, URLs or YAML for log lines', () => {
    for (const text of ['The proxy crashed at startup', 'https://example.com/mcp', 'mcp_servers:', '  url: http://x', 'HTTP/1.1 200 OK', '[48213] Connecting to remote server']) {
      expect(parseLogLine(text)).toBeUndefined();
    }
  });
});

describe('hasGenericLogStart', () => {
  // The pattern as first written (logger, then level): the faster form must accept the same lines.
  const WRITTEN = /^(?:\[?\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d[.,\dZ+:-]{0,16}\]?\s{1,4}(?:-\s{1,4}|\|\s{1,4})?|\[)(?:[\w.-]{1,40}\s{1,4}(?:-\s{1,4})?)?\[?(?:DEBUG|INFO|WARN|WARNING|ERROR|CRITICAL|FATAL|TRACE)\]?[\s:|-]/i;
  const PIECES = ['[', ']', '2026-01-01', ' ', 'T', '12:00:07', ',123', 'Z', '+00:00', '  ', '- ', '| ', 'httpx', 'litellm.proxy', 'INFO', 'info', 'WARNING', 'WARN', 'error', ':', '-', '|', '\t', 'x', 'DEBUG]', '[ERROR]', '1', '.', 'FATAL', 'TRACE '];

  it('accepts a level after the date, with or without a logger name between', () => {
    expect(hasGenericLogStart('2026-01-01 12:00:07 INFO litellm.proxy routine line')).toBe(true);
    expect(hasGenericLogStart('2026-01-01 12:00:07,123 httpx - WARNING: slow')).toBe(true);
    expect(hasGenericLogStart('[2026-01-01T12:00:07Z] [error] x')).toBe(true);
    expect(hasGenericLogStart('2026-01-01 12:00:07 routine INFOS')).toBe(false);
    expect(hasGenericLogStart('2026-01-01 12:00:07 a b INFO x')).toBe(false);
  });

  it('accepts exactly the lines the pattern as first written accepts', () => {
    let seed = 7;
    const pick = (count: number): number => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return (seed >>> 8) % count;
    };
    let accepted = 0;
    for (let round = 0; round < 20000; round++) {
      let text = pick(2) === 0 ? `${pick(2) === 0 ? '[' : ''}2026-01-01${pick(2) === 0 ? ' ' : 'T'}12:00:07` : '';
      for (let count = 1 + pick(8); count > 0; count--) text += PIECES[pick(PIECES.length)];
      const expected = WRITTEN.test(text);
      if (expected) accepted++;
      if (hasGenericLogStart(text) !== expected) expect({ text, accepted: hasGenericLogStart(text) }).toEqual({ text, accepted: expected });
    }
    // The generated lines reach both answers often enough to compare them.
    expect(accepted).toBeGreaterThan(100);
  });
});

describe('findInlineException', () => {
  it('reads the exception a log line names in passing', () => {
    expect(findInlineException('Error in list_tools endpoint: Error: httpx.ConnectError: All connection attempts failed')).toEqual({ type: 'httpx.ConnectError', message: 'All connection attempts failed' });
    expect(findInlineException('MCP client list_tools failed - Error Type: ExceptionGroup, Error: unhandled errors in a TaskGroup (1 sub-exception), Server: http://x/mcp, Transport: MCPTransport.http')).toEqual({ type: 'ExceptionGroup', message: 'unhandled errors in a TaskGroup (1 sub-exception)' });
    expect(findInlineException('McpError: MCP error -32001: Request timed out')).toEqual({ type: 'McpError', message: 'MCP error -32001: Request timed out' });
    expect(findInlineException('raised litellm.proxy._types.ProxyException while handling')).toEqual({ type: 'litellm.proxy._types.ProxyException', message: '' });
  });

  it('ignores a bare Error: and exception words in prose', () => {
    expect(findInlineException('Error: something went wrong')).toBeUndefined();
    expect(findInlineException('we saw a ConnectionError yesterday')).toBeUndefined();
  });
});

describe('findStatusMentions', () => {
  it('reads client forms as client and other forms as text, each status once', () => {
    expect(findStatusMentions('Error POSTing to endpoint (HTTP 500): x')).toEqual([{ status: 500, from: 'client' }]);
    expect(findStatusMentions('SSE error: Non-200 status code (401)')).toEqual([{ status: 401, from: 'client' }]);
    expect(findStatusMentions("Client error '403 Forbidden' for url 'http://x' then HTTP 502 and status_code=429")).toEqual([
      { status: 403, from: 'text' },
      { status: 502, from: 'text' },
      { status: 429, from: 'text' },
    ]);
    expect(findStatusMentions('line 2946 and port 4000 and 12:00:00')).toEqual([]);
  });
});
