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

/**
 * A message from the checker page to its worker, discriminated on `kind`. The worker loads its
 * rules itself as it starts, so the main thread never holds them; requests sent before they are
 * loaded wait for them.
 */
export type CheckerRequest =
  | { kind: 'check'; seq: number; paste: string; config: string }
  | { kind: 'redact'; seq: number; paste: string; config: string };

/**
 * A message from the checker worker to the page, discriminated on `kind`. `ready` says the rules
 * loaded; `unavailable` says they did not, and the worker then refuses
 * every check with `failed` carrying the same reason.
 */
export type CheckerReply =
  | { kind: 'ready'; pages: number }
  | { kind: 'unavailable'; message: string }
  | { kind: 'result'; seq: number; result: CheckResult; extras: ResultExtras }
  | { kind: 'redacted'; seq: number; paste: string; config: string }
  | { kind: 'failed'; seq: number; message: string };
