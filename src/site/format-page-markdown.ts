/**
 * The GitHub-issue Markdown of an error page, built at site build time. Kept apart from
 * format-issue-markdown.ts so the checker's main-thread script does not pull in the YAML and diff
 * code that suggesting fixes needs.
 */
import { listCheckNext } from '../engine/check-next.ts';
import type { RulePage } from '../engine/index.ts';
import { parseInput } from '../engine/parse-input.ts';
import { suggestFixes } from '../engine/suggest-fix.ts';
import { formatPageMarkdown } from './format-issue-markdown.ts';

/**
 * The Markdown an error page offers, from its compiled rules: its first signature, its fixes as
 * the checker would suggest them without a config (YAML with the `<server>` placeholder), what to
 * check next, and its versions.
 */
export function formatRulePageMarkdown(page: RulePage): string {
  const signature = page.signatures[0];
  const fixes = suggestFixes(page, { evidence: parseInput({ paste: '' }) });
  return formatPageMarkdown(
    {
      id: page.id,
      title: page.title,
      signature: signature ? { id: signature.id, text: signature.text } : { id: '', text: page.title },
      affects: (page.affects ?? []).map((affected) => affected.versions),
      fixedIn: page.fixedIn,
    },
    fixes,
    listCheckNext(page),
  );
}
