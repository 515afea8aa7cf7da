import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadContentPages, useWatchedPages } from './browser.ts';
import { checkText, openChecker } from './checker-page.ts';
import { runCli } from '../support/run-cli.ts';

// Issue 11, done-when: "the CLI and /check/ give the same answers". The same pastes (page
// examples across the catalogue, with their configs, and the shapes the checker treats apart)
// go through the real CLI (`check --json`) and the real /check/ page in Chromium; both must list
// the same pages in the same order with the same confidence, and the same config findings.

const baseUrl = inject('baseUrl');
const pages = loadContentPages();
const openPage = useWatchedPages(baseUrl);

/** One paste, with its config when it has one. */
interface Case {
  label: string;
  paste: string;
  config?: string;
}

// Every 20th page's first example (with its config, if it has one): a spread over the catalogue
// that stays fast, and changes with the catalogue rather than being picked by hand.
const exampleCases: Case[] = pages
  .filter((_, at) => at % 20 === 0)
  .map((entry) => {
    const example = entry.page.examples[0]!;
    return { label: `${entry.id}: ${example.title}`, paste: example.paste, ...(example.config === undefined ? {} : { config: example.config }) };
  });

const shapeCases: Case[] = [
  { label: 'a client message alone', paste: 'SSE error: Non-200 status code (401)\n' },
  { label: "the MCP SDK's 406 alone", paste: 'Error POSTing to endpoint (HTTP 406): Not Acceptable: Client must accept both application/json and text/event-stream\n' },
  { label: 'another product answering', paste: readFileSync('test/fixtures/negative/fastmcp-own-307-redirect.txt', 'utf8') },
  { label: "a reporter's description alone", paste: 'With 7 MCP servers the tool listing is slow, and clients time out waiting for tools.\n' },
  { label: 'a paste no page fits', paste: readFileSync('test/fixtures/cli/unrelated-prose.txt', 'utf8') },
  {
    label: 'a config alone',
    paste: 'general_settings:\n  use_x_forwarded_for: true\nmcp_servers:\n  wiki:\n    url: https://wiki.internal.example.com/mcp\n    available_on_public_internet: false\n',
  },
  {
    label: 'a config with findings for the version in the paste',
    paste: 'pip show litellm\nVersion: 1.84.0\n\nmcp_servers:\n  jira-cloud:\n    url: https://jira.example.com/mcp\n    extra_header: [Authorization]\n    delegate_auth_to_upstream: true\n',
  },
  // The stdio page's config facts are an any-of group: either missing key reaches it, on both surfaces.
  { label: 'a stdio server with command but no args', paste: readFileSync('test/fixtures/pastes/config-stdio-server-without-args.yaml', 'utf8') },
  { label: 'a stdio server with args but no command', paste: readFileSync('test/fixtures/pastes/config-stdio-server-without-command.yaml', 'utf8') },
  {
    label: 'an error with a config given beside it',
    paste: 'SSE error: Non-200 status code (401)\n',
    config: 'mcp_servers:\n  github:\n    url: https://api.githubcopilot.com/mcp\n    auth_type: oauth2\n    oauth2_flow: authorization_code\n',
  },
];

/** What one surface answered: the pages as `id confidence`, best first, and the config findings as `path: message`. */
interface Answer {
  pages: string[];
  lint: string[];
}

/** What the CLI answers for a paste. */
async function answerOfCli(item: Case, dir: string): Promise<Answer> {
  const args = ['check', '-', '--json'];
  if (item.config !== undefined) {
    const file = join(dir, 'config.yaml');
    writeFileSync(file, item.config);
    args.push('--config', file);
  }
  const run = await runCli(args, { stdin: item.paste });
  expect(run.stderr, item.label).toBe('');
  const { matches, lint } = JSON.parse(run.stdout) as { matches: { id: string; confidence: string }[]; lint: { path: string; message: string }[] };
  return { pages: matches.map((match) => `${match.id} ${match.confidence}`), lint: lint.map((finding) => `${finding.path}: ${finding.message}`) };
}

/** What /check/ answers for the paste on screen. */
async function answerOfPage(page: Page): Promise<Answer> {
  const pages = await page.locator('.checker-results ol.results > li').evaluateAll((items) =>
    items.map((item) => {
      const href = item.querySelector('h4 a')?.getAttribute('href') ?? '';
      const confidence = [...(item.querySelector('[class^="confidence-"]')?.classList ?? [])].find((name) => name.startsWith('confidence-')) ?? '';
      return `${/^\/errors\/([^/]+)\//.exec(href)?.[1] ?? href} ${confidence.replace('confidence-', '')}`;
    }),
  );
  const lint = await page.locator('.checker-results ul.lint > li').evaluateAll((items) => items.map((item) => item.textContent ?? ''));
  return { pages, lint };
}

describe('the CLI and /check/ give the same answers', () => {
  it('has example pastes from across the catalogue', () => {
    expect(exampleCases.length).toBeGreaterThanOrEqual(10);
  });

  it('lists the same pages, in the same order, with the same confidence and config findings for every paste', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mcpfix-parity-'));
    const { page, problems, context } = await openPage();
    const seen = new Set<string>();
    let findings = 0;
    for (const item of [...exampleCases, ...shapeCases]) {
      const cli = await answerOfCli(item, dir);
      await openChecker(page);
      await checkText(page, item.paste, item.config);
      expect(await answerOfPage(page), item.label).toEqual(cli);
      for (const answer of cli.pages) seen.add(answer.split(' ')[1] ?? '');
      findings += cli.lint.length;
    }
    // The set covers confident, unsure and possible answers and config findings, so a difference in any would show.
    expect([...seen].sort()).toEqual(expect.arrayContaining(['high', 'low', 'medium']));
    expect(findings).toBeGreaterThanOrEqual(3);
    expect(problems).toEqual([]);
    await context.close();
  }, 180_000);
});
