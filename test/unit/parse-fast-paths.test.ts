import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findJsonEnd, findEmbeddedJson, tryParseJson } from '../../src/engine/parse/find-json.ts';
import { findStatusMentions, findStatusMentionsInFull } from '../../src/engine/parse/find-status.ts';
import { parseHeaderLine, parseStatusLine } from '../../src/engine/parse/parse-http-transcript.ts';
import { parseLogLine, stripLogPrefix } from '../../src/engine/parse/parse-log-line.ts';
import { findInlineException } from '../../src/engine/parse/parse-traceback.ts';
import { stripPrompt } from '../../src/engine/parse/read-command.ts';
import { firstNonSpace, isSpaceCode, leadSet, leadsWithOneOf, splitLineTexts, TextLines } from '../../src/engine/parse/split-lines.ts';
import { splitSections } from '../../src/engine/parse/split-sections.ts';

// The parser reads several shapes by hand instead of with the patterns that define them (for
// speed). Each hand reading is checked here against its defining pattern or JSON.parse itself,
// on the edge cases and on random text built from the characters that matter.

/** Random text over an alphabet of fragments (fast-check picks and joins them). */
function textOf(fragments: string[], maxLength = 24): fc.Arbitrary<string> {
  return fc.array(fc.constantFrom(...fragments), { maxLength }).map((parts) => parts.join(''));
}

const jsonFragments = ['{', '}', '[', ']', '"', '\\', '\\"', ':', ',', ' ', '\n', '\t', '1', '-', '.', 'e', 'E', '1-', '1:', '"1":', 'true', 'null', 'a', 'T', '\u0001', '\\u00e9', '\\x', 'é', '{"a":', '[1,', '"k"'];

