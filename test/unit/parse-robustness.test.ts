import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Evidence } from '../../src/engine/evidence.ts';
import { parseInput } from '../../src/engine/parse-input.ts';

const fixtureDirectory = new URL('../fixtures/pastes/', import.meta.url);
const fixtureLines = readdirSync(fixtureDirectory).flatMap((name) => readFileSync(new URL(name, fixtureDirectory), 'utf8').split('\n'));

/** Lines from real pastes, cut, re-indented and mixed with noise: the shapes the parser must survive. */
const fragmentLine = fc.oneof(
  fc.constantFrom(...fixtureLines),
  fc.tuple(fc.constantFrom(...fixtureLines), fc.nat(200)).map(([line, cut]) => line.slice(0, cut)),
  fc.tuple(fc.constantFrom(...fixtureLines), fc.constantFrom('', '  ', '    | ', '> ', '< ', '* ', '```', '- ', '\t')).map(([line, prefix]) => prefix + line),
  fc.constantFrom('```yaml', '```', '---', '', '{', '}', '[', '"', "'", '\\', 'Traceback (most recent call last):', '  +-+---- 1 ----', 'data: {', 'HTTP/1.1 200', 'mcp_servers:', '  x:', '    url: ['),
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);
const structuredPaste = fc.array(fragmentLine, { maxLength: 60 }).chain((lines) => fc.constantFrom('\n', '\r\n', '\r').map((eol) => lines.join(eol)));

function checkInvariants(paste: string, evidence: Evidence): void {
  const lineCount = paste.split(/\r\n|\r|\n/).length;
  for (const tagged of evidence.lines.toArray().filter((line) => line.input === 'paste')) {
    expect(tagged.line).toBeGreaterThanOrEqual(1);
    expect(tagged.line).toBeLessThanOrEqual(lineCount);
    expect(tagged.text.trim()).not.toBe('');
  }
  const numbers = evidence.lines.toArray().filter((line) => line.input === 'paste').map((line) => line.line);
  expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
  expect(new Set(numbers).size).toBe(numbers.length);
  // The whole list is ordered: the paste's lines, then the config's (the matcher's view looks lines up by binary search).
  const order = evidence.lines.toArray().map((line) => (line.input === 'paste' ? 0 : 1e9) + line.line);
  expect(order).toEqual([...order].sort((a, b) => a - b));
  for (const response of evidence.responses) expect(response.line).toBeLessThanOrEqual(lineCount);
  for (const config of evidence.configs.filter((candidate) => candidate.input === 'paste')) expect(config.line).toBeLessThanOrEqual(lineCount);
  for (const status of evidence.statuses) expect(status.status >= 100 && status.status <= 599).toBe(true);
}

describe('parseInput robustness', () => {
  it('never throws on arbitrary strings, and every tagged line is a real non-empty line of the paste', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (paste) => {
        checkInvariants(paste, parseInput({ paste }));
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on full-unicode strings and on binary junk', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), fc.option(fc.string({ unit: 'binary', maxLength: 200 }), { nil: undefined }), (paste, config) => {
        const evidence = parseInput(config === undefined ? { paste } : { paste, config });
        checkInvariants(paste, evidence);
      }),
      { numRuns: 300 },
    );
    const junk = Array.from({ length: 20_000 }, (_, index) => String.fromCharCode((index * 7919 + 13) % 65_536)).join('');
    expect(() => parseInput({ paste: junk, config: junk })).not.toThrow();
  });

  it('never throws on mixtures of real paste fragments, cut and re-indented, and is deterministic', () => {
    fc.assert(
      fc.property(structuredPaste, fc.option(structuredPaste, { nil: undefined }), (paste, config) => {
        const input = config === undefined ? { paste } : { paste, config };
        const first = parseInput(input);
        checkInvariants(paste, first);
        expect(parseInput(input)).toEqual(first);
      }),
      { numRuns: 400 },
    );
  });

  it('tags every non-empty line of a mixed paste, whatever the mixture', () => {
    fc.assert(
      fc.property(structuredPaste, (paste) => {
        const expected = paste.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '').length;
        expect(parseInput({ paste }).lines.length).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('survives inputs that are not strings at all (a shell passing undefined)', () => {
    expect(parseInput({ paste: undefined as unknown as string }).lines.length).toBe(0);
    expect(parseInput({ paste: 'x', config: 42 as unknown as string }).lines.length).toBe(1);
  });

  it('parses a 10 MB paste of logs and finds the evidence buried in its middle', () => {
    const filler = [
      '10:04:11 - LiteLLM Proxy:DEBUG: proxy_server.py:3912 - Request received by LiteLLM: {"model": "gpt-4o", "messages": [{"role": "user", "content": "hi"}]}',
      'INFO:     10.0.0.5:51234 - "POST /v1/chat/completions HTTP/1.1" 200 OK',
      'some prose line with { an unclosed brace and a "quote',
      '  File "/app/x.py", line 12, in f',
    ];
    const block = `${filler.join('\n')}\n`;
    const half = block.repeat(Math.ceil(5_000_000 / block.length));
    const needle = [
      'HTTP/1.1 401 Unauthorized',
      'www-authenticate: Bearer resource_metadata="https://llm.example.com/.well-known/oauth-protected-resource/mcp"',
      '',
      '{"detail":{"error":"authentication_required"}}',
      '',
      'Traceback (most recent call last):',
      '  File "/app/litellm/proxy/_experimental/mcp_server/server.py", line 2946, in handle_streamable_http_mcp',
      'httpx.ConnectError: All connection attempts failed',
      '',
    ].join('\n');
    const paste = `${half}${needle}${half}`;
    expect(paste.length).toBeGreaterThan(10_000_000);
    const evidence = parseInput({ paste });
    const needleLine = half.split('\n').length;
    const response = evidence.responses.find((candidate) => candidate.status === 401);
    expect(response?.line).toBe(needleLine);
    expect(response?.headers[0]?.name).toBe('www-authenticate');
    expect(evidence.exceptions.find((exception) => exception.type === 'httpx.ConnectError')?.frames[0]?.function).toBe('handle_streamable_http_mcp');
    expect(evidence.json.some((json) => JSON.stringify(json.value) === '{"detail":{"error":"authentication_required"}}')).toBe(true);
    expect(evidence.statuses.filter((status) => status.from === 'access-log').length).toBeGreaterThan(10_000);
  }, 60_000);

  it('parses adversarial megabytes (open brackets, open quotes, one huge line, endless boxes) to an answer', () => {
    const cases = [
      '{\n'.repeat(500_000),
      '[{'.repeat(1_000_000),
      'curl "\n'.repeat(150_000),
      `data: ${'x'.repeat(3_000_000)}`,
      '  | x\n'.repeat(200_000),
      `  + Exception Group Traceback (most recent call last):\n${'  | ValueError: x\n'.repeat(100_000)}`,
      `mcp_servers:\n${'  a:\n    url: x\n'.repeat(100_000)}`,
      'Error: '.repeat(300_000),
    ];
    for (const paste of cases) {
      const evidence = parseInput({ paste });
      expect(evidence.lines.length).toBeGreaterThan(0);
    }
  }, 60_000);
});
