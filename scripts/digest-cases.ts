/**
 * The pastes whose answers must not move under a speed-up or a refactor: every page example (with
 * its config), every triaged report's evidence, the negative corpus and the pastes under
 * test/fixtures/pastes, each named. scripts/digest-results.ts digests the checker's answers on
 * them; test/unit/stored-preparation.test.ts compares two ways of preparing the index on them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatProblems } from '../src/catalog/format-issue.ts';
import { readNegativeCorpus } from '../src/catalog/read-negative-corpus.ts';
import type { PageFile } from '../src/catalog/read-pages.ts';
import { validateContent } from '../src/catalog/validate-content.ts';
import type { CheckInput } from '../src/engine/index.ts';

/** One named paste. */
export interface DigestCase {
  /** What the paste is, such as `example <page id> #2` or `negative <file>`. */
  name: string;
  /** The paste and its config. */
  input: CheckInput;
}

/** The validated pages and every named paste of the repository at `root`; throws naming the problems when a page does not validate. */
export function collectDigestCases(root: string): { pages: PageFile[]; cases: DigestCase[] } {
  const { pages, reports, problems } = validateContent(resolve(root, 'content/errors'), root);
  if (problems.length > 0) throw new Error(formatProblems(problems));
  const cases: DigestCase[] = [];
  for (const { id, page } of pages) {
    page.examples.forEach((example, at) => cases.push({ name: `example ${id} #${at + 1}`, input: example.config === undefined ? { paste: example.paste } : { paste: example.paste, config: example.config } }));
  }
  reports.forEach((report, at) => {
    if (report.evidence !== null) cases.push({ name: `report #${at + 1}`, input: { paste: report.evidence } });
  });
  for (const { name, paste } of readNegativeCorpus(resolve(root, 'test/fixtures/negative'))) cases.push({ name: `negative ${name}`, input: { paste } });
  const pastes = resolve(root, 'test/fixtures/pastes');
  for (const name of readdirSync(pastes).sort()) cases.push({ name: `paste ${name}`, input: { paste: readFileSync(join(pastes, name), 'utf8') } });
  return { pages, cases };
}
