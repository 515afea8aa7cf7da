import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { isColorWanted, renderText } from '../../src/cli/format-text.ts';
import { loadIndex } from '../../src/cli/load-index.ts';
import { BUILT_PREPARE_FINGERPRINT } from '../../src/cli/prepare-fingerprint.ts';
import { prepareIndex } from '../../src/engine/prepare-rules.ts';
import type { StoredLiteral, StoredPreparation } from '../../src/engine/stored-preparation.ts';
import { parseCommandLine, parseDuration, parseHeaderArg } from '../../src/cli/parse-args.ts';
import { maskSecret, renderOriginChecks } from '../../src/cli/probe/build-transcript.ts';
import { describeConnectError } from '../../src/cli/probe/describe-connect-error.ts';
import { parseSseFrames } from '../../src/cli/probe/parse-sse.ts';
import {
  authorizationServerCandidates,
  checkOrigin,
  parseChallengeParams,
  protectedResourceCandidates,
  serverNameOf,
} from '../../src/cli/probe/well-known-urls.ts';
import { resolveTarget } from '../../src/cli/run-probe.ts';
import { REPO_ROOT } from '../support/run-cli.ts';

describe('the command line', () => {
  test('durations take ms, s and m, a bare number is seconds, and anything else is refused with the reason', () => {
    expect(parseDuration('10s')).toBe(10_000);
    expect(parseDuration('500ms')).toBe(500);
    expect(parseDuration('1.5s')).toBe(1_500);
    expect(parseDuration('2m')).toBe(120_000);
    expect(parseDuration('3')).toBe(3_000);
    expect(parseDuration('0s')).toMatch(/more than zero/);
    expect(parseDuration('11m')).toMatch(/at most 10m/);
    expect(parseDuration('10 seconds')).toMatch(/expected a duration/);
  });

  test("a header is 'Name: value' with a token for a name and no line break in the value", () => {
    expect(parseHeaderArg('Authorization: Bearer abc')).toEqual({ name: 'Authorization', value: 'Bearer abc' });
    expect(parseHeaderArg('x-empty:')).toEqual({ name: 'x-empty', value: '' });
    expect(parseHeaderArg(': value')).toMatch(/expected 'Name: value'/);
    expect(parseHeaderArg('bad name: v')).toMatch(/expected 'Name: value'/);
    expect(parseHeaderArg('x-a: one\r\nx-b: two')).toMatch(/line break/);
  });

  test('probe flags may repeat --header, take --flag=value, and default the timeout to 10 s', () => {
    const parsed = parseCommandLine(['probe', 'http://h:4000/mcp', '--header', 'A: 1', '--header=B: 2', '--server=github', '--json']);
    expect(parsed).toEqual({
      kind: 'probe',
      url: 'http://h:4000/mcp',
      headers: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }],
      timeoutMs: 10_000,
      deadlineMs: 30_000,
      server: 'github',
      isJson: true,
    });
  });

  test('a flag given twice, a flag missing its value and a boolean given a value are usage errors', () => {
    expect(parseCommandLine(['check', '--config', 'a.yaml', '--config', 'b.yaml'])).toEqual(expect.objectContaining({ kind: 'usage-error', reason: '--config given twice' }));
    expect(parseCommandLine(['probe', 'http://h/mcp', '--key'])).toEqual(expect.objectContaining({ kind: 'usage-error', reason: '--key needs a value' }));
    expect(parseCommandLine(['check', '--json=yes'])).toEqual(expect.objectContaining({ kind: 'usage-error', reason: '--json takes no value' }));
    expect(parseCommandLine(['probe', 'http://user:pw@h/mcp'])).toEqual(expect.objectContaining({ kind: 'usage-error' }));
  });

  test('"-" is the stdin paste and everything after "--" is a file name', () => {
    expect(parseCommandLine(['check', '-'])).toEqual({ kind: 'check', file: '-', isJson: false, isMarkdown: false });
    expect(parseCommandLine(['check', '--', '--json'])).toEqual({ kind: 'check', file: '--json', isJson: false, isMarkdown: false });
  });

  test('--markdown is a check output format, and cannot be combined with --json', () => {
    expect(parseCommandLine(['check', 'x.txt', '--markdown'])).toEqual({ kind: 'check', file: 'x.txt', isJson: false, isMarkdown: true });
    expect(parseCommandLine(['check', '--json', '--markdown'])).toMatchObject({ kind: 'usage-error', reason: expect.stringContaining('--json and --markdown') });
  });

  test('--server on the proxy root names /<server>/mcp; on the aggregate /mcp it scopes with x-mcp-servers', () => {
    expect(resolveTarget('http://h:4000', 'github').url.href).toBe('http://h:4000/github/mcp');
    expect(resolveTarget('http://h:4000/litellm/', 'github').url.href).toBe('http://h:4000/litellm/github/mcp');
    const aggregate = resolveTarget('http://h:4000/mcp', 'github');
    expect(aggregate.url.href).toBe('http://h:4000/mcp');
    expect(aggregate.headers).toEqual([{ name: 'x-mcp-servers', value: 'github' }]);
  });
});

