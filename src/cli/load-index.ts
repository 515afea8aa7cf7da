import { readFileSync, statSync } from 'node:fs';
import { listPageFiles } from '../catalog/list-page-files.ts';
import type { ConfigModel } from '../engine/lint-config.ts';
import { readRuleIndex } from '../engine/read-rule-index.ts';
import type { RuleIndex } from '../engine/rule-index.ts';
import { CONTENT_DIR, GENERATED_RULES, PROJECT_ROOT } from './project-paths.ts';

/** The rule index the CLI matches against, and where it came from. */
export type LoadedIndex =
  | { kind: 'loaded'; index: RuleIndex; source: 'generated' | 'content'; warnings: string[] }
  | { kind: 'failed'; reason: string };


/**
 * Loads the rules the build produced (`src/generated/rules.json`, written by
 * `node scripts/compile-rules.ts`), or compiles them from `content/errors/` when that file is
 * absent, as it is right after `npm ci`, or older than a page (someone edited content since the
 * last build). Both paths compile through the build's `compileRulesAtBuild`, so the CLI never
 * matches against rules hand-kept beside the pages.
 */
export async function loadIndex(paths: { generated: string; content: string } = { generated: GENERATED_RULES, content: CONTENT_DIR }): Promise<LoadedIndex> {
  let text: string | undefined;
  try {
    text = readFileSync(paths.generated, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return { kind: 'failed', reason: `cannot read ${paths.generated}: ${(error as Error).message}` };
  }
  if (text !== undefined && isOlderThanContent(paths.generated, paths.content)) text = undefined;
  if (text !== undefined) {
    const reading = readRuleIndex(text);
    if (reading.kind === 'read') return { kind: 'loaded', index: reading.index, source: 'generated', warnings: [] };
    const compiled = await compileFromContent(paths.content);
    if (compiled.kind === 'loaded') {
      compiled.warnings.unshift(`${paths.generated} is not a usable rule index (${reading.reason}); compiled the rules from content/ instead`);
    }
    return compiled;
  }
  return compileFromContent(paths.content);
}

// A stale index would answer with rules the pages no longer say; comparing mtimes costs one stat per page.
function isOlderThanContent(generated: string, content: string): boolean {
  try {
    const builtAt = statSync(generated).mtimeMs;
    return listPageFiles(content).some((file) => statSync(file).mtimeMs > builtAt);
  } catch {
    return false;
  }
}

// Loaded only when the generated index is missing or stale: the catalog pulls in zod and the MDX reader.
async function compileFromContent(folder: string): Promise<LoadedIndex> {
  const [{ readPages }, { formatProblems }, { compileRulesAtBuild }, { compileConfigModel }] = await Promise.all([
    import('../catalog/read-pages.ts'),
    import('../catalog/format-issue.ts'),
    import('../catalog/analyse-pattern.ts'),
    import('../schemas/litellm-config.ts'),
  ]);
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
