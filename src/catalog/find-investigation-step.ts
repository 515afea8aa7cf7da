/**
 * Tells an investigation step from a change. A fix on a page is something that changes the
 * outcome (a config edit, an env line, an upgrade, a client action, a genuine workaround); reading
 * a log or repeating a request with curl only tells the reader more, so it belongs under the page's
 * `checkNext`. The build uses this to reject such a fix and `scripts/migrate-check-next.ts` uses the
 * same test to move it, so the check and the migration can never disagree.
 */
import type { ContentProblem } from './format-issue.ts';

/** A fix as the frontmatter writes it: only its kind and title decide. */
export interface FixLike {
  kind?: unknown;
  title?: unknown;
}

// A leading condition ("Or", "If the database is configured,", "For HTTP 5xx,", "On 1.80.x,") says
// when, not what: the verb after it decides.
const LEADING_CONDITION = /^(?:(?:or|and|also|meanwhile|then|first),?\s+|(?:if|for|on|when|until|before|after)\b[^,]{0,80},\s*)/i;

// Verbs that only gather facts. "Send", "Call", "List", "Run", "Open" and "Ask" are left out: most
// titles starting with them change what the client or the gateway does ("Send the LiteLLM key as…").
const INVESTIGATION_VERBS = new Set([
  'read',
  'repeat',
  'check',
  'see',
  'look',
  'test',
  'fetch',
  'find',
  'reproduce',
  'compare',
  'inspect',
  'verify',
  'confirm',
  'watch',
  'time',
  'audit',
  'investigate',
  'diagnose',
  'debug',
]);

const VERSION_VERBS = new Set(['upgrade', 'downgrade', 'pin']);

// Wordings that give an investigation away whatever the verb: a curl transcript, or an action done
// "to see" what happens.
const INVESTIGATION_PHRASES: readonly RegExp[] = [/\bcurl\b/i, /\bto (?:see|learn|find out)\b/i, /\bwatch the (?:\w+'s )?logs?\b/i];

/**
 * Why a fix reads as an investigation step rather than a change, or undefined when it is a change.
 * Only `workaround` and `client` fixes are judged: a `config`, `env` or `upgrade` fix carries its
 * change as data, so it is a change whatever its title says.
 */
export function findInvestigationStep(fix: FixLike): string | undefined {
  if (fix.kind !== 'workaround' && fix.kind !== 'client') return undefined;
  if (typeof fix.title !== 'string') return undefined;
  const title = fix.title.trim();
  const verb = /^[A-Za-z-]+/.exec(withoutConditions(title))?.[0].toLowerCase();
  // A version change is a change, even when it is worth making "to see" a better error.
  if (verb !== undefined && VERSION_VERBS.has(verb)) return undefined;
  if (verb !== undefined && INVESTIGATION_VERBS.has(verb)) return `it starts with “${verb}”, an investigation step: move it to checkNext`;
  const phrase = INVESTIGATION_PHRASES.map((pattern) => pattern.exec(title)?.[0]).find((found) => found !== undefined);
  if (phrase !== undefined) return `it says “${phrase}”, an investigation step: move it to checkNext`;
  return undefined;
}

// "Or, on 1.80.x, test…" has two conditions before its verb.
function withoutConditions(title: string): string {
  let action = title;
  for (;;) {
    const next = action.replace(LEADING_CONDITION, '');
    if (next === action) return action;
    action = next;
  }
}

/** One problem per fix of a page that reads as an investigation step (none when every fix is a change). */
export function checkFixesAreChanges(pages: readonly { file: string; page: { fixes: readonly FixLike[] } }[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const { file, page } of pages) {
    page.fixes.forEach((fix, index) => {
      const why = findInvestigationStep(fix);
      if (why !== undefined) problems.push({ file, field: `fixes.${index}`, reason: `“${String(fix.title)}” is not a change: ${why}` });
    });
  }
  return problems;
}
