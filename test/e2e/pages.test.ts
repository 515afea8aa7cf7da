import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { findSeriousViolations, loadContentPages, useWatchedPages } from './browser.ts';
import { findRepeatedFix } from '../../src/site/repeated-fix-yaml.ts';
import { renderChangesYaml } from '../../src/site/render-fix-yaml.ts';
import { REPOSITORY_URL, SITE_ORIGIN } from '../../src/site/site-urls.ts';

const baseUrl = inject('baseUrl');
const pages = loadContentPages();
const openPage = useWatchedPages(baseUrl);
const DIST = process.env['MCPFIX_DIST'] ?? 'dist';

/** Every HTML page of the built site as a URL path, except alias pages (they only redirect). */
function listBuiltPages(): string[] {
  const paths: string[] = [];
  for (const entry of readdirSync(DIST, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const file = join(entry.parentPath, entry.name);
    if (readFileSync(file, 'utf8').includes('http-equiv="refresh"')) continue;
    const path = `/${relative(DIST, file)}`.replace(/index\.html$/, '');
    paths.push(path);
  }
  return paths.sort();
}
const builtPages = listBuiltPages();

/** The width and height a PNG file declares in its IHDR chunk, or undefined when it is no PNG. */
function readPngSize(file: string): { width: number; height: number } | undefined {
  const bytes = readFileSync(file);
  if (bytes.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a') return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Reads the head's title and the link-preview tags of the open page. */
function readHead(page: Page): Promise<Record<string, string | null>> {
  return page.evaluate(() => {
    const meta = (selector: string): string | null => document.querySelector(`meta[${selector}]`)?.getAttribute('content') ?? null;
    return {
      title: document.title,
      description: meta('name="description"'),
      'og:title': meta('property="og:title"'),
      'og:description': meta('property="og:description"'),
      'og:url': meta('property="og:url"'),
      robots: meta('name="robots"'),
      'og:image': meta('property="og:image"'),
      'twitter:card': meta('name="twitter:card"'),
      'twitter:image': meta('name="twitter:image"'),
    };
  });
}

describe('every built page', () => {
  it(`has no horizontal scroll at 390 px, link-preview tags with an existing PNG, a short title and description, a report link, and (error pages) the fix box on a phone's first screen above the signatures (${builtPages.length} pages)`, async () => {
    expect(builtPages.length).toBeGreaterThan(pages.length);
    const { page, problems, context } = await openPage();
    await page.setViewportSize({ width: 390, height: 844 });
    const failures: string[] = [];
    for (const path of builtPages) {
      await page.goto(path);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 390) failures.push(`${path}: ${width} px wide at 390 px`);
      const head = await readHead(page);
      // The 404 page answers every missing address, so it must not claim one of them as its own.
      const isNotFoundPage = path === '/404.html';
      const expectedAbsent = isNotFoundPage ? ['og:url'] : ['robots'];
      for (const [name, value] of Object.entries(head)) {
        const isAbsent = value === null || value.trim() === '';
        if (expectedAbsent.includes(name)) {
          if (!isAbsent) failures.push(`${path}: has ${name} ${value}`);
        } else if (isAbsent) failures.push(`${path}: no ${name}`);
      }
      if (isNotFoundPage && head['robots'] !== 'noindex') failures.push(`${path}: robots is ${head['robots']}, not noindex`);
      if ((head['title'] ?? '').length >= 70) failures.push(`${path}: <title> has ${head['title']?.length} characters`);
      if ((head['description'] ?? '').length >= 160) failures.push(`${path}: description has ${head['description']?.length} characters`);
      const pageUrl = head['og:url'] ?? null;
      if (pageUrl !== null && !pageUrl.startsWith(SITE_ORIGIN)) failures.push(`${path}: og:url ${pageUrl} is not on ${SITE_ORIGIN}`);
      const image = head['og:image'] ?? null;
      if (image !== null) {
        const imagePath = new URL(image).pathname;
        let size: ReturnType<typeof readPngSize>;
        try {
          size = readPngSize(join(DIST, imagePath));
        } catch {
          size = undefined;
        }
        if (size?.width !== 1200 || size.height !== 630) failures.push(`${path}: og:image ${imagePath} is not a 1200×630 PNG in ${DIST}`);
        if (head['twitter:image'] !== image) failures.push(`${path}: twitter:image differs from og:image`);
      }
      if (path.startsWith('/errors/')) {
        // On a phone the fix box must be on the first screen without scrolling past the signatures.
        const box = await page.evaluate(() => ({
          fix: document.getElementById('fix')?.getBoundingClientRect().top ?? Number.POSITIVE_INFINITY,
          signatures: document.getElementById('signatures-heading')?.getBoundingClientRect().top ?? 0,
        }));
        if (!(box.fix < 844 && box.fix < box.signatures)) failures.push(`${path}: fix box at ${box.fix} px on a 390×844 phone, signatures at ${box.signatures} px`);
      }
      const report = page.getByRole('link', { name: 'Report a problem with this page' });
      const href = (await report.count()) === 1 ? await report.getAttribute('href') : null;
      if (href === null || !href.startsWith(`${REPOSITORY_URL}/issues/new?`)) failures.push(`${path}: no report link to ${REPOSITORY_URL}`);
      else if (!isNotFoundPage && !(new URL(href).searchParams.get('body') ?? '').includes(pageUrl ?? '\u0000')) failures.push(`${path}: the report does not name the page URL`);
    }
    expect(failures).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000 + builtPages.length * 1_000);
});

describe('error pages put the fix first', () => {
  it('on every page #fix starts within the first screen of a 1366×900 desktop, and each config fix is rendered once (no prose YAML repeats it, in-page links land)', async () => {
    const { page, problems, context } = await openPage();
    await page.setViewportSize({ width: 1366, height: 900 });
    const late: string[] = [];
    for (const entry of pages) {
      await page.goto(`/errors/${entry.id}/`);
      const top = await page.evaluate(() => document.getElementById('fix')?.getBoundingClientRect().top ?? Number.POSITIVE_INFINITY);
      if (!(top < 900)) late.push(`${entry.id}: #fix at ${top} px`);
      const blocks = await page.evaluate(() => [...document.querySelectorAll('pre')].map((pre) => pre.textContent ?? ''));
      const proseYaml = await page.evaluate(() => {
        const texts: string[] = [];
        let node = document.getElementById('how-to-fix-it')?.nextElementSibling;
        for (; node && node.tagName !== 'H2'; node = node.nextElementSibling) for (const pre of node.matches('pre') ? [node] : node.querySelectorAll('pre')) texts.push(pre.textContent ?? '');
        return texts;
      });
      entry.page.fixes.forEach((fix, index) => {
        if (fix.kind !== 'config') return;
        const yaml = renderChangesYaml(fix.changes).trimEnd();
        const count = blocks.filter((text) => text.trimEnd() === yaml).length;
        if (count !== 1) late.push(`${entry.id}: fix ${index + 1} rendered ${count} times`);
      });
      // The links that stand in for repeated YAML (and the box's own links) must land somewhere.
      const dangling = await page.evaluate(() => [...document.querySelectorAll<HTMLAnchorElement>('main a[href^="#"]')].map((link) => link.hash.slice(1)).filter((id) => document.getElementById(decodeURIComponent(id)) === null));
      for (const id of dangling) late.push(`${entry.id}: a link points at #${id}, which is not on the page`);
      for (const text of proseYaml) {
        if (findRepeatedFix(text, entry.page.fixes) !== undefined) late.push(`${entry.id}: "How to fix it" repeats a fix: ${text.slice(0, 60)}`);
      }
    }
    expect(late).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  }, 30_000 + pages.length * 1_000);

  it('the box names the cause and the first fix, and its Copy YAML yields the YAML built from the fix data', async () => {
    const { page, problems, context } = await openPage({ clipboard: true });
    const entry = pages.find((candidate) => candidate.page.fixes[0]?.kind === 'config')!;
    const first = entry.page.fixes[0]!;
    if (first.kind !== 'config') throw new Error('expected a page whose first fix is a config change');
    await page.goto(`/errors/${entry.id}/`);
    const box = page.getByRole('region', { name: 'Cause and fix' });
    await expect(box.getByText(entry.page.summary).count()).resolves.toBe(1);
    await expect(box.getByRole('heading', { name: first.title }).count()).resolves.toBe(1);
    await box.getByRole('button', { name: /Copy YAML/ }).click();
    await box.getByRole('status').filter({ hasText: 'Copied' }).first().waitFor();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(renderChangesYaml(first.changes));
    expect(problems).toEqual([]);
    await context.close();
  });
});

/** Waits until the search results answer what the box holds. */
async function waitForResults(page: Page): Promise<void> {
  const held = await page.getByRole('searchbox', { name: /Search errors/ }).inputValue();
  await page.waitForFunction((q) => document.querySelector<HTMLElement>('.search-results')?.dataset['query'] === q, held, { timeout: 15_000 });
}

describe('search keeps its query and says when nothing matches exactly', () => {
  it('/search/?q= restores the query and its results, and a new query replaces ?q= in the address', async () => {
    const { page, problems, context } = await openPage();
    const [entry, other] = pages;
    const signature = entry!.page.signatures[0]!.text;
    await page.goto(`/search/?q=${encodeURIComponent(signature)}`);
    const box = page.getByRole('searchbox', { name: /Search errors/ });
    await expect(box.inputValue()).resolves.toBe(signature);
    await waitForResults(page);
    const first = page.getByRole('list', { name: 'Search results' }).getByRole('link').first();
    await expect(first.getAttribute('href')).resolves.toMatch(new RegExp(`^/errors/${entry!.id}/`));
    const next = other!.page.signatures[0]!.text;
    await box.fill(next);
    await waitForResults(page);
    expect(new URL(page.url()).searchParams.get('q')).toBe(next);
    await page.reload();
    await expect(box.inputValue()).resolves.toBe(next);
    await waitForResults(page);
    await expect(first.getAttribute('href')).resolves.toMatch(new RegExp(`^/errors/${other!.id}/`));
    await box.fill('');
    await waitForResults(page);
    expect(new URL(page.url()).search).toBe('');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a client string no page has says "no exact match" and offers the checker with the query; an exact signature does not', async () => {
    const { page, problems, context } = await openPage();
    await page.goto('/search/');
    const box = page.getByRole('searchbox', { name: /Search errors/ });
    const unknown = 'Zorblax MCP bridge: tool quota exhausted for workspace 7';
    await box.fill(unknown);
    await waitForResults(page);
    const cue = page.getByText(/No exact match/);
    await expect(cue.isVisible()).resolves.toBe(true);
    const toChecker = page.getByRole('link', { name: 'Try the checker' });
    await expect(toChecker.getAttribute('href')).resolves.toMatch(/^\/check\/#paste=[A-Za-z0-9_-]+$/);
    await box.fill(pages[0]!.page.signatures[0]!.text);
    await waitForResults(page);
    await expect(cue.isVisible()).resolves.toBe(false);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('accessibility of the new parts', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`axe finds no serious or critical violation in fix boxes of every fix kind, a "Check next" section and the "no exact match" cue (${colorScheme})`, async () => {
      const { page, problems, context } = await openPage({ colorScheme });
      const report: Record<string, unknown> = {};
      for (const kind of ['config', 'env', 'upgrade', 'workaround', 'client'] as const) {
        const entry = pages.find((candidate) => candidate.page.fixes[0]?.kind === kind);
        if (!entry) continue;
        await page.goto(`/errors/${entry.id}/`);
        await page.getByRole('region', { name: 'Cause and fix' }).waitFor();
        report[`${kind} fix box (${entry.id})`] = await findSeriousViolations(page);
      }
      const withSteps = pages.find((candidate) => candidate.page.checkNext.some((step) => step.command !== undefined));
      if (withSteps) {
        await page.goto(`/errors/${withSteps.id}/`);
        await page.getByRole('region', { name: 'Check next' }).waitFor();
        report[`check next (${withSteps.id})`] = await findSeriousViolations(page);
      }
      await page.goto(`/search/?q=${encodeURIComponent('Zorblax MCP bridge: tool quota exhausted for workspace 7')}`);
      await waitForResults(page);
      await page.getByText(/No exact match/).waitFor();
      report['no exact match'] = await findSeriousViolations(page);
      expect(Object.keys(report).length).toBeGreaterThan(3);
      expect(Object.values(report).flat()).toEqual([]);
      expect(problems).toEqual([]);
      await context.close();
    });
  }
});
