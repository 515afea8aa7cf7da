/**
 * The GitHub Action's work: check a newly opened issue's body and, when the checker is confident,
 * comment once with the same Markdown as `mcpfix check --markdown`. Never on a low-confidence
 * verdict, never on an edited or reopened issue, never twice on one issue (the comment carries
 * COMMENT_MARKER, and existing comments are read first).
 */
import { checkPaste, type RuleIndex } from '../engine/index.ts';
import { formatCheckMarkdown } from '../site/format-issue-markdown.ts';

/** Hidden in every comment the Action writes, so a rerun finds its own comment and stays quiet. */
export const COMMENT_MARKER = '<!-- mcpfix-issue-check -->';

/** What the Action reads from its environment (the variables GitHub Actions sets). */
export interface ActionSettings {
  /** `GITHUB_EVENT_NAME`. */
  eventName: string;
  /** The parsed `GITHUB_EVENT_PATH` file. */
  event: unknown;
  /** `GITHUB_API_URL`: `https://api.github.com`, or an Enterprise server's, or a loopback stand-in in tests. */
  apiUrl: string;
  /** `GITHUB_REPOSITORY`: `owner/name`. */
  repository: string;
  /** The token the Action was given. */
  token: string;
}

/** What the Action did, in one line for the log. */
export type ActionOutcome =
  | { kind: 'commented'; issue: number; url: string; page: string }
  | { kind: 'skipped'; reason: string }
  | { kind: 'failed'; reason: string };

/** A `fetch` as the Action needs it (the global one in production). */
export type Fetch = (url: string, init: { method: string; headers: Record<string, string>; body?: string }) => Promise<Response>;

interface OpenedIssue {
  number: number;
  body: string;
}

/** Runs the Action once for one event. Never throws: API failures come back as `failed`. */
export async function commentOnIssue(settings: ActionSettings, index: RuleIndex, fetchApi: Fetch): Promise<ActionOutcome> {
  const issue = openedIssueOf(settings.eventName, settings.event);
  if (typeof issue === 'string') return { kind: 'skipped', reason: issue };
  if (issue.body.trim() === '') return { kind: 'skipped', reason: `issue #${issue.number} has an empty body` };

  const result = checkPaste(index, { paste: issue.body });
  const top = result.matches[0];
  if (result.verdict !== 'confident' || !top) {
    return { kind: 'skipped', reason: `issue #${issue.number}: the checker is not confident (${top ? `closest: ${top.id}, ${top.confidence}` : 'no page matches'}), so no comment` };
  }

  const commentsUrl = `${settings.apiUrl.replace(/\/+$/, '')}/repos/${settings.repository}/issues/${issue.number}/comments`;
  const headers = {
    accept: 'application/vnd.github+json',
    authorization: `Bearer ${settings.token}`,
    'x-github-api-version': '2022-11-28',
    'user-agent': 'mcpfix-issue-check',
  };
  try {
    const existing = await listComments(commentsUrl, headers, fetchApi);
    if (existing.some((body) => body.includes(COMMENT_MARKER))) {
      return { kind: 'skipped', reason: `issue #${issue.number} already has the mcpfix comment` };
    }
    const body = `${COMMENT_MARKER}\n${formatCheckMarkdown(result, issue.body)}`;
    const response = await fetchApi(commentsUrl, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ body }) });
    if (!response.ok) return { kind: 'failed', reason: `POST ${commentsUrl} answered ${response.status}: ${(await response.text()).slice(0, 200)}` };
    const created = (await response.json()) as { html_url?: unknown };
    return { kind: 'commented', issue: issue.number, url: typeof created.html_url === 'string' ? created.html_url : commentsUrl, page: top.id };
  } catch (error) {
    return { kind: 'failed', reason: `GitHub API at ${settings.apiUrl}: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** The issue of an `issues` event with action `opened`, or why there is nothing to do. */
function openedIssueOf(eventName: string, event: unknown): OpenedIssue | string {
  if (eventName !== 'issues') return `event "${eventName}" is not an issue event (run the Action on: issues: types: [opened])`;
  const payload = event as { action?: unknown; issue?: { number?: unknown; body?: unknown; pull_request?: unknown } } | null;
  if (payload?.action !== 'opened') return `issue event "${String(payload?.action)}" is not "opened": only new issues get a comment`;
  const issue = payload.issue;
  if (!issue || typeof issue.number !== 'number') return 'the event has no issue number';
  return { number: issue.number, body: typeof issue.body === 'string' ? issue.body : '' };
}

// Every page of comments (100 each), following GitHub's `Link: <…>; rel="next"` header.
async function listComments(firstUrl: string, headers: Record<string, string>, fetchApi: Fetch): Promise<string[]> {
  const bodies: string[] = [];
  let url: string | undefined = `${firstUrl}?per_page=100`;
  for (let page = 0; url !== undefined && page < 50; page++) {
    const response = await fetchApi(url, { method: 'GET', headers });
    if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
    const comments = (await response.json()) as unknown;
    if (!Array.isArray(comments)) throw new Error(`GET ${url} did not answer a list of comments`);
    for (const comment of comments) {
      const body = (comment as { body?: unknown } | null)?.body;
      if (typeof body === 'string') bodies.push(body);
    }
    url = /<([^>]+)>;\s*rel="next"/.exec(response.headers.get('link') ?? '')?.[1];
  }
  return bodies;
}
