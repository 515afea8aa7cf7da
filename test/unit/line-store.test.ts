import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Evidence } from '../../src/engine/evidence.ts';
import { joinLines } from '../../src/engine/joined-lines.ts';
import { LineStore, PLACES, storeLines } from '../../src/engine/line-store.ts';
import { parseInput } from '../../src/engine/parse-input.ts';

// The parser keeps a paste's lines as parallel arrays (line-store.ts) and skips a repeated plain
// line once its text yielded nothing (parse-input.ts). Both must leave the evidence exactly as a
// read of every line into one object per line would.

/** The evidence with its lines as objects, for comparing whole parses. */
function plain(evidence: Evidence): unknown {
  return { ...evidence, lines: evidence.lines.toArray() };
}

// Short lines of every kind the readers tell apart by their first line or by what follows it:
// the plain ones repeat, the others must never be remembered as plain.
const pieces = [
  'x',
  'x',
  'ok',
  '...',
  'foo bar',
  '',
  '   ',
  '}',
  '{',
  '[',
  ']',
  '{"a": 1',
  '"b": 2}',
  'github:',
  '  url: https://example.com/mcp',
  '  transport: http',
  'mcp_servers:',
  '# heading',
  '## Logs',
  'data: {"x": 1}',
  'event: message',
  'HTTP/1.1 401 Unauthorized',
  'content-type: application/json',
  'Traceback (most recent call last):',
  '  File "a.py", line 3, in f',
  'ValueError: bad',
  'Error: failed',
  'INFO:     127.0.0.1:5000 - "POST /mcp HTTP/1.1" 500',
  '12:00:01 - LiteLLM Proxy:ERROR: x',
  'curl -si http://localhost:4000/mcp \\',
  "  -H 'x: y'",
  '```yaml',
  '```',
  'status 500',
  'MCP request failed',
  '\u001b[31mred\u001b[0m',
];

const pastes = fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 40 }).map((lines) => lines.join('\n'));

