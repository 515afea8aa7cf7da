import { readFileSync, statSync } from 'node:fs';
import { hasPageNewerThan } from '../catalog/list-page-files.ts';
import { prepareIndex } from '../engine/prepare-rules.ts';
import { readRuleIndex } from '../engine/read-rule-index.ts';
import type { RuleIndex } from '../engine/rule-index.ts';
import { BUILT_PREPARE_FINGERPRINT } from './prepare-fingerprint.ts';
import { CONTENT_DIR, GENERATED_RULES } from './project-paths.ts';

/** The rule index the CLI matches against, and where it came from. */
export type LoadedIndex =
  | { kind: 'loaded'; index: RuleIndex; source: 'generated' | 'content'; warnings: string[] }
  | { kind: 'failed'; reason: string };

/**
 * Loads the rules the build produced (`src/generated/rules.json`, written by
 * `node scripts/compile-rules.ts`), or compiles them from `content/errors/` when that file is
 * absent, as it is right after `npm ci`, or older than a page (someone edited content since the
 * last build). Both paths compile through the build's `compileRulesAtBuild`, so the CLI never
 * matches against rules hand-kept beside the pages. The generated index is prepared for matching
 * from the tables the build stored in it when they come from the prepare code this CLI was
 * built with (`fingerprint`), and from scratch otherwise: the same index either way.
 */
export async function loadIndex(
  paths: { generated: string; content: string } = { generated: GENERATED_RULES, content: CONTENT_DIR },
  fingerprint: string | null = BUILT_PREPARE_FINGERPRINT,
): Promise<LoadedIndex> {
  let text: string | undefined;
  try {
    text = readFileSync(paths.generated, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return { kind: 'failed', reason: `cannot read ${paths.generated}: ${(error as Error).message}` };
  }
  if (text !== undefined && isOlderThanContent(paths.generated, paths.content)) text = undefined;
  if (text !== undefined) {
    const reading = readRuleIndex(text);
    if (reading.kind === 'read') {
      if (fingerprint !== null) prepareIndex(reading.index, { fingerprint });
      return { kind: 'loaded', index: reading.index, source: 'generated', warnings: [] };
    }
    const compiled = await compileFromPages(paths.content);
    if (compiled.kind === 'loaded') {
      compiled.warnings.unshift(`${paths.generated} is not a usable rule index (${reading.reason}); compiled the rules from content/ instead`);
    }
    return compiled;
  }
  return compileFromPages(paths.content);
}

// Imported only when the generated index is missing, stale or unusable: the page compiler brings zod, YAML and the regex parser.
async function compileFromPages(folder: string): Promise<LoadedIndex> {
  return (await import('./compile-index-from-pages.ts')).compileIndexFromPages(folder);
}

// A stale index would answer with rules the pages no longer say; comparing mtimes costs a stat per page.
function isOlderThanContent(generated: string, content: string): boolean {
  try {
    return hasPageNewerThan(content.replace(/[\\/]+$/, ''), statSync(generated).mtimeMs);
  } catch {
    return false;
  }
}

