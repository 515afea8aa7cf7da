import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findSecrets, isSensitiveKey, maskKnownSecrets, maskSecrets, redactText } from '../../src/engine/redact.ts';

describe('redactText masks secrets and keeps the last 4 characters', () => {
  const cases: Array<[string, string, string]> = [
    ['a LiteLLM virtual key', 'x-litellm-api-key: sk-Xq3bT9vLm2Rk8sWp4Yz7Na', 'x-litellm-api-key: sk-****z7Na'],
    ['a LiteLLM key after Bearer in a curl header', `-H "x-litellm-api-key: Bearer sk-Xq3bT9vLm2Rk8sWp4Yz7Na"`, `-H "x-litellm-api-key: Bearer sk-****z7Na"`],
    ['a short master key, masked whole', 'LITELLM_MASTER_KEY=sk-1234', 'LITELLM_MASTER_KEY=sk-****'],
    ['an OpenAI project key in prose', 'my key sk-proj-abcDEF1234567890ghijKLMN leaked', 'my key sk-****KLMN leaked'],
    ['a bearer token', 'Authorization: Bearer 0b8f3c2d9e7a41f6b5c4d3e2f1a0b9c8', 'Authorization: Bearer ****b9c8'],
    ['a JWT', 'token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dBjftJeZ4CVPmB92K27uhbUJU1p1r_wW1gFWFOEjXk', 'token eyJ****EjXk'],
    ['a JWT as a bearer', 'authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlMTIzNA', 'authorization: Bearer eyJ****IzNA'],
    ['a GitHub OAuth token', 'Authorization: token gho_fAkEt0kEn0nlyF0rTest1ngPurp0ses00', 'Authorization: token gho_****es00'],
    ['a GitHub classic PAT in an env line', 'GITHUB_PERSONAL_ACCESS_TOKEN=ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789', 'GITHUB_PERSONAL_ACCESS_TOKEN=ghp_****6789'],
    ['a fine-grained GitHub PAT', 'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz', 'github_pat_****wxyz'],
    ['a Slack bot token', 'SLACK_BOT_TOKEN: xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOp', 'SLACK_BOT_TOKEN: xoxb-****MnOp'],
    ['an AWS access key id', 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE', 'aws_access_key_id = AKIA****MPLE'],
    ['an AWS secret by its key name', 'aws_secret_access_key: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'aws_secret_access_key: ****EKEY'],
    ['a URL password', 'DATABASE_URL=postgresql://litellm:Sup3rS3cretPassw0rd@db:5432/litellm', 'DATABASE_URL=postgresql://litellm:****w0rd@db:5432/litellm'],
    ['a short URL password', 'redis://default:hunter2@cache:6379', 'redis://default:****@cache:6379'],
    ['a YAML client_secret', '    client_secret: "GOCSPX-abcdefghijklmnop1234"', '    client_secret: "****1234"'],
    ['a YAML authentication_token', '    authentication_token: ghs_abc', '    authentication_token: ****'],
    ['a YAML api_key unquoted with a comment', '      api_key: abcdef0123456789abcd # prod', '      api_key: ****abcd # prod'],
    ['a JSON api_key', '{"api_key": "abcdef0123456789abcd", "tools": []}', '{"api_key": "****abcd", "tools": []}'],
    ['a query-string token', 'GET /callback?code=abc&access_token=ya29.a0AfH6SMBx1234567890&state=xyz', 'GET /callback?code=abc&access_token=****7890&state=xyz'],
    ['a form body secret', `-d 'grant_type=client_credentials&client_secret=s3cr3t-value-123456&client_id=app'`, `-d 'grant_type=client_credentials&client_secret=****3456&client_id=app'`],
    ['an x-api-key header', 'x-api-key: 9f86d081884c7d659a2feaa0c55ad015', 'x-api-key: ****d015'],
    ['an api-key header', 'api-key: 0123456789abcdef0123', 'api-key: ****0123'],
    ['a per-server MCP authorization header', 'x-mcp-github-authorization: Bearer ghu_0123456789abcdefghij', 'x-mcp-github-authorization: Bearer ghu_****ghij'],
    ['a Cookie header, each value', 'Cookie: litellm_session=abcdef0123456789abcdef; theme=dark', 'Cookie: litellm_session=****cdef; theme=****'],
    ['a Set-Cookie header, attributes kept', 'set-cookie: token=abcdefghijklmnop1234; Path=/; HttpOnly; Secure', 'set-cookie: token=****1234; Path=/; HttpOnly; Secure'],
    ['a password in YAML', '  password: correct-horse-battery-staple', '  password: ****aple'],
    ['a Basic credential', 'Authorization: Basic dXNlcjpwYXNzd29yZDEyMzQ=', 'Authorization: Basic ****NA=='.replace('****NA==', '****MzQ=')],
  ];
  for (const [what, input, expected] of cases) {
    it(`masks ${what}`, () => {
      expect(redactText(input)).toBe(expected);
    });
  }
});

describe('redactText masks a numeric secret long enough to be one', () => {
  it('masks a six-digit password', () => {
    expect(redactText('password: 12345678')).toBe('password: ****');
  });
});

describe('redactText leaves what is not secret alone', () => {
  const untouched = [
    ['LiteLLM masked debug values', 'x-mcp-debug-inbound-auth: x-litellm-api-key=Bearer****1234; authorization=Bearer****ef01'],
    ['the SAME_AS_LITELLM_KEY marker', 'x-mcp-debug-oauth2-token: Bearer****1234 (SAME_AS_LITELLM_KEY - likely misconfigured)'],
    ['a debug header that says none', 'x-mcp-debug-oauth2-token: (none)'],
    ['a status line', 'HTTP/1.1 401 Unauthorized'],
    ['a WWW-Authenticate challenge', 'www-authenticate: Bearer error="invalid_token", resource_metadata="https://llm.example.com/.well-known/oauth-protected-resource/mcp"'],
    ['server names and config keys', '  github:\n    url: https://api.githubcopilot.com/mcp\n    auth_type: oauth2\n    extra_headers: [Authorization]\n    token_url: https://github.com/login/oauth/access_token'],
    ['env references and placeholders', 'master_key: os.environ/LITELLM_MASTER_KEY\napi_key: $OPENAI_API_KEY\n-H "x-litellm-api-key: Bearer $LITELLM_KEY"\nclient_id: "<google-oauth-client-id>"\nclient_secret: "<google-oauth-client-secret>"'],
    ['a doc placeholder key', '-H "x-litellm-api-key: Bearer sk-your-valid-key"'],
    ['a JSON-RPC error with a code', '{"jsonrpc":"2.0","id":1,"error":{"code":-32600,"message":"Invalid Request"}}'],
    ['prose about tokens', 'The Bearer token expired and the gateway answered with an authentication error.'],
    ['words that contain sk-', 'task-management-service and desk-top-app'],
    ['a traceback frame', '  File "/app/litellm/proxy/auth/user_api_key_auth.py", line 1675, in _user_api_key_auth_builder'],
    ['max_tokens and token counts', 'max_tokens: 4096\ntotal_tokens=1234'],
    ['an already masked key', 'x-litellm-api-key: sk-****z7Na'],
    ['an elided key in documentation', 'send it as x-litellm-api-key: sk-… (no Bearer) or Authorization: Bearer gho_...'],
    ['status codes after a secret-sounding word in prose', 'Upstream rejects the forwarded or stored credential: 401/403 relayed'],
    ['a state word after a secret-sounding word (a page title)', '401 Invalid or expired credential: invalid or expired, token: missing'],
    ['a JSON key quoted after a header name (a signature on a page)', 'with x-litellm-api-key: "tools": [] (200); without it: all tools'],
    ['the OAuth flow an oauth2 server must name', 'mcp_servers:\n  jira:\n    auth_type: oauth2\n    oauth2_flow: authorization_code'],
  ];
  for (const [what, text] of untouched) {
    it(`keeps ${what}`, () => {
      expect(redactText(text as string)).toBe(text);
    });
  }

  // Found secrets are masked everywhere in the output: a grant name taken for one masked page ids
  // such as oauth-authorization-url-not-set in --json and the text output.
  it('finds no secret in an oauth2_flow, so page ids and titles that share its words stay whole', () => {
    const config = 'mcp_servers:\n  jira:\n    auth_type: oauth2\n    oauth2_flow: authorization_code\n    client_secret: 9fQz2LkP0aXv7Rt3\n';
    expect(findSecrets(config)).toEqual(['9fQz2LkP0aXv7Rt3']);
    const out = 'https://mcpfix.dev/errors/oauth-authorization-url-not-set/ MCP server authorization url is not set';
    expect(maskSecrets(out, { extraSecrets: findSecrets(config) })).toBe(out);
  });

  it('keeps a JSON document valid and its structure equal outside the masked values', () => {
    const json = JSON.stringify({ mcpServers: { litellm: { url: 'http://localhost:4000/mcp', headers: { 'x-litellm-api-key': 'Bearer sk-Xq3bT9vLm2Rk8sWp4Yz7Na', Authorization: 'Bearer abcdefghijklmnopqrstuvwxyz012345' } } } }, null, 2);
    const redacted = JSON.parse(redactText(json)) as { mcpServers: { litellm: { url: string; headers: Record<string, string> } } };
    expect(redacted.mcpServers.litellm.url).toBe('http://localhost:4000/mcp');
    expect(redacted.mcpServers.litellm.headers).toEqual({ 'x-litellm-api-key': 'Bearer sk-****z7Na', Authorization: 'Bearer ****2345' });
  });

  it('returns an empty string for empty input and keeps line structure', () => {
    expect(redactText('')).toBe('');
    expect(redactText('a\n\nb\r\nc')).toBe('a\n\nb\r\nc');
  });
});

describe('redactText properties', () => {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const secretBody = fc
    .tuple(fc.string({ unit: fc.constantFrom(...alphabet), minLength: 15, maxLength: 40 }), fc.integer({ min: 0, max: 9 }))
    .map(([body, digit]) => `${body}${digit}`);
  const contexts: Array<(secret: string) => string> = [
    (secret) => `x-litellm-api-key: sk-${secret}`,
    (secret) => `Authorization: Bearer ${secret}`,
    (secret) => `curl -H 'Authorization: Bearer ${secret}' http://localhost:4000/mcp`,
    (secret) => `{"api_key": "${secret}"}`,
    (secret) => `    client_secret: ${secret}`,
    (secret) => `    authentication_token: "${secret}"`,
    (secret) => `postgres://user:${secret}@db:5432/x`,
    (secret) => `https://host/cb?access_token=${secret}&state=1`,
    (secret) => `eyJ${secret}.eyJ${secret}.${secret}`,
    (secret) => `GITHUB_TOKEN=ghp_${secret}`,
    (secret) => `Cookie: session=${secret}`,
    (secret) => `x-api-key: ${secret}`,
    (secret) => `password=${secret}`,
  ];

  it('never lets a generated secret survive, in any of the shapes secrets take', () => {
    fc.assert(
      fc.property(secretBody, fc.integer({ min: 0, max: contexts.length - 1 }), fc.string({ maxLength: 30 }), (secret, which, noise) => {
        const context = contexts[which] as (secret: string) => string;
        const text = `${noise.replace(/[\n\r]/g, ' ')}\n${context(secret)}\nafter`;
        const redacted = redactText(text);
        expect(redacted).not.toContain(secret);
        expect(redacted.endsWith('\nafter')).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('is idempotent: redacting twice equals redacting once', () => {
    const line = fc.oneof(
      fc.string({ maxLength: 80 }),
      secretBody.chain((secret) => fc.constantFrom(...contexts.map((context) => context(secret)))),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 6 }), (lines) => {
        const once = redactText(lines.join('\n'));
        expect(redactText(once)).toBe(once);
      }),
      { numRuns: 1000 },
    );
  });

  // The timeout only keeps a loaded machine (2 cores, many test runs) from failing a check of behaviour.
  it('never throws and keeps the number of lines', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        // Counts compared as numbers: toHaveLength formats the whole array of odd strings on every call.
        expect(redactText(text).split('\n').length).toBe(text.split('\n').length);
      }),
      { numRuns: 500 },
    );
  });

  // Not a speed target (those live in npm run bench): the timeout only keeps a loaded machine from failing it.
  it('is linear enough to redact a 5 MB paste', { timeout: 120_000 }, () => {
    const text = `${'x-litellm-api-key: sk-Xq3bT9vLm2Rk8sWp4Yz7Na and prose words\n'.repeat(80_000)}${'a'.repeat(1_000_000)}`;
    const redacted = redactText(text);
    expect(redacted).not.toContain('sk-Xq3bT9vLm2Rk8sWp4Yz7Na');
  });
});

