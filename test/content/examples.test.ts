import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPages } from '../../src/catalog/read-pages.ts';
import { checkPaste } from '../../src/engine/index.ts';
import { compileRulesAtBuild } from '../../src/catalog/analyse-pattern.ts';

// Every page's examples are tests: each paste (with its config) must lead the checker to that
// page first, with high confidence. Generated from content/errors, so new pages are covered as
// they land.
const root = resolve(import.meta.dirname, '../..');
const { pages } = readPages(resolve(root, 'content/errors'), root);
const index = compileRulesAtBuild(pages.map((entry) => entry.page));

describe('every example of every page', () => {
  it('has pages to check', () => {
    expect(pages.length).toBeGreaterThan(0);
  });

  for (const { id, page } of pages) {
    for (const example of page.examples) {
      it(`"${id}: ${example.title}" ranks its page first`, () => {
        const result = checkPaste(index, example.config === undefined ? { paste: example.paste } : { paste: example.paste, config: example.config });
        const ranking = result.matches.map((m) => `${m.id} ${m.score} ${m.confidence}`).join('; ') || '(no match)';
        expect(result.matches[0]?.id, ranking).toBe(id);
        expect(result.matches[0]?.confidence, ranking).toBe('high');
        expect(result.verdict).toBe('confident');
      });
    }
  }
});
