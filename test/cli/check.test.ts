import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { expectOneLineOnStderr, runCli, snapshot } from '../support/run-cli.ts';

const FIXTURES = 'test/fixtures/cli';

interface JsonOutput {
  verdict: string;
  matches: Array<{ id: string; title: string; url: string; score: number; confidence: string; related: string[]; evidence: Array<Record<string, unknown>> }>;
  suggestions: Array<{ kind: string; pageId: string; title: string; diff?: string }>;
  checkNext: Array<{ pageId: string; title: string; note?: string; command?: string }>;
  nextSteps: string[];
}

describe('mcpfix check', { timeout: 30_000 }, () => {
  test('an unknown flag is a usage error: exit 2 and one line naming the flag', async () => {
    const run = await runCli(['check', '--colour', `${FIXTURES}/unrelated-prose.txt`]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('unknown flag --colour');
    expectOneLineOnStderr(run);
    await snapshot(run, 'check-unknown-flag');
  });

  test('a file that does not exist is a usage error naming the file', async () => {
    const run = await runCli(['check', `${FIXTURES}/no-such-paste.txt`]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no-such-paste.txt: no such file');
    expectOneLineOnStderr(run);
    await snapshot(run, 'check-missing-file');
  });

  test('a directory given as the paste is a usage error', async () => {
    const run = await runCli(['check', FIXTURES]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('is a directory');
    expectOneLineOnStderr(run);
  });

  test('a --config file that does not exist is a usage error', async () => {
    const run = await runCli(['check', `${FIXTURES}/oauth2-server-500.curl.txt`, '--config', `${FIXTURES}/nope.yaml`]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('cannot read --config');
    expectOneLineOnStderr(run);
  });

  test('a blank paste and an empty stdin are usage errors, not a silent empty answer', async () => {
    const fromFile = await runCli(['check', `${FIXTURES}/blank.txt`]);
    expect(fromFile.code).toBe(2);
    expect(fromFile.stderr).toContain('the paste is empty');
    expectOneLineOnStderr(fromFile);
    const fromStdin = await runCli(['check'], { stdin: '' });
    expect(fromStdin.code).toBe(2);
    expect(fromStdin.stderr).toContain('the paste is empty (stdin)');
    await snapshot(fromStdin, 'check-empty-stdin');
  });

  test('mcpfix with no command, or an unknown one, is a usage error', async () => {
    const none = await runCli([]);
    expect(none.code).toBe(2);
    expectOneLineOnStderr(none);
    const unknown = await runCli(['diagnose']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "diagnose"');
  });

  test('--help prints the usage and exits 0', async () => {
    const run = await runCli(['check', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: mcpfix check [FILE|-]');
    await snapshot(run, 'check-help');
  });

  test('a curl -si paste of the gateway challenge matches its page with confidence and exits 0', async () => {
    const run = await runCli(['check', `${FIXTURES}/gateway-401-authentication-required.curl.txt`]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('https://mcpfix.dev/errors/gateway-401-authentication-required/#sig-');
    expect(run.stdout).toMatch(/^1\. .+\n {3}https:\/\/mcpfix\.dev\/errors\/gateway-401-authentication-required\//m);
    expect(run.stdout).toContain('Very likely: a whole signature matched');
    expect(run.stdout).not.toMatch(/score|\/[^/\s]*[\\(|][^/\s]*\//);
    expect(run.stdout).toMatch(/paste:\d+/);
    expect(run.stderr).toBe('');
    // The change comes under "Suggested change", the look-up under "Check next", after it.
    const changes = run.stdout.indexOf('Suggested change:');
    const checks = run.stdout.indexOf('Check next (changes nothing; tells you more):');
    expect(changes).toBeGreaterThan(0);
    expect(checks).toBeGreaterThan(changes);
    expect(run.stdout.slice(changes, checks)).not.toContain('/key/info');
    expect(run.stdout.slice(checks)).toContain('Check that the key you send is live with /key/info');
    await snapshot(run, 'check-matching-curl');
  });

  test('unrelated prose matches nothing confidently and exits 1', async () => {
    const run = await runCli(['check', `${FIXTURES}/unrelated-prose.txt`]);
    expect(run.code).toBe(1);
    expect(run.stdout).not.toContain('Matched:');
    expect(run.stderr).toBe('');
    await snapshot(run, 'check-unrelated-prose');
  });

  test('--json prints matches, suggestions and the verdict in the documented shape', async () => {
    const run = await runCli(['check', '--json', `${FIXTURES}/gateway-401-authentication-required.curl.txt`]);
    expect(run.code).toBe(0);
    const output = JSON.parse(run.stdout) as JsonOutput;
    expect(output.verdict).toBe('confident');
    const top = output.matches[0];
    expect(top).toBeDefined();
    expect(Object.keys(top ?? {}).sort()).toEqual(['confidence', 'evidence', 'id', 'related', 'score', 'title', 'url']);
    expect(top?.id).toBe('gateway-401-authentication-required');
    expect(top?.url).toMatch(/^https:\/\/mcpfix\.dev\/errors\/gateway-401-authentication-required\/#sig-[a-z0-9-]+$/);
    expect(top?.evidence.length).toBeGreaterThan(0);
    expect(top?.evidence[0]).toEqual(expect.objectContaining({ input: 'paste', line: expect.any(Number), excerpt: expect.any(String), says: expect.any(String) }));
    expect(Array.isArray(output.suggestions)).toBe(true);
    expect(output.suggestions.every((s) => s.pageId === 'gateway-401-authentication-required')).toBe(true);
    // The investigation step is listed apart, never among the changes.
    expect(output.checkNext.map((step) => step.title)).toEqual(['Check that the key you send is live with /key/info']);
    expect(output.suggestions.map((s) => s.title)).not.toContain('Check that the key you send is live with /key/info');
    await snapshot(run, 'check-json');
  });

  test('a config shape twelve pages share lists them all as possible, each with what tells it apart, in text, --json and --markdown', async () => {
    const paste = `${FIXTURES}/dcr-bridge-server.config.yaml`;
    const json = await runCli(['check', '--json', paste]);
    expect(json.code).toBe(1);
    const output = JSON.parse(json.stdout) as JsonOutput & { configShape: { shape: string; size: number; pages: string[] } | null };
    expect(output.verdict).toBe('unsure');
    expect(output.configShape?.shape).toContain('dcr_bridge: true');
    expect(output.configShape?.pages).toEqual(expect.arrayContaining(['dcr-bridge-token-mint-failed', 'dcr-bridge-refresh-rejected', 'dcr-bridge-atlassian-client-not-recognized']));
    expect(output.configShape?.size).toBe(output.configShape?.pages.length);
    const ids = output.matches.map((match) => match.id);
    for (const id of output.configShape?.pages ?? []) expect(ids).toContain(id);
    expect(output.matches.every((match) => match.confidence !== 'high')).toBe(true);
    const shaped = output.matches.filter((match) => output.configShape?.pages.includes(match.id)) as Array<{ tellApart?: string }>;
    expect(shaped.every((match) => match.tellApart?.startsWith('It is this page if you see “'))).toBe(true);

    const text = await runCli(['check', paste]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(`${output.configShape?.size} pages share this config shape (`);
    expect(text.stdout.match(/tells it apart: It is this page if you see/g)?.length ?? 0).toBeGreaterThanOrEqual(shaped.length);
    for (const id of output.configShape?.pages ?? []) expect(text.stdout).toContain(`/errors/${id}/`);

    const markdown = await runCli(['check', '--markdown', paste]);
    expect(markdown.stdout).toContain(`${output.configShape?.size} pages share this config shape (`);
    for (const id of output.configShape?.pages ?? []) expect(markdown.stdout).toContain(`/errors/${id}/`);
    await snapshot(text, 'check-config-shape');
  });

  // Issue 11: the stdio page's config facts are alternatives (an any-of group): a server missing
  // either key reaches it, and the answer quotes the key this config lacks.
  test('a stdio server with command but no args, or args but no command, reaches the stdio page, naming what is missing', async () => {
    for (const [file, missing] of [
      ['config-stdio-server-without-args.yaml', 'args'],
      ['config-stdio-server-without-command.yaml', 'command'],
    ] as const) {
      const run = await runCli(['check', '--json', `test/fixtures/pastes/${file}`]);
      expect(run.code, file).toBe(1);
      const output = JSON.parse(run.stdout) as JsonOutput & { configShape: { shape: string; pages: string[] } | null; lint: Array<{ path: string }> };
      expect(output.matches[0]?.id, file).toBe('stdio-server-missing-command-or-args');
      expect(output.matches[0]?.confidence, file).toBe('low');
      expect(output.configShape?.pages, file).toContain('stdio-server-missing-command-or-args');
      expect(output.matches[0]?.evidence.map((evidence) => evidence['says']).join(' '), file).toContain(`Seen: in the \`mcp_servers\` entry \`filesystem\`, \`${missing}\` is not set`);
      expect(output.lint.map((finding) => finding.path), file).toContain(`mcp_servers.filesystem.${missing}`);
    }
  });

  test('--config turns the fix into a unified diff of the given config, comments kept', async () => {
    const run = await runCli(['check', `${FIXTURES}/oauth2-server-500.curl.txt`, '--config', `${FIXTURES}/oauth2-server.config.yaml`, '--json']);
    expect(run.code).toBe(0);
    const output = JSON.parse(run.stdout) as JsonOutput;
    expect(output.matches[0]?.id).toBe('oauth2-interactive-500-instead-of-401');
    const diff = output.suggestions.find((s) => s.kind === 'config-diff');
    expect(diff?.diff).toContain('+    delegate_auth_to_upstream: true');
    // The user's own lines come back as written: quotes and the comment inside the entry.
    expect(diff?.diff).toContain('     # the gateway runs the PKCE sign-in itself');
    expect(diff?.diff).toContain('     token_url: "https://login.acme.test/oauth2/token"');
    const text = await runCli(['check', `${FIXTURES}/oauth2-server-500.curl.txt`, '--config', `${FIXTURES}/oauth2-server.config.yaml`]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('+    delegate_auth_to_upstream: true');
    expect(text.stdout).toMatch(/config:\d+/);
    await snapshot(text, 'check-config-diff');
  });

  test('a paste piped on stdin is read like a file, with or without "-"', async () => {
    const paste = readFileSync(`${FIXTURES}/gateway-401-authentication-required.curl.txt`, 'utf8');
    const implicit = await runCli(['check'], { stdin: paste });
    const dash = await runCli(['check', '-'], { stdin: paste });
    const fromFile = await runCli(['check', `${FIXTURES}/gateway-401-authentication-required.curl.txt`]);
    expect(implicit.code).toBe(0);
    expect(implicit.stdout).toBe(fromFile.stdout);
    expect(dash.stdout).toBe(fromFile.stdout);
    await snapshot(implicit, 'check-stdin');
  });

  test('a GitHub issue body (Markdown with code fences) is a valid paste and finds its page', async () => {
    const run = await runCli(['check', `${FIXTURES}/github-issue-body.md`]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('https://mcpfix.dev/errors/oauth2-interactive-500-instead-of-401/');
    await snapshot(run, 'check-github-issue');
  });

  test('keys and tokens in the paste never reach the output unmasked, in text or JSON', async () => {
    const secrets = ['sk-acme-7f00d2c94b1e5a66', 'sk-acme-0a1b2c3d4e5f9999'];
    for (const args of [
      ['check', `${FIXTURES}/oauth2-server-500.curl.txt`, '--config', `${FIXTURES}/oauth2-server.config.yaml`],
      ['check', `${FIXTURES}/oauth2-server-500.curl.txt`, '--json'],
      ['check', `${FIXTURES}/github-issue-body.md`, '--json'],
      ['check', `${FIXTURES}/github-issue-body.md`, '--markdown'],
      ['check', `${FIXTURES}/oauth2-server-500.curl.txt`, '--config', `${FIXTURES}/oauth2-server.config.yaml`, '--markdown'],
    ]) {
      const run = await runCli(args);
      for (const secret of secrets) expect(run.stdout + run.stderr).not.toContain(secret);
    }
  });

  test("the page's own words print whole while the paste's secrets stay masked, in text, JSON and Markdown", async () => {
    // The masking rules are for pastes: on our prose they misfire (`Authorization: hook_extra_headers
    // warnings, …` read as a header, `upstream token: follow` as a token), so page text gets only the
    // run's known secrets masked.
    const cases = [
      {
        args: ['check', `${FIXTURES}/jwt-signer-overwrite.txt`, '--config', `${FIXTURES}/jwt-signer-overwrite.config.yaml`],
        own: "MCPJWTSigner guardrail overwrites the server's Authorization: hook_extra_headers warnings, tool calls rejected",
        secrets: ['jira-svc-0b1c2d3e4f'],
      },
      {
        args: ['check', `${FIXTURES}/passthrough-expired-token.txt`, '--config', `${FIXTURES}/passthrough-expired-token.config.yaml`],
        own: 'the client owns the upstream token: follow the relayed `WWW-Authenticate` challenge',
        secrets: ['gho_expired7c1d', 'sk-dev-8842'],
      },
    ];
    for (const { args, own, secrets } of cases) {
      for (const format of [[], ['--json'], ['--markdown']]) {
        const run = await runCli([...args, ...format]);
        expect(run.code, `${args[1]} ${format.join(' ')}`).toBe(0);
        const printed = format[0] === '--json' ? JSON.stringify(JSON.parse(run.stdout)) : run.stdout;
        expect(printed, `${args[1]} ${format.join(' ')}`).toContain(format[0] === '--json' ? JSON.stringify(own).slice(1, -1) : own);
        for (const secret of secrets) expect(run.stdout + run.stderr, `${args[1]} ${format.join(' ')}`).not.toContain(secret);
      }
    }
  });

  test('--markdown prints the GitHub Markdown: page link with its signature anchor, signature, fix, versions, masked paste', async () => {
    const run = await runCli(['check', `${FIXTURES}/oauth2-server-500.curl.txt`, '--config', `${FIXTURES}/oauth2-server.config.yaml`, '--markdown']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/\[Interactive OAuth2 server[^\]]*\]\(https:\/\/mcpfix\.dev\/errors\/oauth2-interactive-500-instead-of-401\/#sig-[a-z0-9-]+\)/);
    expect(run.stdout).toContain('**Signature:** `');
    expect(run.stdout).toContain('+    delegate_auth_to_upstream: true');
    expect(run.stdout).toContain('**Affected:**');
    expect(run.stdout).toMatch(/<details><summary>[^<]*<\/summary>\n\n```text\n\$ curl -si[\s\S]*\n```\n\n<\/details>\n$/);
    expect(run.stdout).not.toMatch(/Index: |={10}|score/);
    await snapshot(run, 'check-markdown-confident');
  });

  test('--markdown lists the page\'s investigation steps under "Check next", apart from the numbered fix', async () => {
    const run = await runCli(['check', `${FIXTURES}/gateway-401-authentication-required.curl.txt`, '--markdown']);
    expect(run.code).toBe(0);
    const [fix, rest] = run.stdout.split('**Check next:**');
    expect(fix).toContain('1. Send the LiteLLM virtual key as x-litellm-api-key with a Bearer prefix');
    expect(fix).not.toContain('/key/info');
    expect(rest).toMatch(/^\n\n- Check that the key you send is live with \/key\/info: /);
    await snapshot(run, 'check-markdown-check-next');
  });

  test('--markdown on a paste no page fits says so, quotes the masked paste, and exits 1', async () => {
    const run = await runCli(['check', `${FIXTURES}/unrelated-prose.txt`, '--markdown']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('found no page for this paste');
    expect(run.stdout).toContain('quarterly planning doc');
    await snapshot(run, 'check-markdown-nothing');
  });
});
