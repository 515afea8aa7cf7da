import type { CheckResult } from '../engine/index.ts';

/**
 * What the checker page offers around a result, made in the worker (which already holds the
 * redaction) so the page's own script stays small: the GitHub Markdown, and — when no page fits
 * confidently — a search for the paste's words and a prefilled report of a missing page.
 */
export interface ResultExtras {
  /** `formatCheckMarkdown(result, paste)`: what "Copy for a GitHub issue" copies. */
  markdown: string;
  /** The paste's distinctive words (empty when it has none). */
  searchWords: string;
  /** `/search/?q=…` for those words. */
  searchPath: string;
  /** The new-issue URL with the masked paste, when the verdict is not confident. */
  reportUrl?: string;
}

/** The id of the `<script type="application/json">` block in /check/ that carries the compiled rules. */
export const RULES_BLOCK_ID = 'mcpfix-rules';

/**
 * A message from the checker page to its worker, discriminated on `kind`. The first one is
 * `load-rules`: the text of the page's rules block (null when the page has none), which the worker
 * parses itself so the main thread never holds the parsed index.
 */
export type CheckerRequest =
  | { kind: 'load-rules'; rules: string | null }
  | { kind: 'check'; seq: number; paste: string; config: string }
  | { kind: 'redact'; seq: number; paste: string; config: string };

/**
 * A message from the checker worker to the page, discriminated on `kind`. `ready` answers a
 * `load-rules` that worked; `unavailable` answers one that did not, and the worker then refuses
 * every check with `failed` carrying the same reason.
 */
export type CheckerReply =
  | { kind: 'ready'; pages: number }
  | { kind: 'unavailable'; message: string }
  | { kind: 'result'; seq: number; result: CheckResult; extras: ResultExtras }
  | { kind: 'redacted'; seq: number; paste: string; config: string }
  | { kind: 'failed'; seq: number; message: string };
