import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compileRulesAtBuild } from '../../src/catalog/analyse-pattern.ts';
import { packCheckerRuleIndex, packRuleIndex } from '../../src/catalog/pack-rule-index.ts';
import { readNegativeCorpus } from '../../src/catalog/read-negative-corpus.ts';
import { readPages } from '../../src/catalog/read-pages.ts';
import { readReports } from '../../src/catalog/read-reports.ts';
import { checkPaste, readRuleIndex, readRuleIndexData, type CheckInput, type CheckResult, type ConfigModel, type RuleIndex } from '../../src/engine/index.ts';
import { compileConfigModel } from '../../src/schemas/litellm-config.ts';
import { generateBenchPages } from '../../scripts/generate-bench-pages.ts';

// The /check/ page reads the checker's form of the index, which leaves out the prose the error
// pages show (src/engine/rule-index-format.ts). These tests hold that it ranks, explains and
// suggests exactly as the full index the CLI reads, the left-out sentences aside.
const root = resolve(import.meta.dirname, '../..');
const pageFiles = readPages(resolve(root, 'content/errors'), root).pages;
const full = compileRulesAtBuild(pageFiles.map((entry) => entry.page));

function read(json: unknown): RuleIndex {
  const reading = readRuleIndex(JSON.stringify(json));
  if (reading.kind === 'invalid') throw new Error(reading.reason);
  return reading.index;
}

// The prose the checker's form leaves out, removed from a result wherever it went: a clue's
// sentence (`says`), a fix's or step's note, a step's command and the related pages.
const PROSE_KEYS = new Set(['says', 'note', 'command', 'related']);

function withoutProse(result: CheckResult): unknown {
  return JSON.parse(JSON.stringify(result), (key, value: unknown) => (PROSE_KEYS.has(key) ? undefined : value));
}

const inputs: CheckInput[] = [
  ...pageFiles.flatMap((entry) => entry.page.examples.map((example) => ({ paste: example.paste, ...(example.config !== undefined ? { config: example.config } : {}) }))),
  ...readNegativeCorpus(resolve(root, 'test/fixtures/negative')).map((negative) => ({ paste: negative.paste })),
  ...readReports(resolve(root, 'content/inventory/litellm-mcp-reports.yaml'), root, pageFiles).reports.flatMap((report) => (report.evidence === null ? [] : [{ paste: report.evidence }])),
];