describe('the line store', () => {
  it('reads back the lines it was given, and finds each by input and number', () => {
    const lines = [
      { input: 'paste' as const, line: 1, text: 'a', place: 'log' as const },
      { input: 'paste' as const, line: 3, text: 'b', place: 'any' as const },
      { input: 'config' as const, line: 2, text: 'c: 1', place: 'config' as const },
    ];
    const store = storeLines(lines);
    expect(store.toArray()).toEqual(lines);
    expect(store.pasteCount).toBe(2);
    expect(store.findLine('paste', 3)).toBe(1);
    expect(store.findLine('config', 2)).toBe(2);
    expect(store.findLine('paste', 2)).toBe(-1);
    expect(store.findLine('config', 1)).toBe(-1);
    expect(store.at(3)).toBeUndefined();
    expect(store.textAt(3)).toBe('');
    expect(store.pasteTexts()).toEqual(['a', 'b']);
    expect(store.joinedPaste()).toEqual({ text: 'a\nb', starts: Int32Array.from([0, 2]) });
    expect(store.hasPlace('config')).toBe(true);
    expect(store.hasPlace('traceback')).toBe(false);
  });

  it('joins a paste’s lines as a join of their texts would, taking the paste itself when it is that text', () => {
    const withBreaks = fc.array(fc.constantFrom('x', 'ok', '', '  ', '\r', '\t', 'a b', 'é'), { maxLength: 12 }).map((parts) => parts.join('\n'));
    fc.assert(
      fc.property(withBreaks, fc.boolean(), (paste, withConfig) => {
        const { lines } = parseInput(withConfig ? { paste, config: 'mcp_servers: {}' } : { paste });
        expect(lines.joinedPaste()).toEqual(joinLines(lines.pasteTexts()));
      }),
      { numRuns: 1000 },
    );
    // A paste with no blank line before its last kept one is its own joined text.
    expect(parseInput({ paste: 'a\nb\n\n  \n' }).lines.pasteJoined).toBe('a\nb');
    expect(parseInput({ paste: 'a\n\nb' }).lines.pasteJoined).toBeUndefined();
    expect(parseInput({ paste: 'a\r\nb' }).lines.pasteJoined).toBeUndefined();
  });

  it('takes the paste’s line starts from the parser when it gives them for every paste line', () => {
    const starts = Int32Array.from([0, 2]);
    const given = new LineStore({ texts: ['a', 'b'], places: new Uint8Array(2), numbers: undefined, pasteCount: 2, pasteJoined: 'a\nb', pasteStarts: starts });
    expect(given.joinedPaste().starts).toBe(starts);
    // Starts for another number of lines are not the paste's: they are worked out again.
    const stale = new LineStore({ texts: ['a', 'b'], places: new Uint8Array(2), numbers: undefined, pasteCount: 2, pasteJoined: 'a\nb', pasteStarts: Int32Array.from([0]) });
    expect(stale.joinedPaste().starts).toEqual(starts);
    expect(parseInput({ paste: 'one\ntwo\nthree\n\n' }).lines.joinedPaste()).toEqual({ text: 'one\ntwo\nthree', starts: Int32Array.from([0, 4, 8]) });
  });

  it('codes every place in one byte and back', () => {
    const lines = PLACES.map((place, at) => ({ input: 'paste' as const, line: at + 1, text: place, place }));
    expect(storeLines(lines).toArray().map((line) => line.place)).toEqual([...PLACES]);
  });

  it('holds a paste’s non-blank lines, then the config’s, with their numbers and places', () => {
    const evidence = parseInput({ paste: 'HTTP/1.1 401 Unauthorized\n\n{"error": "no"}\n', config: 'mcp_servers:\n\n  github:\n    url: http://x\n' });
    expect(evidence.lines.toArray()).toEqual([
      { input: 'paste', line: 1, text: 'HTTP/1.1 401 Unauthorized', place: 'status-line' },
      { input: 'paste', line: 3, text: '{"error": "no"}', place: 'body' },
      { input: 'config', line: 1, text: 'mcp_servers:', place: 'config' },
      { input: 'config', line: 3, text: '  github:', place: 'config' },
      { input: 'config', line: 4, text: '    url: http://x', place: 'config' },
    ]);
  });
});

describe('repeated plain lines', () => {
  it('parse to the evidence a read of every line gives', () => {
    fc.assert(
      fc.property(pastes, (paste) => {
        expect(plain(parseInput({ paste }))).toEqual(plain(parseInput({ paste }, { remembersPlainLines: false })));
      }),
      { numRuns: 1500 },
    );
  });

  it('never skip a text that starts a structure only with what follows it', () => {
    // `github:` alone is nothing; above `  url: …` it starts a server block.
    for (const paste of ['github:\nx\ngithub:\n  url: https://example.com/mcp\n  transport: http', '{\nx\n{\n"a": 1}', 'data: 1\n\ndata: {"x":1}\n\n']) {
      expect(plain(parseInput({ paste }))).toEqual(plain(parseInput({ paste }, { remembersPlainLines: false })));
    }
    expect(parseInput({ paste: 'github:\nx\ngithub:\n  url: https://example.com/mcp' }).configs).toHaveLength(1);
  });

  it('still count where a plain text later starts something', () => {
    // `x` is plain on its own line; the same text in a response's body belongs to the body.
    const paste = ['x', 'x', 'HTTP/1.1 500 Internal Server Error', 'content-type: text/plain', '', 'x', 'x'].join('\n');
    const evidence = parseInput({ paste });
    expect(evidence.lines.toArray().map((line) => line.place)).toEqual(['any', 'any', 'status-line', 'header', 'body', 'body']);
    expect(evidence.responses[0]?.body).toEqual({ kind: 'text', text: 'x\nx', input: 'paste', line: 6 });
  });
});
