import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { validateContent } from '../../src/catalog/validate-content.ts';
import { formatProblems } from '../../src/catalog/format-issue.ts';

const root = process.cwd();
const fixtures = join(root, 'test/fixtures/broken-reports');

function validate(folder: string) {
  return validateContent(join(fixtures, folder, 'errors'), root);
}

describe('the reports inventory', () => {
  it('accepts the real inventory and reads every entry', () => {
    const { reports, problems } = validateContent(join(root, 'content/errors'), root);
    expect(formatProblems(problems)).toBe('');
    expect(new Set(reports.map((report) => report.number)).size).toBe(reports.length);
  }, 60_000); // every page with its regex analysis: seconds, not milliseconds, as content grows

  it('reads each triage form into its kind', () => {
    const { reports, problems } = validate('valid');
    expect(formatProblems(problems)).toBe('');
    expect(reports.map((report) => report.triage)).toEqual([
      { kind: 'page', id: 'valid-page' },
      { kind: 'duplicate', of: 100 },
      { kind: 'not-a-failure' },
      { kind: 'cannot-tell', reason: 'the PR names no symptom' },
    ]);
  });

  // Each broken fixture breaks one thing; the message names the file, the report and why.
  const file = 'inventory/litellm-mcp-reports.yaml';
  const cases: Array<[folder: string, expected: string]> = [
    ['bad-state', `bad-state/${file}: reports.#200.state: expected open, closed, stale or "fixed by #N"`],
    ['bad-triage', `bad-triage/${file}: reports.#201.triage: expected a page id, not-a-failure, "duplicate-of #N" or "cannot-tell: <reason>"`],
    ['page-nowhere', `page-nowhere/${file}: reports.#202.triage: no page "no-such-page" under content/errors`],
    ['number-twice', `number-twice/${file}: reports.#203.number: #203 is listed twice`],
    ['duplicate-nowhere', `duplicate-nowhere/${file}: reports.#204.triage: #9999 is not in the inventory`],
    ['unknown-field', `unknown-field/${file}: reports.#205: unknown field: labels`],
    ['bad-yaml', `bad-yaml/${file}: (page): the YAML does not parse at line`],
  ];

  it('has a test case for every broken fixture folder', () => {
    const folders = readdirSync(fixtures, { withFileTypes: true }).filter((entry) => entry.isDirectory() && entry.name !== 'valid');
    expect(folders.map((entry) => entry.name).sort()).toEqual(cases.map(([folder]) => folder).sort());
  });

  for (const [folder, expected] of cases) {
    it(`rejects the ${folder} fixture naming the file, the report and the reason`, () => {
      expect(formatProblems(validate(folder).problems)).toContain(expected);
    });
  }
});
