import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPages } from '../../src/catalog/read-pages.ts';
import { compileRules, readRuleIndex } from '../../src/engine/index.ts';
import { escapeJsonForScript } from '../../src/site/embed-json.ts';

const root = resolve(import.meta.dirname, '../..');
const { pages } = readPages(resolve(root, 'content/errors'), root);
const index = compileRules(pages.map((entry) => entry.page));

describe('JSON in a script data block', () => {
  it('a string holding </script> and <!-- comes out with no < at all and parses back to the same value', () => {
    const value = { text: '</script><script>alert(1)</script><!-- <script>', more: ['a & b > c', '\u2028\u2029'] };
    const escaped = escapeJsonForScript(JSON.stringify(value));
    expect(escaped).not.toMatch(/[<>&\u2028\u2029]/);
    expect(escaped).toContain('\\u003c/script\\u003e');
    expect(JSON.parse(escaped)).toEqual(value);
  });

  it('any JSON value survives the escape unchanged and leaves no character that could end the element', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const escaped = escapeJsonForScript(JSON.stringify(value));
        expect(escaped).not.toMatch(/[<>&\u2028\u2029]/);
        expect(JSON.parse(escaped)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 500 },
    );
  });

  it('text that is not JSON is refused rather than escaped into something else', () => {
    expect(() => escapeJsonForScript('{"a": "<b>"')).toThrow(SyntaxError);
  });

  it('the real rule index, escaped, reads back as the same index', () => {
    const escaped = escapeJsonForScript(JSON.stringify(index));
    const reading = readRuleIndex(escaped);
    expect(reading.kind).toBe('read');
    expect(reading.kind === 'read' && reading.index).toEqual(index);
  });
});

describe('reading a rule index from text', () => {
  it.each([
    ['empty text', '', /empty/],
    ['truncated JSON', JSON.stringify(index).slice(0, 300), /not JSON/],
    ['a JSON list', '[]', /not a JSON object/],
    ['another version', '{"version":2,"pages":[]}', /version 2; this checker reads version 1/],
    ['no version', '{"pages":[]}', /version none/],
    ['no pages', '{"version":1}', /no list of pages/],
    ['an empty page list', '{"version":1,"pages":[]}', /holds no page/],
    ['a page that is not an object', '{"version":1,"pages":[3]}', /page 1 of the rules data is not an object/],
    ['a page without signatures', '{"version":1,"pages":[{"id":"x","title":"X","url":"/errors/x/","clues":[],"fixes":[],"relatedErrors":[]}]}', /page x of the rules data lacks signatures/],
  ])('%s is refused with a reason that names the problem', (_label, text, reason) => {
    const reading = readRuleIndex(text);
    expect(reading.kind).toBe('invalid');
    expect(reading.kind === 'invalid' && reading.reason).toMatch(reason);
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        expect(['read', 'invalid']).toContain(readRuleIndex(text).kind);
      }),
      { numRuns: 300 },
    );
  });
});