describe('the probe helpers', () => {
  test('an event stream splits into complete frames; pings are skipped and a half-arrived frame waits', () => {
    const { frames, isComplete } = parseSseFrames(': ping\n\nevent: message\ndata: {"id":1}\n\ndata: {"id":');
    expect(isComplete).toBe(false);
    expect(frames).toEqual([{ event: 'message', data: '{"id":1}', json: { id: 1 } }]);
    expect(parseSseFrames('data: a\r\ndata: b\r\n\r\n').frames).toEqual([{ data: 'a\nb' }]);
  });

  test('challenge parameters are read quoted or bare, names case-insensitive', () => {
    expect(parseChallengeParams('Bearer error="invalid_token", Resource_Metadata="https://g/.well-known/x", realm=mcp')).toEqual({
      error: 'invalid_token',
      resource_metadata: 'https://g/.well-known/x',
      realm: 'mcp',
    });
  });

  test('discovery documents are looked for at the called origin only, even when the challenge names another', () => {
    const target = new URL('https://gw.example/github/mcp');
    const resource = protectedResourceCandidates(target, new URL('http://litellm:4000/.well-known/oauth-protected-resource/github/mcp'));
    expect(resource.map(String)).toEqual([
      'https://gw.example/.well-known/oauth-protected-resource/github/mcp',
      'https://gw.example/.well-known/oauth-protected-resource',
    ]);
    const server = authorizationServerCandidates(target, undefined, [new URL('http://litellm:4000/github')]);
    expect(server.map(String)).toEqual([
      'https://gw.example/.well-known/oauth-authorization-server/github',
      'https://gw.example/.well-known/oauth-authorization-server/mcp/github',
      'https://gw.example/.well-known/oauth-authorization-server',
    ]);
  });

  test('the server name comes from /<server>/mcp and /mcp/<server>, not from the aggregate /mcp', () => {
    expect(serverNameOf('/github/mcp')).toBe('github');
    expect(serverNameOf('/mcp/github')).toBe('github');
    expect(serverNameOf('/mcp')).toBeUndefined();
  });

  test('an origin check compares scheme, host and port, and skips relative URLs', () => {
    const called = new URL('https://gw.example/github/mcp');
    expect(checkOrigin('issuer', 'https://gw.example', called)?.isSameOrigin).toBe(true);
    expect(checkOrigin('issuer', 'http://gw.example', called)?.isSameOrigin).toBe(false);
    expect(checkOrigin('issuer', 'https://gw.example:8443', called)?.isSameOrigin).toBe(false);
    expect(checkOrigin('resource_metadata', '/.well-known/oauth-protected-resource', called)).toBeUndefined();
    const lines = renderOriginChecks([
      { field: 'issuer', url: 'http://litellm:4000', origin: 'http://litellm:4000', expected: 'https://gw.example', isSameOrigin: false },
      { field: 'token_endpoint', url: 'https://gw.example/token', origin: 'https://gw.example', expected: 'https://gw.example', isSameOrigin: true },
    ]);
    expect(lines).toBe(
      'mcpfix probe: issuer http://litellm:4000 does not match the origin you called: expected https://gw.example, got http://litellm:4000\n' +
        'mcpfix probe: token_endpoint use the origin you called (https://gw.example)',
    );
  });

  test('a credential is masked keeping its scheme, its key prefix and, when long enough, its last four characters', () => {
    expect(maskSecret('Bearer sk-live-0123456789abcd')).toBe('Bearer sk-****abcd');
    expect(maskSecret('gho_0123456789abcdef')).toBe('gho_****cdef');
    expect(maskSecret('short')).toBe('****');
  });

  test('undici errors are named by the socket code found anywhere in their cause chain', () => {
    const url = new URL('http://gw.example:4000/mcp');
    const wrapped = (code: string): Error => Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(code), { code }) });
    expect(describeConnectError(wrapped('ENOTFOUND'), url, 1000).kind).toBe('dns');
    expect(describeConnectError(wrapped('ECONNREFUSED'), url, 1000).kind).toBe('refused');
    expect(describeConnectError(wrapped('UND_ERR_CONNECT_TIMEOUT'), url, 1000).reason).toBe('timed out after 1s connecting to gw.example:4000');
    expect(describeConnectError(wrapped('CERT_HAS_EXPIRED'), url, 1000).kind).toBe('tls');
    expect(describeConnectError(new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })]), url, 1000).kind).toBe('refused');
  });
});

