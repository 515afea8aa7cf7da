import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startHostileServer } from '../support/hostile-server.ts';
import type { RunningServer } from '../support/mcp-server.ts';
import { REPO_ROOT, runCli as runCliOnce, type CliRun, type RunOptions } from '../support/run-cli.ts';

// A loaded machine (2 cores shared by many test runs) can take more than run-cli's default 30 s to
// start the CLI; a kill there would fail a behaviour test for time. Speed lives in bench:hostile.
function runCli(args: string[], options: RunOptions = {}): Promise<CliRun> {
  return runCliOnce(args, { killAfterMs: 240_000, ...options, ...(options.killAfterMs !== undefined ? { killAfterMs: Math.max(options.killAfterMs, 240_000) } : {}) });
}
import { readSecretCorpus } from '../support/secret-corpus.ts';

// Hostile inputs and servers: nothing leaks, nothing hangs. The time and memory figures of these
// cases are measured by scripts/bench-hostile.ts (npm run bench), not asserted here.

const corpus = readSecretCorpus();
const corpusText = corpus.map((entry) => entry.text).join('\n\n');

function expectNoSecret(run: CliRun): void {
  const printed = `${run.stdout}\n${run.stderr}`;
  for (const entry of corpus) expect(printed, entry.shape).not.toContain(entry.secret);
}

/** Runs a shell line from the repository root (FIFOs, endless pipes). */
function runShell(line: string): Promise<{ stdout: string; stderr: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', line], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 240_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, code });
    });
  });
}

describe('hostile input: reads stop at the limit', { timeout: 900_000 }, () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'mcpfix-hostile-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('check /dev/zero stops at 20 MB with a one-line reason, exit 2', async () => {
    const run = await runCli(['check', '/dev/zero'], { killAfterMs: 60_000 });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('mcpfix check: FILE /dev/zero is larger than 20 MB: mcpfix reads at most 20 MB and stopped there (paste only the part around the error)\n');
  });

  test('check --config /dev/zero stops at the config limit, exit 2', async () => {
    const run = await runCli(['check', '-', '--config', '/dev/zero'], { stdin: 'HTTP/1.1 401 Unauthorized\n', killAfterMs: 60_000 });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^mcpfix check: --config \/dev\/zero is larger than 512 KB: .*\n$/);
  });

  test('an endless pipe on stdin and an endless FIFO both stop at the limit, exit 2', async () => {
    const piped = await runShell(`yes 'HTTP/1.1 401 Unauthorized' | "${process.execPath}" bin/mcpfix.js check -`);
    expect(piped.code).toBe(2);
    expect(piped.stderr).toMatch(/stdin is larger than 20 MB/);
    const fifo = join(dir, 'paste.fifo');
    const viaFifo = await runShell(`mkfifo '${fifo}' && (yes 'x' > '${fifo}' 2>/dev/null &) && "${process.execPath}" bin/mcpfix.js check '${fifo}'`);
    expect(viaFifo.code).toBe(2);
    expect(viaFifo.stderr).toMatch(/is larger than 20 MB/);
  });

  test('a config with 20,000 aliases is not expanded: the note says why, and the check still answers', async () => {
    const config = join(dir, 'aliases.yaml');
    writeFileSync(config, `mcp_servers:\n  base: &b {url: http://x}\n${Array.from({ length: 20_000 }, (_, index) => `  s${index}: *b`).join('\n')}\n`);
    const run = await runCli(['check', '-', '--config', config, '--json'], { stdin: 'HTTP/1.1 401 Unauthorized\n', killAfterMs: 60_000 });
    expect(run.code).not.toBe(2);
    const notes = (JSON.parse(run.stdout) as { notes: string[] }).notes;
    expect(notes.some((note) => /more than 100 anchors and aliases/.test(note))).toBe(true);
  });

  test('repeated YAML errors are counted, not repeated', async () => {
    const paste = Array.from({ length: 400 }, (_, index) => `mcp_servers:\n  s${index}: [unclosed\nHTTP/1.1 500 Internal Server Error`).join('\n');
    const run = await runCli(['check', '-', '--json'], { stdin: paste, killAfterMs: 60_000 });
    const notes = (JSON.parse(run.stdout) as { notes: string[] }).notes;
    expect(notes.length).toBeLessThanOrEqual(3);
    expect(notes.join('\n')).toMatch(/and \d+ more like it/);
    expect(notes.join('\n')).toMatch(/Stopped reading YAML at its budget/);
  });

  test('pasted escape codes are shown escaped in text and kept exact in --json', async () => {
    // The escape codes sit on a line that is evidence for its page, so --json quotes that line exactly.
    const paste = '10:02:11 - LiteLLM:INFO: server.py:1342 - MCP list_tools - Successfully returned 0 tools \u001b]52;c;ZXZpbA==\u0007\u001b[2J\nINFO:     10.4.2.17:51820 - "POST /mcp/ HTTP/1.1" 200 OK\n';
    const text = await runCli(['check', '-'], { stdin: paste });
    expect(text.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    const json = await runCli(['check', '-', '--json'], { stdin: paste });
    expect(JSON.stringify(JSON.parse(json.stdout))).toContain('\\u001b]52');
  });

  test('the secret corpus, pasted and given as --config, leaks into no output of check (text, --json, --markdown)', async () => {
    const config = join(dir, 'corpus.yaml');
    writeFileSync(config, corpusText);
    const paste = `HTTP/1.1 401 Unauthorized\n${corpusText}\n`;
    for (const args of [
      ['check', '-'],
      ['check', '-', '--json'],
      ['check', '-', '--markdown'],
      ['check', '-', '--config', config],
      ['check', '-', '--config', config, '--json'],
      ['check', '-', '--config', config, '--markdown'],
    ]) {
      expectNoSecret(await runCli(args, { stdin: paste, killAfterMs: 60_000 }));
    }
  });
});

