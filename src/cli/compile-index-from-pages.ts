import { formatProblems } from '../catalog/format-issue.ts';
import { compileRulesAtBuild } from '../catalog/analyse-pattern.ts';
import { readPages } from '../catalog/read-pages.ts';
import type { ConfigModel } from '../engine/lint-config.ts';
import { compileConfigModel } from '../schemas/litellm-config.ts';
import type { LoadedIndex } from './load-index.ts';
import { PROJECT_ROOT } from './project-paths.ts';

/**
 * Compiles the rule index from the pages in `folder`, as the build does (`compileRulesAtBuild`),
 * for a CLI whose generated index is missing or stale. Its own module, imported only then: it
 * brings zod, YAML and the regex parser, which a check against the generated index never needs.
 */
export function compileIndexFromPages(folder: string): LoadedIndex {
  let read: ReturnType<typeof readPages>;
  try {
    read = readPages(folder, PROJECT_ROOT);
  } catch (error) {
    return { kind: 'failed', reason: `no rule index: cannot read the pages in ${folder}: ${(error as Error).message}` };
  }
  if (read.pages.length === 0) {
    return { kind: 'failed', reason: `no rule index: no valid page in ${folder}${read.problems.length ? `\n${formatProblems(read.problems)}` : ''}` };
  }
  // A page that does not validate is left out rather than failing every check: say which.
  const warnings = read.problems.length > 0 ? [`${read.problems.length} problem(s) in the pages; those pages were skipped:\n${formatProblems(read.problems)}`] : [];
  return { kind: 'loaded', index: compileRulesAtBuild(read.pages.map((entry) => entry.page), compileConfigModel() as ConfigModel), source: 'content', warnings };
}