describe('the terminal output', () => {
  test('colour is used only on a TTY, and never when NO_COLOR is set', () => {
    expect(isColorWanted({ isTTY: true }, {})).toBe(true);
    expect(isColorWanted({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(isColorWanted({ isTTY: false }, {})).toBe(false);
    expect(isColorWanted({}, {})).toBe(false);
  });

  test('every piece of text is redacted before it is printed, with colour or without', () => {
    const blocks = [
      { kind: 'step', isOk: false, name: 'initialize', status: '401', detail: 'sent x-litellm-api-key: Bearer sk-live-0123456789abcd' },
      { kind: 'code', text: '+  api_key: sk-live-0123456789abcd\n', isDiff: true },
    ] as const;
    for (const isColor of [false, true]) {
      const text = renderText(blocks, isColor);
      expect(text).not.toContain('0123456789');
      expect(text).toContain('abcd');
      expect(text.includes('\u001b[')).toBe(isColor);
    }
  });
});

describe('the rule index the CLI loads', () => {
  const content = join(REPO_ROOT, 'content', 'errors');

  test('a truncated rules.json is set aside with its reason and the rules compiled from the pages', async () => {
    const generated = join(mkdtempSync(join(tmpdir(), 'mcpfix-index-')), 'rules.json');
    // Written after the pages, so it is not merely stale: it must be rejected for what it holds.
    writeFileSync(generated, '{"version":1,"pages":[{"id":"x"');
    const loaded = await loadIndex({ generated, content });
    expect(loaded.kind).toBe('loaded');
    if (loaded.kind !== 'loaded') return;
    expect(loaded.source).toBe('content');
    expect(loaded.warnings[0]).toMatch(/is not a usable rule index \(the rules data is not JSON/);
    expect(loaded.index.pages.length).toBeGreaterThan(100);
  });

  test('rules.json is used until a page, at any depth, is edited after it; then the pages are compiled', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'mcpfix-stale-'));
    const pages = join(scratch, 'errors');
    mkdirSync(join(pages, 'nested'), { recursive: true });
    const [first, second] = readdirSync(content).filter((name) => name.endsWith('.mdx'));
    copyFileSync(join(content, first as string), join(pages, first as string));
    copyFileSync(join(content, second as string), join(pages, 'nested', second as string));
    writeFileSync(join(pages, 'nested', 'notes.txt'), 'not a page');
    const generated = join(scratch, 'rules.json');
    const compiled = await loadIndex({ generated, content: pages });
    expect(compiled.kind === 'loaded' ? [compiled.source, compiled.index.pages.length] : compiled).toEqual(['content', 2]);
    if (compiled.kind !== 'loaded') return;
    writeFileSync(generated, JSON.stringify(compiled.index));
    const past = new Date(Date.now() - 60_000);
    for (const file of [join(pages, first as string), join(pages, 'nested', second as string), join(pages, 'nested', 'notes.txt')]) utimesSync(file, past, past);
    expect(await loadIndex({ generated, content: pages })).toMatchObject({ source: 'generated' });
    // A file that is not a page does not make the index stale; an edited page in a subfolder does.
    utimesSync(join(pages, 'nested', 'notes.txt'), new Date(), new Date());
    expect(await loadIndex({ generated, content: pages })).toMatchObject({ source: 'generated' });
    utimesSync(join(pages, 'nested', second as string), new Date(Date.now() + 1000), new Date(Date.now() + 1000));
    expect(await loadIndex({ generated, content: pages })).toMatchObject({ source: 'content' });
    rmSync(scratch, { recursive: true, force: true });
  });

  test('the prepared tables in rules.json are read only by a CLI built with the prepare code that wrote them', async () => {
    const written = JSON.parse(readFileSync(join(REPO_ROOT, 'src/generated/rules.json'), 'utf8')) as { prepared: StoredPreparation };
    const { fingerprint } = written.prepared;
    // One literal's shortest match made longer than preparing would ever make it: seen only when the tables are read.
    const at = written.prepared.literals.findIndex((literal) => (literal.minLength ?? 0) > 0);
    const doctored = (written.prepared.literals[at]?.minLength ?? 0) + 1000;
    (written.prepared.literals[at] as StoredLiteral).minLength = doctored;
    const generated = join(mkdtempSync(join(tmpdir(), 'mcpfix-index-')), 'rules.json');
    writeFileSync(generated, JSON.stringify(written));
    const minLengthAfterLoading = async (built: string | null): Promise<number | undefined> => {
      const loaded = await loadIndex({ generated, content }, built);
      return loaded.kind === 'loaded' ? prepareIndex(loaded.index).literals[at]?.minLength : undefined;
    };
    expect(at).toBeGreaterThanOrEqual(0);
    expect(await minLengthAfterLoading(fingerprint)).toBe(doctored);
    expect(await minLengthAfterLoading('another build')).toBe(doctored - 1000);
    // From the TypeScript source (no fingerprint built in) the index is prepared at run time.
    expect(BUILT_PREPARE_FINGERPRINT).toBeNull();
    expect(await minLengthAfterLoading(BUILT_PREPARE_FINGERPRINT)).toBe(doctored - 1000);
  });

  test('rules.json is written in ASCII, so Node holds it as one byte a character', () => {
    const bytes = readFileSync(join(REPO_ROOT, 'src/generated/rules.json'));
    expect(bytes.findIndex((byte) => byte > 0x7f)).toBe(-1);
    // The pages' prose does hold other characters: they are escaped, not lost.
    expect(bytes.toString('latin1')).toMatch(/\\u20(14|26)/);
  });

  test('a rules.json of another version is set aside and says which version it holds', async () => {
    const generated = join(mkdtempSync(join(tmpdir(), 'mcpfix-index-')), 'rules.json');
    writeFileSync(generated, JSON.stringify({ version: 9, pages: [] }));
    const loaded = await loadIndex({ generated, content });
    expect(loaded.kind === 'loaded' ? loaded.warnings[0] : '').toContain('the rules data has version 9; this checker reads version 1, 2 or 4');
  });
});
