/** The origin the site is published at (mirrors `site` in astro.config.mjs). */
export const SITE_ORIGIN = 'https://mcpfix.dev';

/** This project's own repository: where "report a missing page" and "report a problem" open issues. */
export const REPOSITORY_URL = 'https://github.com/mcpfix/mcpfix';

/** Builds the URL that opens a new issue in this project's repository, prefilled with a title and a body. */
export function buildNewIssueUrl(title: string, body: string): string {
  return `${REPOSITORY_URL}/issues/new?${new URLSearchParams({ title, body }).toString()}`;
}

/** Builds the site-relative URL of an error page, with the trailing slash the site always uses. */
export function buildErrorPath(id: string): string {
  return `/errors/${id}/`;
}

/** Builds the in-page anchor id of a signature (`sig-<sigid>`). */
export function buildSignatureAnchor(signatureId: string): string {
  return `sig-${signatureId}`;
}

/** Builds the absolute URL of an error page on the published site. */
export function buildErrorUrl(id: string): string {
  return `${SITE_ORIGIN}${buildErrorPath(id)}`;
}

/** Builds the Markdown link to an error page that people paste into GitHub issues. */
export function buildMarkdownLink(title: string, id: string): string {
  // Brackets inside a link text end it early on GitHub; escape them.
  const text = title.replace(/([\\[\]])/g, '\\$1');
  return `[${text}](${buildErrorUrl(id)})`;
}

/** Builds the URL of a pull request or issue on GitHub. */
export function buildTrackerUrl(repo: string, kind: 'pr' | 'issue', number: number): string {
  return `https://github.com/${repo}/${kind === 'pr' ? 'pull' : 'issues'}/${number}`;
}

/** Builds the URL of a LiteLLM pull request. */
export function buildLitellmPrUrl(pr: number): string {
  return buildTrackerUrl('BerriAI/litellm', 'pr', pr);
}

/** Builds the in-page anchor id of a page's fix, numbered from 1 in the order to try them (`fix-<n>`). */
export function buildFixAnchor(position: number): string {
  return `fix-${position}`;
}
