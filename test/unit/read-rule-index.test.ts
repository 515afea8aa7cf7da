import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPages } from '../../src/catalog/read-pages.ts';
import { compileRules, readRuleIndex } from '../../src/engine/index.ts';

const root = resolve(import.meta.dirname, '../..');
const { pages } = readPages(resolve(root, 'content/errors'), root);
const index = compileRules(pages.map((entry) => entry.page));

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