describe('parser fast paths agree with what they replace', () => {
  it('tryParseJson parses exactly what JSON.parse accepts, without a throw for a cut body', () => {
    const reference = (text: string): unknown => {
      try {
        return { value: JSON.parse(text) as unknown };
      } catch {
        return undefined;
      }
    };
    fc.assert(
      fc.property(textOf(jsonFragments), (text) => {
        expect(tryParseJson(text)).toEqual(reference(text));
      }),
      { numRuns: 3000 },
    );
    expect(tryParseJson('{"jsonrpc":"2.0","result":{"tools":[{"name":"wiki"')).toBeUndefined();
    expect(tryParseJson('{"status": "active", "include_drafts": True}')).toBeUndefined();
    expect(tryParseJson('[t.name for t in tools.tools]')).toBeUndefined();
    expect(tryParseJson(' {"a": "]}\\""} \r\n')).toEqual({ value: { a: ']}"' } });
    // A digit before `-` or `:` is a date or a time, never JSON; in a string, or as `e-`, it is.
    expect(tryParseJson('[2026-01-01 12:00:05]')).toBeUndefined();
    expect(tryParseJson('[12:00]')).toBeUndefined();
    expect(tryParseJson('[1e-5, -2, {"t": "12:00-1"}]')).toEqual({ value: [1e-5, -2, { t: '12:00-1' }] });
    // Every JSON text is taken, whatever numbers it holds.
    fc.assert(
      fc.property(fc.json(), (text) => {
        expect(tryParseJson(text)).toEqual({ value: JSON.parse(text) as unknown });
      }),
      { numRuns: 2000 },
    );
  });

  it('embedded JSON skips bracketed prose and still finds the value after it', () => {
    const line = '>>> [t.name for t in tools] -> [type=url_parsing] then {"detail":"Unauthorized"}';
    expect(findEmbeddedJson(line).map((found) => found.value)).toEqual([{ detail: 'Unauthorized' }]);
    expect(findJsonEnd('x {"a":["}"]} y', 2)).toBe(13);
  });

  it('parseHeaderLine reads what the header-line pattern matches, and nothing else', () => {
    const pattern = /^([A-Za-z0-9!#$%&'*+.^_`|~-]{1,200}):[ \t]*(.*)$/;
    const reference = (text: string): { name: string; value: string } | undefined => {
      const match = pattern.exec(text);
      return match ? { name: (match[1] ?? '').toLowerCase(), value: (match[2] ?? '').trim() } : undefined;
    };
    const cases = ['Content-Type: application/json', 'x-a:', ':b', 'a b: c', `${'n'.repeat(200)}: v`, `${'n'.repeat(201)}: v`, 'k:\t  v \u00a0', 'k: a\u2028b', 'Ünï: x', "a!#$%&'*+.^_`|~-: y"];
    for (const text of cases) expect(parseHeaderLine(text)).toEqual(reference(text));
    fc.assert(
      fc.property(textOf(['a', 'Z', '9', '-', '_', ':', ' ', '\t', '\u2028', '\u00a0', '/', 'é', '!', '"']), (text) => {
        expect(parseHeaderLine(text)).toEqual(reference(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('parseStatusLine decides on the first character without missing an indented status line', () => {
    expect(parseStatusLine('    HTTP/1.1 401 Unauthorized')).toEqual({ httpVersion: 'HTTP/1.1', status: 401, reason: 'Unauthorized' });
    expect(parseStatusLine('\u00a0HTTP/2 200')).toEqual({ httpVersion: 'HTTP/2', status: 200, reason: '' });
    expect(parseStatusLine('     HTTP/1.1 200 OK')).toBeUndefined();
    expect(parseStatusLine('< HTTP/1.1 200 OK')).toBeUndefined();
  });

  it('stripPrompt removes what the prompt pattern removes', () => {
    const pattern = /^\s*(?:PS [^>\n]{0,200}>|[$%#>])?\s*/;
    fc.assert(
      fc.property(textOf(['PS ', 'C:\\', '>', '$', '%', '#', ' ', '\t', '\u3000', '\n', 'curl', 'x', 'P', 'S']), (text) => {
        expect(stripPrompt(text)).toBe(text.replace(pattern, ''));
      }),
      { numRuns: 3000 },
    );
    expect(stripPrompt(`PS ${'a'.repeat(200)}> curl x`)).toBe('curl x');
    expect(stripPrompt(`PS ${'a'.repeat(201)}> curl x`)).toBe(`PS ${'a'.repeat(201)}> curl x`);
  });

  it('findInlineException finds what the look-behind pattern finds scanning the whole line', () => {
    const pattern = /(?<![\w.])((?:[A-Za-z_]\w{0,100}\.){0,12}[A-Za-z_]\w{0,100}?(?:Error|Exception|ExceptionGroup|Timeout|Cancelled|Exit))(?::\s?|(?=\s|$|,))/g;
    const reference = (text: string): { type: string; message: string } | undefined => {
      pattern.lastIndex = 0;
      for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
        const type = match[1] ?? '';
        const hasColon = match[0].includes(':');
        if (!hasColon && !type.includes('.')) continue;
        if (type.includes('.') && /^\d|\.\d/.test(type)) continue;
        return { type, message: hasColon ? text.slice(match.index + match[0].length).trim() : '' };
      }
      return undefined;
    };
    fc.assert(
      fc.property(textOf(['Error', 'Exception', 'ExceptionGroup', 'Timeout', 'Cancelled', 'Exit', '.', 'httpx', '_', '1', ':', ': ', ' ', ',', '(', 'x'.repeat(99), 'é', "'"]), (text) => {
        expect(findInlineException(text)).toEqual(reference(text));
      }),
      { numRuns: 3000 },
    );
    expect(findInlineException('mcp.shared.exceptions.McpError: Connection closed')).toEqual({ type: 'mcp.shared.exceptions.McpError', message: 'Connection closed' });
    // One long run full of exception words is walked once, not once per word.
    expect(findInlineException('Error'.repeat(800))).toBeUndefined();
  });

  it('findStatusMentions skips a line with no run of exactly three digits without missing a status', () => {
    const fragments = ['HTTP/1.1 ', 'HTTP', ' ', ':', '(HTTP ', ')', 'status', '_code', '=', "Client error '", 'Non-200 status code (', ' Unauthorized', ' Forbidden', '4', '0', '1', '5', '2026', '-', 'x', 'T'];
    fc.assert(
      fc.property(textOf(fragments, 14), (text) => {
        expect(findStatusMentions(text)).toEqual(findStatusMentionsInFull(text));
      }),
      { numRuns: 4000 },
    );
    expect(findStatusMentions('2026-01-01 12:00:07 INFO routine line 12345')).toEqual([]);
    expect(findStatusMentions('status=401 and HTTP/1.1 503')).toEqual([
      { status: 401, from: 'text' },
      { status: 503, from: 'text' },
    ]);
  });

  it('stripLogPrefix removes what its patterns remove when it skips them', () => {
    const compose = /^[\w.-]{1,80}\s{1,40}\|\s/;
    const stamp = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:?\d\d)\s(?:(?:stdout|stderr)\s[FP]\s)?/;
    const reference = (head: string): string => {
      let text = head;
      if (!text.includes('|') && !/^\d{4}-/.test(text)) return text;
      const found = compose.exec(text);
      if (found) text = text.slice(found[0].length);
      const time = stamp.exec(text);
      return time ? text.slice(time[0].length) : text;
    };
    const fragments = ['litellm-1', '  ', '| ', '|', '2025-06-01', 'T', '10:00:00', '.123', 'Z', '+02:00', ' ', 'stdout F ', 'INFO', 'x'];
    fc.assert(
      fc.property(textOf(fragments, 10), (text) => {
        expect(stripLogPrefix(text)).toBe(reference(text));
      }),
      { numRuns: 4000 },
    );
    expect(parseLogLine('litellm-1  | 2025-06-01T10:00:00.123Z stdout F 10:00:00 - LiteLLM:ERROR: x')?.kind).toBe('litellm');
  });

  it('line splitting and whitespace tests agree with the regular expressions they replace', () => {
    fc.assert(
      fc.property(textOf(['a', '\n', '\r', '\r\n', ' ', '\u2028']), (text) => {
        expect(splitLineTexts(text)).toEqual(text.split(/\r\n|\r|\n/));
        // Told whether the text holds a CR, the split is the same as when it looks for itself.
        expect(splitLineTexts(text, text.includes('\r'))).toEqual(text.split(/\r\n|\r|\n/));
        expect(firstNonSpace(text)).toBe(text.length - text.trimStart().length);
      }),
      { numRuns: 2000 },
    );
    // A lead set tests the first non-space character as `^\s*[chars]` does, with or without a known lead.
    for (const chars of ['$%#>Pc', 'TE|+', '{[', 'abcdefghijklmnopqrstuvwxyz', '#']) {
      const set = leadSet(chars);
      const pattern = new RegExp(`^\\s*[${chars.replace(/[\]\\^-]/g, '\\$&')}]`);
      fc.assert(
        fc.property(textOf(['a', 'z', 'P', 'T', '{', '[', '#', '$', '|', '+', ' ', '\t', '\u00a0', '\u3000', '\ufeff', 'é', '\u0100', '\n', '0']), (text) => {
          expect(leadsWithOneOf(text, set)).toBe(pattern.test(text));
          expect(leadsWithOneOf(text, set, firstNonSpace(text))).toBe(pattern.test(text));
        }),
        { numRuns: 500 },
      );
    }
    expect(() => leadSet('aé')).toThrow();
    const disagreements: number[] = [];
    for (let code = 0; code < 0x10000; code++) {
      if (isSpaceCode(code) !== /\s/.test(String.fromCharCode(code))) disagreements.push(code);
    }
    expect(disagreements).toEqual([]);
  });

  it('sections pass lines led by a printable character without a look at their indentation, as the patterns would', () => {
    // The fences and rules as the patterns define them, every line looked at.
    const reference = (texts: string[]): unknown => {
      const sections: unknown[] = [];
      let start = 0;
      let fence: { marker: string; language: string } | undefined;
      texts.forEach((text, index) => {
        if (fence !== undefined) {
          const trimmed = text.trim();
          if (/^(`{3,}|~{3,})$/.test(trimmed) && trimmed[0] === fence.marker[0] && trimmed.length >= fence.marker.length) {
            if (index > start) sections.push({ start, end: index, language: fence.language, isFenced: true });
            fence = undefined;
            start = index + 1;
          }
          return;
        }
        const open = text.length < 200 ? /^\s{0,3}(`{3,}|~{3,})\s*([\w.+-]{0,40})/.exec(text) : null;
        if (open !== null || (text.length < 200 && /^\s{0,3}-{3,}\s*$/.test(text))) {
          if (index > start) sections.push({ start, end: index, language: '', isFenced: false });
          if (open !== null) fence = { marker: open[1] ?? '', language: (open[2] ?? '').toLowerCase() };
          start = index + 1;
        }
      });
      if (texts.length > start) sections.push({ start, end: texts.length, language: fence?.language ?? '', isFenced: fence !== undefined });
      return sections;
    };
    const lines = textOf(['```', '~~~', '````', 'yaml', 'Json', '---', '-', '`', '~', ' ', '   ', '\t', '\u00a0', 'x', '#', '\n', '\n', '\n'], 30);
    fc.assert(
      fc.property(lines, (text) => {
        const texts = splitLineTexts(text);
        const split = splitSections(new TextLines(texts));
        expect(split.sections).toEqual(reference(texts));
        // The first blank line, as trim() sees blankness (the number of lines when none is).
        const blank = texts.findIndex((line) => line.trim() === '');
        expect(split.firstBlank).toBe(blank < 0 ? texts.length : blank);
      }),
      { numRuns: 4000 },
    );
  });
});
