/**
 * The entry point `action.yml` runs: reads the event and settings GitHub Actions puts in the
 * environment, loads the rules the same way the CLI does, and prints one line saying what it did.
 * Exit 0 when it commented or had nothing to do, 1 when the GitHub API or the setup failed.
 */
import { readFileSync } from 'node:fs';
import { loadIndex } from '../cli/load-index.ts';
import { commentOnIssue, type ActionSettings } from './comment-on-issue.ts';

function readSettings(env: NodeJS.ProcessEnv): ActionSettings | string {
  const eventPath = env['GITHUB_EVENT_PATH'];
  const repository = env['GITHUB_REPOSITORY'];
  const token = env['GITHUB_TOKEN'];
  if (!eventPath) return 'GITHUB_EVENT_PATH is not set: run this as a GitHub Action';
  if (!repository || !/^[\w.-]+\/[\w.-]+$/.test(repository)) return `GITHUB_REPOSITORY is "${repository ?? ''}", not owner/name`;
  if (!token) return 'no token: give the Action github-token (the default is the workflow token) and issues: write permission';
  let event: unknown;
  try {
    event = JSON.parse(readFileSync(eventPath, 'utf8'));
  } catch (error) {
    return `cannot read the event at ${eventPath}: ${error instanceof Error ? error.message : String(error)}`;
  }
  return { eventName: env['GITHUB_EVENT_NAME'] ?? '', event, apiUrl: env['GITHUB_API_URL'] || 'https://api.github.com', repository, token };
}

async function main(): Promise<number> {
  const settings = readSettings(process.env);
  if (typeof settings === 'string') {
    process.stderr.write(`mcpfix action: ${settings}\n`);
    return 1;
  }
  const loaded = loadIndex();
  if (loaded.kind === 'failed') {
    process.stderr.write(`mcpfix action: ${loaded.reason}\n`);
    return 1;
  }
  const outcome = await commentOnIssue(settings, loaded.index, (url, init) => fetch(url, init));
  switch (outcome.kind) {
    case 'commented':
      process.stdout.write(`mcpfix action: commented on issue #${outcome.issue} with ${outcome.page}: ${outcome.url}\n`);
      return 0;
    case 'skipped':
      process.stdout.write(`mcpfix action: no comment: ${outcome.reason}\n`);
      return 0;
    case 'failed':
      process.stderr.write(`mcpfix action: ${outcome.reason}\n`);
      return 1;
  }
}

process.exitCode = await main();
