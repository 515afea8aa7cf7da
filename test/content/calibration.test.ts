import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { calibrate, type CalibrationCase } from '../../src/catalog/calibrate.ts';
import { readNegativeCorpus } from '../../src/catalog/read-negative-corpus.ts';
import { validateContent } from '../../src/catalog/validate-content.ts';
import { minMatchLength } from '../../src/catalog/analyse-pattern.ts';
import { checkPaste } from '../../src/engine/index.ts';
import { compileRulesAtBuild } from '../../src/catalog/analyse-pattern.ts';

// Confidence must mean what it says: `high` names the right page at least 95% of the time on the
// pages' examples and the triaged reports, and almost never fires on pastes that are no LiteLLM
// MCP failure (the same figures `npm run coverage` prints).
const root = resolve(import.meta.dirname, '../..');
const { pages, reports } = validateContent(resolve(root, 'content/errors'), root);
const index = compileRulesAtBuild(pages.map((entry) => entry.page));
const positives: CalibrationCase[] = [
  ...pages.flatMap(({ id, page }) => page.examples.map((example) => ({ paste: example.paste, config: example.config, expected: id }))),
  ...reports.flatMap((report) => (report.triage.kind === 'page' && report.evidence !== null ? [{ paste: report.evidence, expected: report.triage.id }] : [])),
];
const negatives: CalibrationCase[] = readNegativeCorpus(resolve(root, 'test/fixtures/negative')).map(({ paste }) => ({ paste, expected: null }));

describe('calibration', () => {
  it('high names the right page in at least 95% of examples and reports', () => {
    const high = calibrate(index, positives).find((row) => row.level === 'high');
    expect(high?.count).toBeGreaterThan(0);
    expect((high?.right ?? 0) / (high?.count ?? 1)).toBeGreaterThanOrEqual(0.95);
  });

  it('answers high for at most 3% of the negative corpus', () => {
    const high = calibrate(index, negatives).find((row) => row.level === 'high');
    expect((high?.count ?? 0) / negatives.length).toBeLessThanOrEqual(0.03);
  });

  it('counts every case once, in the level of its top match', () => {
    const rows = calibrate(index, [...positives.slice(0, 5), ...negatives.slice(0, 3)]);
    expect(rows.map((row) => row.level)).toEqual(['high', 'medium', 'low', 'none']);
    expect(rows.reduce((sum, row) => sum + row.count, 0)).toBe(8);
  });
});

describe('honest confidence', () => {
  it('never answers high for prose whose only hit is a loose pattern', () => {
    const prose = 'We deployed the gateway last week. Since then Cursor shows 0 tools for our Jira connection, although the same server worked directly. Any idea what changed?';
    const result = checkPaste(index, { paste: prose });
    expect(result.matches[0]?.id).toBe('empty-tool-list-through-gateway');
    expect(result.matches[0]?.confidence).not.toBe('high');
    expect(result.nextSteps.length).toBeGreaterThan(0);
  });

  it('measures how short a match of a pattern can be', () => {
    expect(minMatchLength(String.raw`\b40[13]\b|unauthori[sz]ed`)).toBe(3);
    expect(minMatchLength(String.raw`no tools (available|found)|\b0 tools\b`)).toBe(7);
    expect(minMatchLength("Tool '[^']+' not found")).toBe(18);
    expect(minMatchLength('(')).toBe(0);
  });
});
