import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadContentPages, useWatchedPages } from './browser.ts';
import { checkText, findPageWithConfigFix, openChecker, waitForResultOf } from './checker-page.ts';
import { runCli } from '../support/run-cli.ts';
import { checkPaste, readRuleIndex, redactText } from '../../src/engine/index.ts';
import { formatCheckMarkdown } from '../../src/site/format-issue-markdown.ts';
import { loadIndex } from '../../src/cli/load-index.ts';
import { formatRulePageMarkdown } from '../../src/site/format-page-markdown.ts';
import type { RuleFact } from '../../src/engine/rule-index.ts';
import { maskSecrets } from '../../src/engine/index.ts';

/** A DCR-bridge server's config alone: a shape a dozen pages share. */
const DCR_BRIDGE_CONFIG = 'test/fixtures/cli/dcr-bridge-server.config.yaml';

const baseUrl = inject('baseUrl');
const pages = loadContentPages();
const openPage = useWatchedPages(baseUrl);
const loaded = await loadIndex();
if (loaded.kind === 'failed') throw new Error(loaded.reason);
const rules = loaded.index;
// What /check/ reads: the same index without the pages' prose (src/engine/rule-index-format.ts).
const checkerReading = readRuleIndex(readFileSync('src/generated/checker-rules.json', 'utf8'));
if (checkerReading.kind === 'invalid') throw new Error(checkerReading.reason);
const checkerRules = checkerReading.index;

/** Clicks a copy button and returns what reached the clipboard. */
async function copyWith(page: Page, name: string | RegExp): Promise<string> {
  const button = page.getByRole('button', { name }).first();
  await button.click();
  await button.locator('xpath=..').getByRole('status').filter({ hasText: 'Copied' }).waitFor();
  return page.evaluate(() => navigator.clipboard.readText());
}

function regexSourcesOf(fact: RuleFact): string[] {
  if (fact.kind === 'pattern') return [fact.pattern];
  if ((fact.kind === 'header' || fact.kind === 'request-header') && fact.value !== undefined) return [fact.value];
  if (fact.kind === 'exception' && fact.message !== undefined) return [fact.message];
  if ((fact.kind === 'json' || fact.kind === 'config') && fact.test.matches !== undefined) return [fact.test.matches];
  return [];
}

const issueBody = readFileSync('test/fixtures/cli/github-issue-body.md', 'utf8');
const gatewayChallenge = readFileSync('test/fixtures/cli/gateway-401-authentication-required.curl.txt', 'utf8');
const withConfigFix = findPageWithConfigFix(pages);

