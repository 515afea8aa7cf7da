import { describe, expect, it } from 'vitest';
import { parseInput } from '../../src/engine/parse-input.ts';
import { describeMcpTarget } from '../../src/engine/parse/parse-mcp-path.ts';
import { tokenizeShell } from '../../src/engine/parse/tokenize-shell.ts';

function requestOf(paste: string) {
  const evidence = parseInput({ paste });
  expect(evidence.requests).toHaveLength(1);
  return evidence.requests[0]!;
}

describe('curl command lines', () => {
  it('reads method, URL anywhere on the line, and -H / --header / --header= forms', () => {
    const request = requestOf(`curl -X PUT -H 'A: 1' --header "B: two words" --header=C:3 -sS http://127.0.0.1:4000/mcp/github?x=1`);
    expect(request).toMatchObject({ method: 'PUT', url: 'http://127.0.0.1:4000/mcp/github?x=1', path: '/mcp/github', serverName: 'github' });
    expect(request.headers.map((header) => [header.name, header.value])).toEqual([
      ['a', '1'],
      ['b', 'two words'],
      ['c', '3'],
    ]);
  });

  it('reads short option clusters with attached arguments (-sXPOST, -HName: v, -d@file)', () => {
    const request = requestOf(`curl -sXPOST '-Hx-litellm-api-key: sk-1' localhost:4000/github/mcp/ -d@body.json`);
    expect(request).toMatchObject({ method: 'POST', url: 'localhost:4000/github/mcp/', serverName: 'github', body: '@body.json' });
    expect(request.headers[0]).toMatchObject({ name: 'x-litellm-api-key', value: 'sk-1' });
  });

  it('reads --data-raw, --data-binary and joins several -d with &', () => {
    expect(requestOf(`curl https://h/mcp --data-raw '{"jsonrpc":"2.0","id":1,"method":"tools/list"}'`).body).toEqual({ jsonrpc: '2.0', id: 1, method: 'tools/list' });
    expect(requestOf(`curl https://h/token -d grant_type=client_credentials -d scope=x`).body).toBe('grant_type=client_credentials&scope=x');
  });

  it('reads -u and -b as the Authorization and Cookie headers they send, and -I as HEAD', () => {
    const request = requestOf(`curl -I -u user:pass -b 'session=abc' https://h/x/mcp`);
    expect(request.method).toBe('HEAD');
    expect(request.headers.map((header) => header.name)).toEqual(['authorization', 'cookie']);
  });

  it('stops at a pipe and a redirection, and follows backslash, caret and backtick continuations', () => {
    const piped = requestOf(`curl -si http://localhost:4000/x/mcp -H "x-litellm-mcp-debug: true" 2>&1 | grep -i "x-mcp-debug"`);
    expect(piped.headers.map((header) => header.name)).toEqual(['x-litellm-mcp-debug']);
    const windows = requestOf('curl.exe -X POST ^\n  -H "A: 1" ^\n  https://h/a/mcp');
    expect(windows).toMatchObject({ method: 'POST', serverName: 'a' });
    const powershell = requestOf('PS C:\\> curl -X POST `\n  -H "A: 1" `\n  https://h/b/mcp');
    expect(powershell).toMatchObject({ method: 'POST', serverName: 'b' });
  });

  it('defaults to GET without a body and to POST with one', () => {
    expect(requestOf('curl https://h/mcp').method).toBe('GET');
    expect(requestOf(`curl https://h/mcp -d '{}'`).method).toBe('POST');
  });

  it('keeps a command with an unclosed quote to the end of the paste without throwing', () => {
    const request = requestOf(`curl https://h/x/mcp -d '{"jsonrpc":`);
    expect(request.serverName).toBe('x');
    expect(request.body).toBe('{"jsonrpc":');
  });
});

describe('tokenizeShell', () => {
  it('splits words with quotes, escapes and $-quotes, and marks operators', () => {
    expect(tokenizeShell(`a 'b c' "d \\"e\\"" f\\ g $'h\\ni' | j`).map((token) => [token.value, token.isOperator])).toEqual([
      ['a', false],
      ['b c', false],
      ['d "e"', false],
      ['f g', false],
      ['h\ni', false],
      ['|', true],
      ['j', false],
    ]);
  });

  it('keeps a one-digit last word, and drops a digit only when a redirection follows it', () => {
    expect(tokenizeShell('curl -sS https://h/x/mcp -m 5').map((token) => token.value)).toEqual(['curl', '-sS', 'https://h/x/mcp', '-m', '5']);
    expect(tokenizeShell('curl https://h/x/mcp 2>&1').map((token) => token.value)).toEqual(['curl', 'https://h/x/mcp', '>&', '1']);
    expect(tokenizeShell('curl https://h/x/mcp 2>err').map((token) => token.value)).toEqual(['curl', 'https://h/x/mcp', '>', 'err']);
  });

  it('reads a one-digit argument that ends the command (-d 1 is a body, so the method is POST)', () => {
    expect(requestOf('curl https://h/x/mcp -d 1')).toMatchObject({ method: 'POST', body: 1 });
  });
});

describe('describeMcpTarget', () => {
  const cases: Array<[string, string | undefined]> = [
    ['http://localhost:4000/github/mcp', 'github'],
    ['http://localhost:4000/github/mcp/', 'github'],
    ['http://localhost:4000/mcp/github', 'github'],
    ['http://localhost:4000/mcp', undefined],
    ['http://localhost:4000/mcp/', undefined],
    ['http://localhost:4000/mcp/a,b', undefined],
    ['/toolset/dev-tools/mcp', undefined],
    ['/v1/mcp/server/health', undefined],
    ['https://gmailmcp.googleapis.com/mcp/v1', undefined],
    ['/litellm/jira/mcp?x=1#f', 'jira'],
    ['/mcp/my%20server', 'my server'],
  ];
  for (const [url, serverName] of cases) {
    it(`names ${serverName ?? 'no server'} for ${url}`, () => {
      expect(describeMcpTarget(url).serverName).toBe(serverName);
    });
  }

  it('gives the path without query or fragment, and nothing for a bare word', () => {
    expect(describeMcpTarget('https://h:1/a/mcp?x=1#y').path).toBe('/a/mcp');
    expect(describeMcpTarget('https://h').path).toBe('/');
    expect(describeMcpTarget('hello')).toEqual({});
  });
});