describe("the checker's form of the rule index", () => {
  const checker = read(packCheckerRuleIndex(full));

  it('answers every page example, negative paste and report as the full index does, the prose aside', () => {
    expect(inputs.length).toBeGreaterThan(500);
    let withPossible = 0;
    for (const input of inputs) {
      const fromFull = checkPaste(full, input);
      expect(withoutProse(checkPaste(checker, input))).toEqual(withoutProse(fromFull));
      if (fromFull.matches.some((match) => match.possible !== undefined)) withPossible++;
    }
    // The lexical ranking reads the words the build stored instead of the prose: some answers must rest on it.
    expect(withPossible).toBeGreaterThan(10);
  }, 120_000);

  it('carries none of the pages\' prose: no summary, clue sentence, fix note or check-next note', () => {
    const text = JSON.stringify(packCheckerRuleIndex(full));
    const page = full.pages.find((each) => each.checkNext?.some((step) => step.note !== undefined) && each.fixes.some((fix) => fix.note !== undefined) && each.clues.length > 0);
    expect(page).toBeDefined();
    if (!page) return;
    const prose = [page.summary, page.clues[0]!.says, page.fixes.find((fix) => fix.note !== undefined)!.note!, page.checkNext!.find((step) => step.note !== undefined)!.note!];
    for (const sentence of prose) {
      expect(JSON.stringify(packRuleIndex(full))).toContain(JSON.stringify(sentence).slice(1, -1));
      expect(text).not.toContain(JSON.stringify(sentence).slice(1, -1));
    }
    // What the verdict shows stays: the title, a signature, a fix title and a check-next title.
    for (const kept of [page.title, page.signatures[0]!.text, page.fixes[0]!.title, page.checkNext![0]!.title]) expect(text).toContain(JSON.stringify(kept).slice(1, -1));
  });

  it('is much smaller than the full stored form for the real pages, and smaller for generated ones', () => {
    const gzipOf = (compiled: RuleIndex) => ({ full: gzipSync(JSON.stringify(packRuleIndex(compiled))).length, checker: gzipSync(JSON.stringify(packCheckerRuleIndex(compiled))).length });
    const real = gzipOf(full);
    expect(real.checker).toBeLessThan(real.full * 0.75);
    // Generated pages repeat one page's prose, which gzip already shares: less to gain there.
    const generated = gzipOf(compileRulesAtBuild(generateBenchPages(200)));
    expect(generated.checker).toBeLessThan(generated.full);
  });

  it('gives the left-out fields back empty, so every reader of a page finds its shape', () => {
    const page = checker.pages.find((each) => each.id === full.pages[0]!.id)!;
    expect({ summary: page.summary, area: page.area, hop: page.hop, status: page.status, relatedErrors: page.relatedErrors, says: page.clues.map((clue) => clue.says) }).toEqual({
      summary: '',
      area: '',
      hop: '',
      status: '',
      relatedErrors: [],
      says: page.clues.map(() => ''),
    });
    expect(page.url).toBe(`/errors/${page.id}/`);
  });

  it('refuses words or fix titles that are not one string per page or per fix, saying which', () => {
    const reasonOf = (change: (packed: Record<string, unknown>) => void): string => {
      const packed = packCheckerRuleIndex(full);
      change(packed);
      const reading = readRuleIndex(JSON.stringify(packed));
      return reading.kind === 'invalid' ? reading.reason : 'read';
    };
    expect(reasonOf((packed) => (packed['words'] = [['a', 'b']]))).toMatch(/words that are not a list of strings/);
    expect(reasonOf((packed) => (packed['words'] = (packed['words'] as string[]).slice(1)))).toBe(`the rules data has words for ${full.pages.length - 1} pages, not ${full.pages.length}`);
    expect(reasonOf((packed) => delete packed['fixTitles'])).toMatch(/fixTitles that are not a list of strings/);
    expect(reasonOf((packed) => (packed['fixTitles'] = (packed['fixTitles'] as string[]).slice(0, -1)))).toMatch(/fewer fix titles than fixes/);
    expect(reasonOf((packed) => (packed['fixTitles'] = [...(packed['fixTitles'] as string[]), 'one more']))).toMatch(/fix titles for \d+ fixes/);
  });

  it('stores the pages in area order and reads them back in id order, each with its own words and fix titles', () => {
    const packed = packCheckerRuleIndex(full) as { pages: Array<{ id: string }> };
    const storedIds = packed.pages.map((page) => page.id);
    expect(storedIds).not.toEqual(full.pages.map((page) => page.id));
    expect(checker.pages.map((page) => page.id)).toEqual(full.pages.map((page) => page.id));
    expect(checker.pages.map((page) => page.fixes.map((fix) => fix.title))).toEqual(full.pages.map((page) => page.fixes.map((fix) => fix.title)));
  });

  it('the files the build wrote are that form of the current pages, as JSON and as the module /check/ imports', async () => {
    const written = readFileSync(resolve(root, 'src/generated/checker-rules.json'), 'utf8').trim();
    expect(written).toBe(JSON.stringify(packCheckerRuleIndex(compileRulesAtBuild(pageFiles.map((entry) => entry.page), compileConfigModel() as ConfigModel))));
    const module = (await import('../../src/generated/checker-rules.js')) as { default: unknown };
    expect(module.default).toEqual(JSON.parse(written));
    const reading = readRuleIndexData(module.default);
    expect(reading.kind === 'read' && reading.index.pages.length).toBe(pageFiles.length);
  });
});
