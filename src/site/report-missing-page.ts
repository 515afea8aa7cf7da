/**
 * "Report a missing page": a new-issue link in this project's repository, prefilled with the
 * masked paste. Browsers and GitHub cut long URLs, so the link stays under MAX_REPORT_URL and the
 * paste is cut to fit, saying so in the body.
 */
import { maskForSharing } from './format-issue-markdown.ts';
import { distinctiveWords } from './search-words.ts';
import { buildNewIssueUrl } from './site-urls.ts';

/** The longest report link built, in characters (about 8 KB, which GitHub and browsers accept). */
export const MAX_REPORT_URL = 8_000;

/** Builds the new-issue URL for a paste no page matched confidently; `verdict` says what the checker answered. */
export function buildMissingPageReportUrl(paste: string, verdict: 'unsure' | 'nothing'): string {
  const masked = maskForSharing(paste.replace(/\r\n/g, '\n')).trim();
  const words = distinctiveWords(masked);
  const title = `Missing page: ${words === '' ? 'a paste the checker could not place' : words}`.slice(0, 120);
  const lead = verdict === 'nothing' ? 'The checker found no page for this paste.' : 'The checker was not sure which page fits this paste.';
  const bodyOf = (shown: string, isCut: boolean): string =>
    [
      lead,
      '',
      'What I pasted (secrets masked by mcpfix):',
      '',
      '```text',
      shown,
      '```',
      ...(isCut ? ['', `(cut to ${shown.length.toLocaleString('en-US')} of ${masked.length.toLocaleString('en-US')} characters to fit in a link; paste the rest below)`] : []),
      '',
      'LiteLLM version: ',
      'MCP client: ',
    ].join('\n');
  let url = buildNewIssueUrl(title, bodyOf(masked, false));
  let keep = masked.length;
  // Percent-encoding can triple a character's length: shrink by the overshoot until the link fits.
  while (url.length > MAX_REPORT_URL && keep > 0) {
    const overshoot = url.length - MAX_REPORT_URL;
    keep = Math.max(0, keep - Math.max(64, Math.ceil(overshoot / 3)));
    url = buildNewIssueUrl(title, bodyOf(masked.slice(0, keep).trimEnd(), true));
  }
  return url;
}
