import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { AREA_LABELS } from '../../src/site/labels.ts';
import { findSeriousViolations, loadContentPages, useWatchedPages } from './browser.ts';

const baseUrl = inject('baseUrl');
const pages = loadContentPages();
const openPage = useWatchedPages(baseUrl);

/** Types a query into the page's search box and waits until the results answer that query. */
async function search(page: Page, query: string): Promise<Array<{ href: string; text: string }>> {
  const box = page.getByRole('searchbox', { name: /Search errors/ });
  await box.fill(query);
  // A search box drops line breaks from what is pasted into it; wait for the results of what it holds.
  const held = await box.inputValue();
  await page.waitForFunction((q) => document.querySelector<HTMLElement>('.search-results')?.dataset['query'] === q, held, { timeout: 15_000 });
  const links = page.getByRole('list', { name: 'Search results' }).getByRole('listitem').getByRole('link');
  const count = await links.count();
  const results: Array<{ href: string; text: string }> = [];
  for (let index = 0; index < count; index += 1) {
    const link = links.nth(index);
    results.push({ href: (await link.getAttribute('href')) ?? '', text: (await link.textContent()) ?? '' });
  }
  return results;
}

describe('search', () => {
  it('searching the first signature of every page, pasted verbatim, lists that page first', async () => {
    const { page, problems, context } = await openPage();
    await page.goto('/search/');
    const misses: string[] = [];
    for (const entry of pages) {
      const first = entry.page.signatures[0];
      if (!first) continue;
      const results = await search(page, first.text);
      const top = results[0]?.href ?? '(no result)';
      if (!top.startsWith(`/errors/${entry.id}/`)) {
        // Two pages may legitimately share a first signature word for word; then either may come first.
        const twins = pages.filter((other) => other.id !== entry.id && other.page.signatures[0]?.text === first.text).map((other) => `/errors/${other.id}/`);
        if (!twins.some((twin) => top.startsWith(twin))) misses.push(`${entry.id}: searching ${JSON.stringify(first.text)} listed ${top} first`);
      }
    }
    expect(misses).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  }, 30_000 + pages.length * 1_000);

  it('a signature pasted inside a log line, with a timestamp and a host name no page has, still finds its page first', async () => {
    const { page, problems, context } = await openPage();
    await page.goto('/search/');
    const entry = [...pages].sort((a, b) => b.page.signatures[0]!.text.length - a.page.signatures[0]!.text.length || a.id.localeCompare(b.id))[0]!;
    const results = await search(page, `2026-01-05 15:29:02 - LiteLLM Proxy:ERROR: gw-7f9cqz1 ${entry.page.signatures[0]!.text}`);
    expect(results[0]?.href.startsWith(`/errors/${entry.id}/`), `got ${results[0]?.href}`).toBe(true);
    // A query that looks like an error message is also offered to the checker, carried in the fragment.
    const toChecker = page.getByRole('link', { name: 'check the whole paste in the checker' });
    await expect(toChecker.isVisible()).resolves.toBe(true);
    await expect(toChecker.getAttribute('href')).resolves.toMatch(/^\/check\/#paste=[A-Za-z0-9_-]+$/);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a result links to the matching signature and shows its text, not only the title', async () => {
    const { page, problems, context } = await openPage();
    await page.goto('/search/');
    const entry = pages.find((candidate) => candidate.page.signatures.length > 1) ?? pages[0]!;
    const second = entry.page.signatures.at(-1)!;
    const results = await search(page, second.text);
    expect(results[0]?.href).toBe(`/errors/${entry.id}/#sig-${second.id}`);
    const firstItem = page.getByRole('list', { name: 'Search results' }).getByRole('listitem').first();
    await expect(firstItem.locator('code').textContent()).resolves.toBe(second.text);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the area filter keeps only pages of that area, and a page drops out under another area', async () => {
    const { page, problems, context } = await openPage();
    const entry = pages[0]!;
    const otherArea = pages.find((other) => other.page.area !== entry.page.area)?.page.area;
    await page.goto('/search/');
    const areaSelect = page.getByRole('combobox', { name: 'Area' });
    await areaSelect.selectOption({ label: AREA_LABELS[entry.page.area] });
    const query = entry.page.signatures[0]!.text;
    const filtered = await search(page, query);
    expect(filtered[0]?.href.startsWith(`/errors/${entry.id}/`)).toBe(true);
    for (const result of filtered) {
      const id = result.href.split('/')[2];
      expect(pages.find((candidate) => candidate.id === id)?.page.area, result.href).toBe(entry.page.area);
    }
    if (otherArea !== undefined) {
      await areaSelect.selectOption({ label: AREA_LABELS[otherArea] });
      await search(page, `${query} `);
      const hrefs = await page.getByRole('list', { name: 'Search results' }).getByRole('link').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
      expect(hrefs.some((href) => href.startsWith(`/errors/${entry.id}/`))).toBe(false);
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the header search form works without JavaScript-driven navigation: /search/?q= runs the query', async () => {
    const { page, problems, context } = await openPage();
    const entry = pages[0]!;
    const first = entry.page.signatures[0]!;
    await page.goto(`/search/?q=${encodeURIComponent(first.text)}`);
    await page.waitForFunction((q) => document.querySelector<HTMLElement>('.search-results')?.dataset['query'] === q, first.text);
    await expect(page.getByRole('searchbox', { name: /Search errors/ }).inputValue()).resolves.toBe(first.text);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('arrow keys move from the search box into the results and back', async () => {
    const { page, problems, context } = await openPage();
    await page.goto('/search/');
    const results = await search(page, 'mcp');
    expect(results.length).toBeGreaterThan(0);
    await page.getByRole('searchbox', { name: /Search errors/ }).press('ArrowDown');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('href'))).resolves.toBe(results[0]!.href);
    await page.keyboard.press('Escape');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('type'))).resolves.toBe('search');
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('error pages', () => {
  it('every page renders its title and an anchor per signature, and copy-as-Markdown yields its link', async () => {
    const { page, problems, context } = await openPage({ clipboard: true });
    for (const entry of pages) {
      await page.goto(`/errors/${entry.id}/`);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(entry.page.title);
      for (const signature of entry.page.signatures) {
        await expect(page.locator(`[id="sig-${signature.id}"]`).count(), `${entry.id} #sig-${signature.id}`).resolves.toBe(1);
      }
      await page.getByRole('button', { name: 'Copy as Markdown link' }).click();
      await page.getByRole('status').filter({ hasText: 'Copied' }).first().waitFor();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      const escapedTitle = entry.page.title.replace(/([\\[\]])/g, '\\$1');
      expect(copied).toBe(`[${escapedTitle}](https://mcpfix.dev/errors/${entry.id}/)`);
    }
    expect(problems).toEqual([]);
    await context.close();
  }, 30_000 + pages.length * 1_000);

  it('an anchor link to the last signature of a long page scrolls that signature into view', async () => {
    const { page, problems, context } = await openPage();
    const entry = [...pages].sort((a, b) => b.page.signatures.length - a.page.signatures.length || a.id.localeCompare(b.id))[0]!;
    const last = entry.page.signatures.at(-1)!;
    await page.setViewportSize({ width: 800, height: 500 });
    await page.goto(`/errors/${entry.id}/#sig-${last.id}`);
    const box = await page.evaluate((id) => {
      const rect = document.getElementById(id)!.getBoundingClientRect();
      return { top: rect.top, bottom: rect.bottom, height: innerHeight, scrolled: scrollY };
    }, `sig-${last.id}`);
    expect(box.scrolled).toBeGreaterThan(0);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.top).toBeLessThan(box.height);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('an error page reads without JavaScript: signatures, fixes and the verified line are in the HTML', async () => {
    const { page, context } = await openPage({ javaScript: false });
    const entry = pages[0]!;
    await page.goto(`/errors/${entry.id}/`);
    await expect(page.getByRole('heading', { name: 'Signatures' }).count()).resolves.toBe(1);
    await expect(page.getByText(entry.page.signatures[0]!.text, { exact: true }).first().isVisible()).resolves.toBe(true);
    await expect(page.getByText(/^Verified on/).count()).resolves.toBe(1);
    // Copy buttons need JavaScript, so without it they stay hidden instead of doing nothing.
    await expect(page.getByRole('button', { name: 'Copy as Markdown link' }).count()).resolves.toBe(0);
    await context.close();
  });

  it("a reporter's description is quoted as words and labelled so, under the same anchor, and output stays verbatim", async () => {
    const { page, context } = await openPage({ javaScript: false });
    const entry = pages.find((candidate) => candidate.page.signatures.some((signature) => signature.describes === true) && candidate.page.signatures.some((signature) => signature.describes !== true))!;
    const described = entry.page.signatures.find((signature) => signature.describes === true)!;
    const output = entry.page.signatures.find((signature) => signature.describes !== true)!;
    await page.goto(`/errors/${entry.id}/#sig-${described.id}`);
    const item = page.locator(`[id="sig-${described.id}"]`);
    await expect(item.locator('q').textContent()).resolves.toBe(described.text);
    await expect(item.locator('code').count()).resolves.toBe(0);
    await expect(item.getByText("How a reporter described it, not printed output").count()).resolves.toBe(1);
    const literal = page.locator(`[id="sig-${output.id}"]`);
    await expect(literal.locator('code').first().textContent()).resolves.toBe(output.text);
    await expect(literal.getByText(/^Seen in /).count()).resolves.toBe(1);
    await context.close();
  });

  const aliases = pages.flatMap((entry) => entry.page.aliases.map((alias) => ({ alias, entry })));
  it.skipIf(aliases.length === 0)('every alias URL lands on its real page, even without JavaScript', async () => {
    const { page, context } = await openPage({ javaScript: false });
    for (const { alias, entry } of aliases) {
      await page.goto(`/errors/${alias}/`);
      await page.waitForURL(`**/errors/${entry.id}/`);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(entry.page.title);
    }
    await context.close();
  });
});

describe('404', () => {
  it('an unknown URL answers 404 with a page that offers a working search', async () => {
    const { page, problems, context } = await openPage();
    const response = await page.goto('/errors/no-such-error-page/');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('No page here');
    const entry = pages[0]!;
    const results = await search(page, entry.page.signatures[0]!.text);
    expect(results[0]?.href.startsWith(`/errors/${entry.id}/`)).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('accessibility', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`axe finds no serious or critical violation on home, an error page, search and the checker (${colorScheme})`, async () => {
      const { page, problems, context } = await openPage({ colorScheme });
      const entry = pages.find((candidate) => candidate.page.fixes.some((fix) => fix.kind === 'config')) ?? pages[0]!;
      const report: Record<string, unknown> = {};
      await page.goto('/');
      report['home'] = await findSeriousViolations(page);
      await page.goto(`/errors/${entry.id}/`);
      report['error page'] = await findSeriousViolations(page);
      await page.goto('/search/');
      await search(page, entry.page.signatures[0]!.text);
      report['search with results'] = await findSeriousViolations(page);
      await page.goto(`/check/`);
      await page.getByRole('textbox', { name: 'Paste what you see' }).fill(entry.page.examples[0]!.paste);
      await page.getByRole('list').filter({ has: page.getByRole('link', { name: entry.page.title }) }).first().waitFor();
      report['checker with a result'] = await findSeriousViolations(page);
      expect(report).toEqual({ home: [], 'error page': [], 'search with results': [], 'checker with a result': [] });
      expect(problems).toEqual([]);
      await context.close();
    });
  }
});