describe('isSensitiveKey', () => {
  it('names secret-bearing keys and headers but not their neighbours', () => {
    for (const key of ['client_secret', 'x-litellm-api-key', 'Authorization', 'GITHUB_TOKEN', 'access_token', 'LITELLM_MASTER_KEY', 'password', 'Set-Cookie', 'x-mcp-auth', 'x-mcp-jira-authorization']) {
      expect(isSensitiveKey(key)).toBe(true);
    }
    for (const key of ['token_url', 'authorization_url', 'auth_type', 'max_tokens', 'x-mcp-debug-oauth2-token', 'client_id', 'extra_headers', 'token_type']) {
      expect(isSensitiveKey(key)).toBe(false);
    }
  });
});

describe('redactText reads secrets inside a JSON string that quotes another text', () => {
  const secret = '4p1dZAvzxisB0Rzs82gFBQZzHXAZabHKSVC2x';
  it('masks a value whose key and quotes are escaped (a JSON text inside a JSON string)', () => {
    const line = `{"message":"{\\"client_id\\": \\"app\\", \\"client_secret\\": \\"${secret}\\"}"}`;
    expect(redactText(line)).not.toContain(secret);
  });

  it('masks a YAML block scalar whose line breaks are \\n escapes', () => {
    const line = `{"error":{"message":"bad config\\nclient_secret: |\\n  ${secret}\\nnext: 1"}}`;
    const masked = redactText(line);
    expect(masked).not.toContain(secret);
    expect(JSON.parse(masked).error.message).toContain('next: 1');
  });

  it('masks a token right after a \\n escape', () => {
    const token = 'PMAK-92f207a5ebf6e1c4459f4d72-5ffc86f4cf7bc7436ce5354297bd9165e4';
    expect(redactText(`{"body":"first line\\n${token}"}`)).not.toContain(token.slice(5));
  });
});

describe('maskKnownSecrets masks the secrets given and nothing else', () => {
  it('masks a known secret wherever it appears, bare, after Bearer, JSON-escaped or URL-encoded', () => {
    const secret = 'gho_live/9a8b7c"6d5e';
    const text = `send Bearer ${secret}, or ${JSON.stringify(secret)}, or ?t=${encodeURIComponent(secret)}`;
    const masked = maskKnownSecrets(text, [secret]);
    expect(masked).not.toContain('gho_live/9a8b7c');
    expect(masked).not.toContain('9a8b7c%22');
    expect(masked).toContain('send Bearer ');
  });

  it('leaves prose alone that the pattern rules would read as a credential', () => {
    for (const prose of [
      'byok_token: failed to store user credential',
      "MCPJWTSigner guardrail overwrites the server's Authorization: hook_extra_headers warnings, tool calls rejected",
      'the client owns the upstream token: follow the relayed challenge',
    ]) {
      expect(maskSecrets(prose)).not.toBe(prose);
      expect(maskKnownSecrets(prose, ['sk-unrelated-1234567'])).toBe(prose);
    }
  });
});
