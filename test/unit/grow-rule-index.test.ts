import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { growRuleIndex, grownPages } from '../../scripts/grow-rule-index.ts';
import type { RuleIndex } from '../../src/engine/rule-index.ts';

// The bench's "at 1,000 pages" figure is only as honest as the pages it grows: these check that
// they are real pages' shapes with their own words, not copies gzip would count as free.
const stored = JSON.parse(readFileSync(join(import.meta.dirname, '../../src/generated/rules.json'), 'utf8')) as RuleIndex;
const pages = stored.pages;

describe('growRuleIndex', () => {
  it('keeps every real page and adds grown ones up to the count, ids unique and sorted', () => {
    const grown = growRuleIndex({ version: 1, pages }, pages.length + 40);
    expect(grown.pages).toHaveLength(pages.length + 40);
    const ids = grown.pages.map((page) => page.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    for (const page of pages) expect(grown.pages).toContainEqual(page);
  });

  it('gives a grown page its model\'s shape and kept values but other words', () => {
    const [first] = grownPages(pages, 1);
    const model = pages[0]!;
    expect(first).toBeDefined();
    expect(first!.signatures.map((signature) => signature.facts.map((fact) => fact.kind))).toEqual(model.signatures.map((signature) => signature.facts.map((fact) => fact.kind)));
    expect(first!.fixes.map((fix) => fix.kind)).toEqual(model.fixes.map((fix) => fix.kind));
    expect(first!.title).not.toBe(model.title);
    expect(first!.signatures[0]?.text).not.toBe(model.signatures[0]?.text);
    expect(first!.url).toBe(`/errors/${first!.id}/`);
  });

  it('is deterministic', () => {
    expect(grownPages(pages, 30)).toEqual(grownPages(pages, 30));
  });

  it('does not compress like copies: as many grown pages weigh at least nine tenths of the real ones', () => {
    const weigh = (list: unknown): number => gzipSync(JSON.stringify(list)).length;
    const real = weigh(pages);
    expect(weigh(grownPages(pages, pages.length))).toBeGreaterThan(real * 0.9);
    // A copy beside each page costs next to nothing on top of them (gzip's window reaches it): the
    // case this guards against, where the weight per page of a grown catalogue looked like a third.
    expect(weigh(pages.flatMap((page) => [page, page])) - real).toBeLessThan(real * 0.25);
  });
});
