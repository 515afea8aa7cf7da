import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startGatewayStandIn, type GatewayScenario } from '../support/gateway-stand-in.ts';
import { startMcpServer, type RunningServer } from '../support/mcp-server.ts';
import { findClosedPort, startHtmlServer, startJsonRpcErrorServer, startSilentServer, startStreamingServer } from '../support/misbehaving-servers.ts';
import { expectOneLineOnStderr, runCli, snapshot } from '../support/run-cli.ts';

const FIXTURES = 'test/fixtures/cli';
const KEY = 'sk-probe-5e7a9c1d2b3f4a1234';

interface ProbeJson {
  target: string;
  healthy: boolean;
  toolCount?: number;
  steps: Array<{ name: string; request: string; status: number | null; ok: boolean; detail: string }>;
  verdict?: string;
  matches: Array<{ id: string; url: string; confidence: string }>;
  suggestions: unknown[];
  transcript?: string;
}

async function withServer<T>(start: () => Promise<RunningServer>, use: (server: RunningServer) => Promise<T>): Promise<T> {
  const server = await start();
  try {
    return await use(server);
  } finally {
    await server.close();
  }
}

describe('mcpfix probe against a real MCP server', { timeout: 30_000 }, () => {
  let open: RunningServer;
  let locked: RunningServer;
  beforeAll(async () => {
    open = await startMcpServer();
    locked = await startMcpServer({ bearerToken: 'upstream-token-0042' });
  });
  afterAll(async () => {
    await open.close();
    await locked.close();
  });

  test('an SDK server over streamable HTTP is reported healthy with its tool count, exit 0', async () => {
    const run = await runCli(['probe', `${open.origin}/mcp`, '--key', KEY]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('✓ initialize');
    expect(run.stdout).toContain('✓ notifications/initialized');
    expect(run.stdout).toContain('✓ tools/list');
    expect(run.stdout).toContain('2 tools: echo, add');
    expect(run.stdout).toMatch(/^healthy: 2 tools$/m);
    expect(run.stderr).toBe('');
    await snapshot(run, 'probe-healthy');
  });

  test('--json gives every step with name, request, status, ok and detail', async () => {
    const run = await runCli(['probe', `${open.origin}/mcp`, '--key', KEY, '--json']);
    expect(run.code).toBe(0);
    const output = JSON.parse(run.stdout) as ProbeJson;
    expect(output.healthy).toBe(true);
    expect(output.toolCount).toBe(2);
    expect(output.steps.map((step) => step.name)).toEqual(['initialize', 'notifications/initialized', 'tools/list']);
    for (const step of output.steps) expect(Object.keys(step).sort()).toEqual(['detail', 'name', 'ok', 'request', 'status']);
    expect(output.steps.map((step) => step.status)).toEqual([200, 202, 200]);
    expect(output.steps[0]?.request).toBe('POST /mcp');
    expect(Array.isArray(output.matches)).toBe(true);
    expect(Array.isArray(output.suggestions)).toBe(true);
  });

  test('the same server behind a bearer token: the 401 challenge and its discovery documents are reported, exit 1', async () => {
    const run = await runCli(['probe', `${locked.origin}/mcp`, '--key', KEY]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/✗ initialize .*401 Unauthorized/);
    expect(run.stdout).toContain('WWW-Authenticate: Bearer error="invalid_token", resource_metadata=');
    expect(run.stdout).toMatch(/✓ oauth-protected-resource .*200 OK/);
    expect(run.stdout).toMatch(/✓ oauth-authorization-server .*200 OK/);
    expect(run.stdout).toContain('problem found at initialize');
    expect(run.stdout).not.toContain('healthy:');
    await snapshot(run, 'probe-bearer-required');
  });

  test('with the right token in --header the protected server is healthy', async () => {
    const run = await runCli(['probe', `${locked.origin}/mcp`, '--key', KEY, '--header', 'Authorization: Bearer upstream-token-0042']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('healthy: 2 tools');
    expect(run.stdout + run.stderr).not.toContain('upstream-token-0042');
  });

  test('the key never reaches the output unmasked, from --key or from LITELLM_API_KEY', async () => {
    const fromFlag = await runCli(['probe', `${locked.origin}/mcp`, '--key', KEY, '--json']);
    const fromEnv = await runCli(['probe', `${locked.origin}/mcp`, '--json'], { env: { LITELLM_API_KEY: KEY } });
    for (const run of [fromFlag, fromEnv]) {
      expect(run.stdout + run.stderr).not.toContain(KEY);
      const output = JSON.parse(run.stdout) as ProbeJson;
      // The key was sent (masked in the transcript), so the masking is what kept it out.
      expect(output.transcript).toMatch(/x-litellm-api-key: .*\*{4}1234'/);
    }
  });
});

describe('mcpfix probe diagnoses the documented faulty gateway answers', { timeout: 30_000 }, () => {
  const cases: Array<{ scenario: GatewayScenario; page: string; args: string[]; firstFailure: string }> = [
    {
      scenario: 'upstream-401-as-empty-tools',
      page: 'upstream-401-returned-as-empty-tools',
      args: ['--key', KEY, '--header', 'Authorization: Bearer gho_expired0000000000000042', '--config', `${FIXTURES}/token-forwarding.config.yaml`],
      firstFailure: 'tools/list',
    },
    {
      scenario: 'oauth2-500-without-challenge',
      page: 'oauth2-interactive-500-instead-of-401',
      args: ['--key', KEY, '--config', `${FIXTURES}/oauth2-gateway.config.yaml`],
      firstFailure: 'initialize',
    },
    {
      scenario: 'internal-issuer-origin',
      page: 'well-known-issuer-shows-internal-origin',
      args: ['--key', KEY],
      firstFailure: 'initialize',
    },
    {
      scenario: 'litellm-key-as-upstream-token',
      page: 'litellm-key-forwarded-as-upstream-token',
      args: ['--header', `Authorization: Bearer ${KEY}`],
      firstFailure: 'tools/list',
    },
  ];

  for (const { scenario, page, args, firstFailure } of cases) {
    test(`the ${scenario} answer is diagnosed as ${page}, exit 1`, async () => {
      await withServer(
        () => startGatewayStandIn(scenario),
        async (gateway) => {
          const run = await runCli(['probe', `${gateway.origin}/github/mcp`, ...args]);
          expect(run.code).toBe(1);
          expect(run.stdout).toContain(`✗ ${firstFailure}`);
          expect(run.stdout).toMatch(new RegExp(`^1\\. .+\\n {3}https://mcpfix\\.dev/errors/${page}/`, 'm'));
          expect(run.stdout + run.stderr).not.toContain(KEY);
          await snapshot(run, `probe-gateway-${scenario}`);

          const json = JSON.parse((await runCli(['probe', `${gateway.origin}/github/mcp`, ...args, '--json'])).stdout) as ProbeJson;
          expect(json.healthy).toBe(false);
          expect(json.matches[0]?.id).toBe(page);
        },
      );
    });
  }

  test('an empty tool list is a finding, not health', async () => {
    await withServer(
      () => startGatewayStandIn('upstream-401-as-empty-tools'),
      async (gateway) => {
        const run = await runCli(['probe', `${gateway.origin}/github/mcp`, '--key', KEY]);
        expect(run.code).toBe(1);
        expect(run.stdout).toContain('0 tools: an empty list is a finding, not health');
        expect(run.stdout).not.toContain('healthy:');
      },
    );
  });

  test('the internal-origin scenario names every URL on the wrong origin', async () => {
    await withServer(
      () => startGatewayStandIn('internal-issuer-origin'),
      async (gateway) => {
        const run = await runCli(['probe', `${gateway.origin}/github/mcp`, '--key', KEY, '--json']);
        const output = JSON.parse(run.stdout) as ProbeJson;
        const server = output.steps.find((step) => step.name === 'oauth-authorization-server');
        expect(server?.ok).toBe(false);
        expect(server?.detail).toContain(`issuer uses http://litellm:4000, not the origin you called (${gateway.origin})`);
        expect(server?.detail).toContain('token_endpoint uses http://litellm:4000');
        expect(output.transcript).toContain(`mcpfix probe: issuer http://litellm:4000 does not match the origin you called: expected ${gateway.origin}, got http://litellm:4000`);
      },
    );
  });

  test('--server with the proxy root probes /<server>/mcp', async () => {
    await withServer(
      () => startGatewayStandIn('oauth2-500-without-challenge'),
      async (gateway) => {
        const run = await runCli(['probe', gateway.origin, '--server', 'github', '--key', KEY, '--json']);
        const output = JSON.parse(run.stdout) as ProbeJson;
        expect(output.target).toBe(`${gateway.origin}/github/mcp`);
        expect(output.steps[0]?.request).toBe('POST /github/mcp');
      },
    );
  });

  test('probe --json matches and suggestions are exactly what check --json gives for the same transcript', async () => {
    await withServer(
      () => startGatewayStandIn('oauth2-500-without-challenge'),
      async (gateway) => {
        const config = `${FIXTURES}/oauth2-gateway.config.yaml`;
        const probe = JSON.parse((await runCli(['probe', `${gateway.origin}/github/mcp`, '--key', KEY, '--config', config, '--json'])).stdout) as ProbeJson;
        const folder = mkdtempSync(join(tmpdir(), 'mcpfix-transcript-'));
        try {
          const file = join(folder, 'transcript.txt');
          writeFileSync(file, probe.transcript ?? '');
          const check = JSON.parse((await runCli(['check', file, '--config', config, '--json'])).stdout) as ProbeJson;
          expect(probe.matches.length, JSON.stringify(probe).slice(0, 3000)).toBeGreaterThan(0);
          expect(probe.matches).toEqual(check.matches);
          expect(probe.suggestions).toEqual(check.suggestions);
          expect(probe.verdict).toBe(check.verdict);
        } finally {
          rmSync(folder, { recursive: true, force: true });
        }
      },
    );
  });
});

describe('mcpfix probe when the answer is not an MCP answer, or never comes', { timeout: 30_000 }, () => {
  test('a refused port: exit 3 and one line saying the connection was refused', async () => {
    const port = await findClosedPort();
    const run = await runCli(['probe', `http://127.0.0.1:${port}/github/mcp`, '--key', KEY]);
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('connection refused');
    expectOneLineOnStderr(run);
    await snapshot(run, 'probe-refused');
  });

  test('a server that never answers: exit 3 and one line saying it timed out', async () => {
    await withServer(startSilentServer, async (server) => {
      const run = await runCli(['probe', `${server.origin}/mcp`, '--timeout', '1s']);
      expect(run.code).toBe(3);
      expect(run.stderr).toContain('timed out after 1s waiting for an answer');
      expectOneLineOnStderr(run);
      await snapshot(run, 'probe-timeout');
    });
  });

  test('https:// to a plain-HTTP port: exit 3 and one line saying TLS failed', async () => {
    await withServer(startHtmlServer, async (server) => {
      const run = await runCli(['probe', `${server.origin.replace('http:', 'https:')}/mcp`]);
      expect(run.code).toBe(3);
      expect(run.stderr).toMatch(/TLS handshake with 127\.0\.0\.1:\d+ failed/);
      expectOneLineOnStderr(run);
      await snapshot(run, 'probe-tls-to-plain-http');
    });
  });

  test('--json still describes an unreachable gateway, with exit 3', async () => {
    const port = await findClosedPort();
    const run = await runCli(['probe', `http://127.0.0.1:${port}/mcp`, '--json']);
    expect(run.code).toBe(3);
    const output = JSON.parse(run.stdout) as ProbeJson & { unreachable: { kind: string } };
    expect(output.unreachable.kind).toBe('refused');
    expect(output.steps[0]).toEqual(expect.objectContaining({ name: 'initialize', status: null, ok: false }));
    expectOneLineOnStderr(run);
  });

  test('a web server that is not an MCP endpoint (HTML 404): exit 1, and the step says so', async () => {
    await withServer(startHtmlServer, async (server) => {
      const run = await runCli(['probe', `${server.origin}/github/mcp`, '--key', KEY]);
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/✗ initialize .*404 Not Found/);
      expect(run.stdout).toContain('answered an HTML page, not JSON-RPC');
      await snapshot(run, 'probe-html-404');
    });
  });

  test('a JSON-RPC error to initialize is shown with its code and message: exit 1', async () => {
    await withServer(startJsonRpcErrorServer, async (server) => {
      const run = await runCli(['probe', `${server.origin}/mcp`, '--json']);
      expect(run.code).toBe(1);
      const output = JSON.parse(run.stdout) as ProbeJson;
      expect(output.steps).toEqual([
        { name: 'initialize', request: 'POST /mcp', status: 200, ok: false, detail: 'JSON-RPC error -32602: Unsupported protocol version' },
      ]);
    });
  });

  test('an event stream that stays open after the response does not hold the probe', async () => {
    await withServer(
      () => startStreamingServer('answer-then-linger'),
      async (server) => {
        // The timeout is longer than the kill switch: only reading up to the response can finish in time.
        const run = await runCli(['probe', `${server.origin}/mcp`, '--timeout', '60s'], { killAfterMs: 15_000 });
        expect(run.code).toBe(0);
        expect(run.stdout).toContain('healthy: 1 tool');
      },
    );
  });

  test('an event stream that never sends the response is cut at the timeout: exit 1 with the reason', async () => {
    await withServer(
      () => startStreamingServer('ping-forever'),
      async (server) => {
        const run = await runCli(['probe', `${server.origin}/mcp`, '--timeout', '1s']);
        expect(run.code).toBe(1);
        expect(run.stdout).toContain('the event stream stayed open without the JSON-RPC response to id 1');
        await snapshot(run, 'probe-sse-forever');
      },
    );
  });

  test('an event stream that floods without the response is cut at the byte cap', async () => {
    await withServer(
      () => startStreamingServer('flood'),
      async (server) => {
        const run = await runCli(['probe', `${server.origin}/mcp`, '--timeout', '60s'], { killAfterMs: 15_000 });
        expect(run.code).toBe(1);
        expect(run.stdout).toContain('the event stream sent 1048576 bytes without the JSON-RPC response to id 1; stopped reading');
      },
    );
  });
});

describe('mcpfix probe usage errors', { timeout: 30_000 }, () => {
  const cases: Array<{ name: string; what: string; args: string[]; reason: string }> = [
    { name: 'probe-bad-timeout', what: 'a --timeout that is not a duration', args: ['probe', 'http://127.0.0.1:9/mcp', '--timeout', 'soon'], reason: '--timeout: expected a duration such as 10s, 500ms or 1m, got "soon"' },
    { name: 'probe-bad-header', what: 'a --header without a colon', args: ['probe', 'http://127.0.0.1:9/mcp', '--header', 'no colon here'], reason: "--header: expected 'Name: value'" },
    { name: 'probe-missing-url', what: 'no URL', args: ['probe', '--key', 'sk-x'], reason: 'missing URL' },
    { name: 'probe-not-http', what: 'an ftp:// URL', args: ['probe', 'ftp://127.0.0.1/mcp'], reason: 'only http:// and https:// URLs can be probed' },
    { name: 'probe-unknown-flag', what: 'an unknown flag', args: ['probe', 'http://127.0.0.1:9/mcp', '--insecure'], reason: 'unknown flag --insecure' },
    { name: 'probe-missing-config', what: 'a --config file that does not exist', args: ['probe', 'http://127.0.0.1:9/mcp', '--config', 'nope.yaml'], reason: 'cannot read --config nope.yaml: no such file' },
  ];
  for (const { name, what, args, reason } of cases) {
    test(`${what} is a usage error: exit 2 and one line saying why`, async () => {
      const run = await runCli(args);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(reason);
      expectOneLineOnStderr(run);
      await snapshot(run, name);
    });
  }
});
