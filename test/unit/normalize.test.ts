import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeForMatch } from '../../src/engine/normalize.ts';

describe('normalizeForMatch', () => {
  it('makes JSON spacing irrelevant: {"error": "x"} equals {"error":"x"}', () => {
    expect(normalizeForMatch('{"error": "MCP request failed", "details": ""}')).toBe(normalizeForMatch('{"error":"MCP request failed","details":""}'));
    expect(normalizeForMatch('{ "tools" : [ ] }')).toBe('{"tools":[]}');
    expect(normalizeForMatch('{\n  "result": {\n    "tools": []\n  }\n}')).toBe('{"result":{"tools":[]}}');
  });

  it('lower-cases and collapses runs of whitespace, tabs and newlines', () => {
    expect(normalizeForMatch('  MCP   client\tlist_tools\n failed  ')).toBe('mcp client list_tools failed');
  });

  it('removes terminal colour codes so coloured LiteLLM logs match plain literals', () => {
    expect(normalizeForMatch('\u001b[92m15:29:02 - LiteLLM:ERROR\u001b[0m: client.py:165 - x')).toBe('15:29:02 - litellm:error: client.py:165 - x');
  });

  it('keeps the words of prose apart and the colon of a log prefix as it is', () => {
    expect(normalizeForMatch('Error POSTing to endpoint (HTTP 500): x')).toBe('error posting to endpoint (http 500): x');
  });

  it('is idempotent and never grows the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const once = normalizeForMatch(text);
        expect(normalizeForMatch(once)).toBe(once);
        expect(once.length).toBeLessThanOrEqual(text.length * 3);
      }),
      { numRuns: 500 },
    );
  });

  it('treats a literal inside a longer line the same as the line treats it', () => {
    fc.assert(
      fc.property(fc.constantFrom('{"error": "x"}', '"tools": []', 'HTTP/1.1 401 Unauthorized', 'Error Type: ExceptionGroup, Error: unhandled errors'), fc.constantFrom('', 'prefix ', '  | '), (literal, prefix) => {
        expect(normalizeForMatch(`${prefix}${literal} suffix`)).toContain(normalizeForMatch(literal));
      }),
    );
  });
});