describe('hostile servers: the probe ends, says what happened and leaks nothing', { timeout: 900_000 }, () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startHostileServer(corpusText);
  });
  afterAll(() => server.close());

  test('a deeply nested answer gives a one-line diagnosis and exit 1, no stack trace', async () => {
    const run = await runCli(['probe', `${server.origin}/nested/mcp`]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).not.toMatch(/RangeError|Maximum call stack|at .*\.ts:\d+/);
    const initialize = run.stdout.split('\n').filter((line) => line.includes('initialize'));
    expect(initialize.length).toBeGreaterThan(0);
    for (const line of run.stdout.split('\n')) expect(line.length).toBeLessThan(400);
  });

  test('a key of any shape echoed back by the gateway is masked in text, --json and the transcript', async () => {
    const key = 'plainkey-0a9b8c7d6e5f4a3b';
    for (const json of [false, true]) {
      const run = await runCli(['probe', `${server.origin}/echo/mcp`, '--key', key, ...(json ? ['--json'] : [])]);
      expect(run.code).toBe(1);
      expect(`${run.stdout}${run.stderr}`).not.toContain(key);
      if (json) expect((JSON.parse(run.stdout) as { transcript: string }).transcript).toContain('****');
    }
  });

  test('escape codes from the server are shown escaped: no clipboard write, no screen clear, no fake line', async () => {
    const run = await runCli(['probe', `${server.origin}/escapes/mcp`]);
    expect(run.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(run.stdout).toContain('\\x1b]52');
    expect(run.stdout.split('\n').some((line) => /^✓ tools\/list\s+healthy/.test(line))).toBe(false);
    const json = await runCli(['probe', `${server.origin}/escapes/mcp`, '--json']);
    expect(json.stdout).toContain('\\u001b]52');
  });

  test('300 issuers that never answer: the probe follows a few, summarises the list and ends by its deadline', async () => {
    const run = await runCli(['probe', `${server.origin}/issuers/mcp`, '--timeout', '500ms', '--deadline', '3s'], { killAfterMs: 60_000 });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/and 29\d more/);
    for (const line of run.stdout.split('\n')) expect(line.length).toBeLessThan(400);
  });

  test('the secret corpus in a server answer leaks into neither the text, --json nor the transcript', async () => {
    expectNoSecret(await runCli(['probe', `${server.origin}/corpus/mcp`]));
    expectNoSecret(await runCli(['probe', `${server.origin}/corpus/mcp`, '--json']));
  });

  test('a redirect is named with where it pointed; an id mismatch is named', async () => {
    const redirect = await runCli(['probe', `${server.origin}/redirect/mcp`]);
    expect(redirect.stdout).toContain('redirect not followed: 307 to https://login.example.com/sso?next=/mcp');
    const wrongId = await runCli(['probe', `${server.origin}/wrong-id/mcp`]);
    expect(wrongId.stdout).toContain('id mismatch: the JSON-RPC response carries id 99, not the id 1 the request sent');
  });
});

describe('bad keys and secrets on the command line', { timeout: 900_000 }, () => {
  test('a --key or LITELLM_API_KEY with a line break is a usage error (exit 2) that never prints the key', async () => {
    const key = 'sk-abc123def456\r\nX-Injected: 1';
    const flag = await runCli(['probe', 'http://127.0.0.1:9/mcp', '--key', key]);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('a line break in the key (--key)');
    const env = await runCli(['probe', 'http://127.0.0.1:9/mcp'], { env: { LITELLM_API_KEY: 'abc\ndef-secret-value' } });
    expect(env.code).toBe(2);
    expect(env.stderr).not.toContain('def-secret-value');
  });

  test('usage errors mask what they quote: a stray key, a URL with api_key, a header without a colon', async () => {
    const secret = 'Zq8wX2vB7nM4kL9pR3tY6uI1';
    for (const args of [
      ['probe', 'http://127.0.0.1:9/mcp', secret],
      ['probe', `not a url?api_key=${secret}`],
      ['probe', 'http://127.0.0.1:9/mcp', '--header', secret],
      ['probe', 'http://127.0.0.1:9/mcp', '--key', secret, '--timeout', 'soon'],
    ]) {
      const run = await runCli(args);
      expect(run.code).toBe(2);
      expect(run.stderr).not.toContain(secret);
    }
  });
});