describe('checker verdicts', () => {
  it('evidence shows no regular expression and no raw score, only words', async () => {
    // The pages whose rules carry real regex syntax: their evidence is where a regex would show.
    const withRegex = rules.pages
      .filter((rule) => rule.signatures.some((signature) => signature.facts.some((fact) => regexSourcesOf(fact).some((source) => /[\\()|[\]]/.test(source)))))
      .slice(0, 20);
    expect(withRegex.length).toBeGreaterThan(10);
    const { page, problems, context } = await openPage();
    await openChecker(page);
    const leaks: string[] = [];
    for (const rule of withRegex) {
      const example = pages.find((entry) => entry.id === rule.id)!.page.examples[0]!;
      if ((await page.getByRole('textbox', { name: 'Paste what you see' }).inputValue()) === example.paste) await checkText(page, '');
      await checkText(page, example.paste);
      const shown = (await page.locator('.checker-results').textContent()) ?? '';
      const sources = rules.pages.flatMap((other) => other.signatures.flatMap((signature) => signature.facts.flatMap(regexSourcesOf)));
      for (const source of sources.filter((text) => /[\\()|[\]]/.test(text) && text.length > 6)) {
        if (shown.includes(source)) leaks.push(`${rule.id}: shows ${source}`);
      }
      if (/\bscore\b|\bconfidence (high|medium|low)\b/i.test(shown)) leaks.push(`${rule.id}: shows a score or a raw confidence`);
      await expect(page.locator('ol.results > li').first().locator('p[class^="confidence-"]').textContent()).resolves.toMatch(/^(Very likely|Possibly|Unlikely): /);
    }
    expect(leaks).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);

  it('the diff is coloured by line and its copy button yields a clean unified diff', async (context) => {
    if (!withConfigFix) {
      context.skip('no page has a config fix first and an example with config yet');
      return;
    }
    const example = withConfigFix.page.examples.find((candidate) => candidate.config !== undefined)!;
    const { page, problems, context: browserContext } = await openPage({ clipboard: true });
    await openChecker(page);
    await checkText(page, example.paste, example.config);
    const figure = page.getByRole('figure', { name: 'Suggested diff' }).first();
    const added = figure.locator('.diff-add').first();
    await expect(added.textContent()).resolves.toMatch(/^\+/);
    const [addedBackground, codeBackground] = await Promise.all([
      added.evaluate((element) => getComputedStyle(element).backgroundColor),
      figure.locator('pre').evaluate((element) => getComputedStyle(element).backgroundColor),
    ]);
    expect(addedBackground).not.toBe(codeBackground);
    const copied = await copyWith(page, 'Copy diff');
    expect(copied).toBe(await figure.textContent());
    expect(copied).toMatch(/^--- config\.yaml\n\+\+\+ config\.yaml\n@@ -\d+(,\d+)? \+\d+(,\d+)? @@/);
    expect(copied).not.toMatch(/^Index:|^={5,}/m);
    expect(problems).toEqual([]);
    await browserContext.close();
  });

  it('the first result scrolls into view after a paste', async () => {
    const { page, problems, context } = await openPage({ clipboard: true });
    await page.setViewportSize({ width: 1366, height: 700 });
    await openChecker(page);
    await page.evaluate((text) => navigator.clipboard.writeText(text), issueBody);
    await page.getByRole('textbox', { name: 'Paste what you see' }).focus();
    await page.keyboard.press('ControlOrMeta+V');
    await waitForResultOf(page, issueBody);
    const top = await page.locator('ol.results > li').first().evaluate((element) => {
      const box = element.getBoundingClientRect();
      return { top: box.top, height: window.innerHeight, scrolled: window.scrollY };
    });
    expect(top.scrolled).toBeGreaterThan(0);
    expect(top.top).toBeGreaterThanOrEqual(0);
    expect(top.top).toBeLessThan(top.height / 2);
    expect(problems).toEqual([]);
    await context.close();
  });

  for (const [label, paste] of [
    ['a confident match', issueBody],
    ['a confident match with steps to check next', gatewayChallenge],
    ['a paste no page fits', readFileSync('test/fixtures/cli/unrelated-prose.txt', 'utf8')],
    // Issue 11: a client's words alone (likely, not certain), another product answering (a note
    // instead of a page) and a config alone (the pages its config facts describe).
    ['a client message alone', 'SSE error: Non-200 status code (401)\n'],
    ['another product answering', readFileSync('test/fixtures/negative/fastmcp-own-307-redirect.txt', 'utf8')],
    ['a config alone', 'general_settings:\n  use_x_forwarded_for: true\nmcp_servers:\n  wiki:\n    url: https://wiki.internal.example.com/mcp\n    available_on_public_internet: false\n'],
    ['a config shape several pages share', readFileSync(DCR_BRIDGE_CONFIG, 'utf8')],
  ] as const) {
    // One formatter for both; /check/'s rules leave out the pages' prose (a step's note, the steps
    // to check next beyond their titles), which its Markdown links to instead of quoting.
    it(`"Copy for a GitHub issue" gives what mcpfix check --markdown prints, the pages' prose aside, for ${label}`, async () => {
      const cli = await runCli(['check', '-', '--markdown'], { stdin: paste });
      expect(cli.stderr).toBe('');
      expect(cli.stdout).toBe(formatCheckMarkdown(checkPaste(rules, { paste }), redactText(paste)));
      const { page, problems, context } = await openPage({ clipboard: true });
      await openChecker(page);
      await checkText(page, paste);
      await expect(copyWith(page, 'Copy for a GitHub issue')).resolves.toBe(formatCheckMarkdown(checkPaste(checkerRules, { paste }), redactText(paste)));
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  it('a config shape several pages share lists the same pages as the CLI, under the shape, each with what tells it apart', async () => {
    const paste = readFileSync(DCR_BRIDGE_CONFIG, 'utf8');
    const cli = await runCli(['check', '-', '--json'], { stdin: paste });
    const { matches, configShape } = JSON.parse(cli.stdout) as { matches: Array<{ url: string; tellApart?: string }>; configShape: { shape: string; size: number; pages: string[] } };
    expect(configShape.pages.length).toBeGreaterThan(3);
    const { page, problems, context } = await openPage();
    await openChecker(page);
    await checkText(page, paste);
    const note = page.locator('.checker-results p.config-shape');
    await expect(note.textContent()).resolves.toContain(`${configShape.size} pages share this config shape`);
    await expect(note.locator('code').allTextContents()).resolves.toContain('dcr_bridge: true');
    const hrefs = await page.locator('.checker-results ol.results > li h4 a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    expect(hrefs.map((href) => href.replace(/#.*$/, ''))).toEqual(matches.map((match) => new URL(match.url).pathname));
    for (const id of configShape.pages) expect(hrefs.some((href) => href.startsWith(`/errors/${id}/`)), id).toBe(true);
    const tellApart = await page.locator('.checker-results ol.results > li p.tell-apart').allTextContents();
    // --json masks every string it prints; the page's text is masked the same way before comparing.
    expect(tellApart.map((text) => maskSecrets(text))).toEqual(matches.filter((match) => match.tellApart !== undefined).map((match) => `Tells it apart: ${match.tellApart}`));
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a paste no page fits links to a search for its words and to a prefilled report of a missing page', async () => {
    const paste = 'ERROR frobnicator quux exploded\nAuthorization: Bearer sk-live-9f8e7d6c5b4a39281706QRST';
    const { page, problems, context } = await openPage();
    await openChecker(page);
    await checkText(page, paste);
    const search = page.getByRole('link', { name: /^Search the pages for/ });
    const href = (await search.getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/search\/\?q=/);
    expect(new URL(href, baseUrl).searchParams.get('q')).toContain('frobnicator');
    const report = (await page.getByRole('link', { name: 'Report a missing page' }).getAttribute('href')) ?? '';
    const reportUrl = new URL(report);
    expect(reportUrl.href.startsWith('https://github.com/mcpfix/mcpfix/issues/new?')).toBe(true);
    expect(reportUrl.searchParams.get('body')).toContain('frobnicator quux exploded');
    expect(report).not.toContain('9f8e7d6c5b4a39281706QRST');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('an error page copies the same page Markdown as the formatter gives, from a button by its title', async () => {
    const entry = withConfigFix ?? pages[0]!;
    const rule = rules.pages.find((candidate) => candidate.id === entry.id)!;
    const { page, problems, context } = await openPage({ clipboard: true });
    await page.goto(`/errors/${entry.id}/`);
    const button = page.getByRole('button', { name: /^Copy for a GitHub issue/ });
    const [titleBox, buttonBox] = await Promise.all([page.getByRole('heading', { level: 1 }).boundingBox(), button.boundingBox()]);
    expect((buttonBox?.y ?? Infinity) - ((titleBox?.y ?? 0) + (titleBox?.height ?? 0))).toBeLessThan(120);
    await expect(copyWith(page, /^Copy for a GitHub issue/)).resolves.toBe(formatRulePageMarkdown(rule));
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the results, the diff and the exits fit a 390 px phone without sideways scrolling', async (context) => {
    if (!withConfigFix) {
      context.skip('no page has a config fix first and an example with config yet');
      return;
    }
    const example = withConfigFix.page.examples.find((candidate) => candidate.config !== undefined)!;
    const { page, problems, context: browserContext } = await openPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await openChecker(page);
    await checkText(page, issueBody);
    await checkText(page, example.paste, example.config);
    const widths = [await page.evaluate(() => document.documentElement.scrollWidth)];
    await checkText(page, 'ERROR frobnicator_with_a_very_long_identifier_that_does_not_break_anywhere_at_all exploded');
    await page.getByRole('link', { name: 'Report a missing page' }).waitFor();
    widths.push(await page.evaluate(() => document.documentElement.scrollWidth));
    expect(widths.every((width) => width <= 390), `scroll widths ${widths.join(', ')}`).toBe(true);
    expect(problems).toEqual([]);
    await browserContext.close();
  });
});

describe('changes and investigation steps are shown apart', () => {
  const gatewayPage = pages.find((entry) => entry.id === 'gateway-401-authentication-required')!;
  const step = gatewayPage.page.checkNext[0]!;

  it('/check/ lists the page\'s steps under "Check next", after and apart from "What to change"', async () => {
    const { page, problems, context } = await openPage();
    await openChecker(page);
    await checkText(page, gatewayChallenge);
    const headings = await page.locator('.checker-results h3').allTextContents();
    expect(headings.indexOf('Check next')).toBeGreaterThan(headings.indexOf('What to change'));
    expect(headings.indexOf('What to change')).toBeGreaterThanOrEqual(0);
    const changes = (await page.locator('.checker-results .suggestion').allTextContents()).join('\n');
    expect(changes).toContain(gatewayPage.page.fixes[0]!.title);
    expect(changes).not.toContain(step.title);
    // Each change links to the page's fix section, which explains what /check/'s rules leave out.
    await expect(page.locator('.checker-results .suggestion').first().getByRole('link', { name: gatewayPage.page.title }).getAttribute('href')).resolves.toBe(`/errors/${gatewayPage.id}/#fix`);
    await expect(page.locator('.checker-results ul.check-next > li').first().getByText(step.title).count()).resolves.toBe(1);
    // /check/'s rules carry the step's title only: the step links to the page's section for the rest.
    await expect(page.locator('.checker-results ul.check-next > li').first().getByRole('link', { name: 'how, on the page' }).getAttribute('href')).resolves.toBe(`/errors/${gatewayPage.id}/#check-next-heading`);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('an error page has a "Check next" section, and its fix box shows only a change', async () => {
    const { page, problems, context } = await openPage();
    await page.goto(`/errors/${gatewayPage.id}/`);
    const box = page.getByRole('region', { name: 'Cause and fix' });
    await expect(box.getByRole('heading', { name: gatewayPage.page.fixes[0]!.title }).count()).resolves.toBe(1);
    await expect(box.getByText(step.title).count()).resolves.toBe(0);
    const section = page.getByRole('region', { name: 'Check next' });
    await expect(section.getByRole('heading', { name: step.title }).count()).resolves.toBe(1);
    await expect(page.getByRole('region', { name: 'More fixes, in order' }).getByText(step.title).count()).resolves.toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
