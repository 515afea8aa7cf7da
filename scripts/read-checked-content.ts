/**
 * What the measuring scripts (coverage.ts, measure-report-bodies.ts) start from: the validated pages
 * and reports of the repository at `root`, and the rule index compiled from the pages as the build
 * compiles it. A page or report that does not validate stops the script, naming the file, the field
 * and why, rather than measuring a catalogue the build would refuse.
 */
import { resolve } from 'node:path';
import { compileRulesAtBuild } from '../src/catalog/analyse-pattern.ts';
import { formatProblems } from '../src/catalog/format-issue.ts';
import { validateContent } from '../src/catalog/validate-content.ts';
import type { RuleIndex } from '../src/engine/index.ts';

type Validated = ReturnType<typeof validateContent>;

/** The validated pages and reports, and their rule index; exits 1 with the problems when there are any. */
export function readCheckedContent(root: string): { pages: Validated['pages']; reports: Validated['reports']; index: RuleIndex } {
  const { pages, reports, problems } = validateContent(resolve(root, 'content/errors'), root);
  if (problems.length > 0) {
    process.stderr.write(`${formatProblems(problems)}\n`);
    process.exit(1);
  }
  return { pages, reports, index: compileRulesAtBuild(pages.map((entry) => entry.page)) };
}
