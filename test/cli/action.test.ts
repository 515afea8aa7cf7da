import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { COMMENT_MARKER } from '../../src/action/comment-on-issue.ts';
import { startGitHubApiStandIn, type GitHubApiStandIn } from '../support/github-api-stand-in.ts';
import { REPO_ROOT, runCli } from '../support/run-cli.ts';

const REPOSITORY = 'acme/gateway';
const EVENTS = 'test/fixtures/action';
const TOKEN = 'ghs_standInTokenForTheActionTest0001';

interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the Action's entry point as Actions would: a Node process with the GITHUB_* environment. */
function runAction(event: string, api: GitHubApiStandIn, eventName = 'issues'): Promise<ActionRun> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      GITHUB_EVENT_NAME: eventName,
      GITHUB_EVENT_PATH: `${REPO_ROOT}${EVENTS}/${event}`,
      GITHUB_API_URL: api.url,
      GITHUB_REPOSITORY: REPOSITORY,
      GITHUB_TOKEN: TOKEN,
    };
    const child = spawn(process.execPath, ['src/action/main.ts'], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function posts(api: GitHubApiStandIn): number {
  return api.requests.filter((request) => request.method === 'POST').length;
}

describe('the GitHub Action (action.yml)', { timeout: 60_000 }, () => {
  let api: GitHubApiStandIn;
  beforeEach(async () => {
    api = await startGitHubApiStandIn(REPOSITORY);
  });
  afterEach(async () => {
    await api.close();
  });

  test('a newly opened issue the checker is confident about gets one comment: the --markdown text, marked', async () => {
    const run = await runAction('issue-opened-oauth2-500.json', api);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('commented on issue #42 with oauth2-interactive-500-instead-of-401');
    expect(posts(api)).toBe(1);
    const [comment] = api.comments.get(42) ?? [];
    expect(api.requests.every((request) => request.authorization === `Bearer ${TOKEN}`)).toBe(true);

    // The comment is exactly what `mcpfix check --markdown` prints for the issue body, after the marker.
    const event = JSON.parse(readFileSync(`${REPO_ROOT}${EVENTS}/issue-opened-oauth2-500.json`, 'utf8')) as { issue: { body: string } };
    const cli = await runCli(['check', '-', '--markdown'], { stdin: event.issue.body });
    expect(comment).toBe(`${COMMENT_MARKER}\n${cli.stdout}`);
    expect(comment).not.toContain('sk-acme-0a1b2c3d4e5f9999');
  });

  test('running again on the same issue does not comment twice, even when its comment is on a later page', async () => {
    api.comments.set(42, [...Array.from({ length: 130 }, (_, at) => `comment ${at}`)]);
    await runAction('issue-opened-oauth2-500.json', api);
    expect(posts(api)).toBe(1);
    const second = await runAction('issue-opened-oauth2-500.json', api);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('already has the mcpfix comment');
    expect(posts(api)).toBe(1);
    // Both runs read page 2 (the 101st comment on), where the marked comment sits after the first run.
    expect(api.requests.filter((request) => request.method === 'GET' && request.url.includes('page=2'))).toHaveLength(2);
  });

  test('a low-confidence or empty issue, an edited issue and a non-issue event get no comment', async () => {
    const cases: Array<[string, string, RegExp]> = [
      ['issue-opened-unrelated.json', 'issues', /not confident/],
      ['issue-opened-empty-body.json', 'issues', /empty body/],
      ['issue-edited-oauth2-500.json', 'issues', /"edited" is not "opened"/],
      ['issue-opened-oauth2-500.json', 'issue_comment', /not an issue event/],
    ];
    for (const [event, name, reason] of cases) {
      const run = await runAction(event, api, name);
      expect(run.code, `${event} as ${name}`).toBe(0);
      expect(run.stdout).toMatch(reason);
    }
    expect(api.requests).toEqual([]);
  });

  test('an API failure is exit 1 with one line naming the status, and nothing is posted', async () => {
    api.failWith = 502;
    const run = await runAction('issue-opened-oauth2-500.json', api);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^mcpfix action: .*answered 502\n$/);
    expect(api.comments.size).toBe(0);
  });

  test('action.yml runs this entry point on Node 24 with the token input', () => {
    const action = parse(readFileSync(`${REPO_ROOT}action.yml`, 'utf8')) as {
      inputs: Record<string, { default?: string }>;
      runs: { using: string; steps: Array<{ run?: string; uses?: string; with?: Record<string, unknown>; env?: Record<string, string> }> };
    };
    expect(action.runs.using).toBe('composite');
    expect(action.inputs['github-token']?.default).toBe('${{ github.token }}');
    expect(action.runs.steps.find((step) => step.uses?.startsWith('actions/setup-node@'))?.with?.['node-version']).toBe(24);
    const check = action.runs.steps.find((step) => step.run?.includes('src/action/main.ts'));
    expect(check?.env?.['GITHUB_TOKEN']).toBe('${{ inputs.github-token }}');
  });
});
