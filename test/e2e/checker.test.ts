import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadContentPages, useWatchedPages } from './browser.ts';
import { checkText, findPageWithConfigFix, openChecker, waitForResultOf } from './checker-page.ts';
import { readFileSync } from 'node:fs';

const baseUrl = inject('baseUrl');
const pages = loadContentPages();
const openPage = useWatchedPages(baseUrl);

/** Puts the text in the paste box as a browser paste does (the value, then an insertFromPaste input event) and waits for its result. */
async function pasteText(page: Page, paste: string): Promise<void> {
  await page.evaluate((text) => {
    const box = document.querySelector<HTMLTextAreaElement>('textarea[name="paste"]');
    if (!box) throw new Error('no paste box');
    box.value = text;
    box.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste', bubbles: true }));
  }, paste);
  await waitForResultOf(page, paste);
}

/** The hrefs of the result links, best first. */
function resultHrefs(page: Page): Promise<string[]> {
  return page.locator('.checker-results ol.results > li h4 a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
}

/** The rules module the worker imports: content-hashed by the build, under /_astro/. */
const RULES_MODULE = /\/_astro\/checker-rules-[\w-]+\.js$/;
const RULES_TEXT = readFileSync(new URL('../../src/generated/checker-rules.json', import.meta.url), 'utf8');

/** Serves the checker's rules module (`export default <the JSON>`) with the JSON rewritten by `edit` (null: the module answers 404). */
async function rewriteRulesModule(page: Page, edit: (text: string) => string | null): Promise<void> {
  await page.context().route(RULES_MODULE, async (route) => {
    const edited = edit(RULES_TEXT);
    if (edited === null) await route.fulfill({ status: 404, body: 'not found' });
    else await route.fulfill({ status: 200, contentType: 'text/javascript', body: `export default ${edited};` });
  });
}

const withConfigFix = findPageWithConfigFix(pages);

describe('the checker page', () => {
  it('a page example pasted with its config leads to that page, marks evidence, and its diff copies', async (context) => {
    if (!withConfigFix) {
      context.skip('no page has a config fix first and an example with config yet');
      return;
    }
    const example = withConfigFix.page.examples.find((candidate) => candidate.config !== undefined)!;
    const { page, problems, context: browserContext } = await openPage({ clipboard: true });
    await openChecker(page);
    await checkText(page, example.paste, example.config);
    const hrefs = await resultHrefs(page);
    expect(hrefs[0]?.startsWith(`/errors/${withConfigFix.id}/`), `results: ${hrefs.join(', ')}`).toBe(true);
    await expect(page.locator('.paste-view mark').count()).resolves.toBeGreaterThan(0);
    const diff = page.getByRole('figure', { name: 'Suggested diff' }).first();
    const shown = (await diff.textContent()) ?? '';
    expect(shown).toMatch(/^[+-]/m);
    await page.getByRole('button', { name: 'Copy diff' }).first().click();
    await page.getByRole('status').filter({ hasText: 'Copied' }).first().waitFor();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(shown);
    expect(problems).toEqual([]);
    await browserContext.close();
  });

  it('every page example pasted into the page lists its page first', async () => {
    const { page, problems, context } = await openPage();
    await openChecker(page);
    await page.getByText('Add your config.yaml').click();
    const misses: string[] = [];
    for (const entry of pages) {
      const example = entry.page.examples[0]!;
      // The wait below keys on the marked paste showing this text; clear first only when the previous paste was the same.
      if ((await page.getByRole('textbox', { name: 'Paste what you see' }).inputValue()) === example.paste) await checkText(page, '');
      await page.getByRole('textbox', { name: 'config.yaml' }).fill(example.config ?? '');
      await checkText(page, example.paste);
      const hrefs = await resultHrefs(page);
      if (!hrefs[0]?.startsWith(`/errors/${entry.id}/`)) misses.push(`${entry.id}: got ${hrefs[0] ?? 'nothing'}`);
    }
    expect(misses).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  }, 30_000 + pages.length * 2_000);

  it('Share puts the redacted paste in the fragment, and opening that link restores it with the same result', async () => {
    const entry = pages[0]!;
    const secret = 'sk-live-9f8e7d6c5b4a39281706QRST';
    const paste = `${entry.page.examples[0]!.paste}\nAuthorization: Bearer ${secret}\n`;
    const { page, problems, context } = await openPage({ clipboard: true });
    await openChecker(page);
    await checkText(page, paste);
    const before = await resultHrefs(page);
    await page.getByRole('button', { name: /Share/ }).click();
    const shareBox = page.getByRole('textbox', { name: /Share link/ });
    await shareBox.waitFor();
    const link = await shareBox.inputValue();
    expect(link).toMatch(/\/check\/#paste=[A-Za-z0-9_-]+/);
    expect(link).not.toContain(secret);
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(link);

    const second = await openPage();
    await second.page.goto(link);
    await second.page.waitForSelector('mcpfix-checker[data-state="done"]');
    const restored = await second.page.getByRole('textbox', { name: 'Paste what you see' }).inputValue();
    expect(restored).not.toContain(secret.slice(0, -4));
    expect(restored).toContain(entry.page.examples[0]!.paste.split('\n')[0]!.slice(0, 20));
    await expect(resultHrefs(second.page)).resolves.toEqual(before);
    expect([...problems, ...second.problems]).toEqual([]);
    await second.context.close();
    await context.close();
  });

  it('an XSS payload pasted stays text: no dialog, no element created', async () => {
    const payload = '<img src=x onerror=alert(1)><script>alert(2)</script><svg onload=alert(3)>{"error":"MCP request failed","details":""}';
    const { page, problems, context } = await openPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await openChecker(page);
    const before = await page.evaluate(() => document.querySelectorAll('img, script, svg, iframe').length);
    await checkText(page, payload);
    await page.waitForTimeout(300);
    await expect(page.evaluate(() => document.querySelectorAll('img, script, svg, iframe').length)).resolves.toBe(before);
    await expect(page.getByRole('region', { name: 'Your paste, evidence marked' }).locator('pre').textContent()).resolves.toBe(payload);
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('an XSS payload arriving through a share link stays text too', async () => {
    const payload = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    const fragment = `#paste=${Buffer.from(payload).toString('base64url')}`;
    const { page, problems, context } = await openPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto('/check/');
    const before = await page.evaluate(() => document.querySelectorAll('img, script, svg, iframe').length);
    await openChecker(page, fragment);
    await page.waitForSelector('mcpfix-checker[data-state="done"]');
    await expect(page.getByRole('textbox', { name: 'Paste what you see' }).inputValue()).resolves.toBe(payload);
    await expect(page.getByRole('region', { name: 'Your paste, evidence marked' }).locator('pre').textContent()).resolves.toBe(payload);
    await expect(page.evaluate(() => document.querySelectorAll('img, script, svg, iframe').length)).resolves.toBe(before);
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('no request leaves the page after load while pasting, checking and sharing', async () => {
    const entry = withConfigFix ?? pages[0]!;
    const example = entry.page.examples[0]!;
    const { page, problems, context } = await openPage({ clipboard: true });
    await openChecker(page);
    await page.waitForLoadState('networkidle');
    const requests: string[] = [];
    context.on('request', (request) => requests.push(request.url()));
    page.on('request', (request) => requests.push(request.url()));
    await checkText(page, example.paste, example.config);
    await checkText(page, `${example.paste}\n\n${'x'.repeat(200_000)}`);
    await page.getByRole('button', { name: /Share/ }).click();
    await page.getByRole('textbox', { name: /Share link/ }).waitFor();
    expect(requests).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the rules come in their own content-hashed module, in neither the HTML nor the worker script, and a page left out of it is never named', async () => {
    const entry = pages[0]!;
    const example = entry.page.examples[0]!;
    const { page, problems, context } = await openPage();
    const workerScripts: Promise<string>[] = [];
    const rulesModules: Promise<string>[] = [];
    const htmls: Promise<string>[] = [];
    context.on('response', (response) => {
      if (/checker\.worker[^/]*\.js$/.test(response.url())) workerScripts.push(response.text());
      if (RULES_MODULE.test(response.url())) rulesModules.push(response.text());
      if (/\/check\/$/.test(response.url())) htmls.push(response.text());
    });
    await openChecker(page);
    await page.waitForSelector('mcpfix-checker[data-state="ready"]');
    // The module as served, run here: it carries the page's signature, not its summary (prose the page shows).
    const signature = entry.page.signatures[0]!.text.slice(0, 60);
    expect(rulesModules).toHaveLength(1);
    const served = (await import(`data:text/javascript;base64,${Buffer.from(await rulesModules[0]!).toString('base64')}`)) as { default: { pages: Array<Record<string, unknown>> } };
    const servedPage = JSON.stringify(served.default.pages.find((rule) => rule['id'] === entry.id));
    expect(servedPage).toContain(JSON.stringify(signature).slice(1, -1));
    expect(servedPage).not.toContain(JSON.stringify(entry.page.summary.slice(0, 60)).slice(1, -1));
    expect(workerScripts).toHaveLength(1);
    const workerCode = await workerScripts[0]!;
    expect(workerCode.length).toBeGreaterThan(1000);
    expect(workerCode).not.toContain(signature);
    expect(htmls).toHaveLength(1);
    expect(await htmls[0]!).not.toContain(signature);
    await checkText(page, example.paste, example.config);
    expect((await resultHrefs(page))[0]?.startsWith(`/errors/${entry.id}/`)).toBe(true);
    await context.close();

    const pruned = await openPage();
    await rewriteRulesModule(pruned.page, (text) => {
      // The page goes with its words and its fixes' titles, which the checker's form keeps in lists of their own.
      const index = JSON.parse(text) as { pages: Array<{ id: string; fixes: unknown[] }>; words: string[]; fixTitles: string[] };
      const kept = { pages: [] as typeof index.pages, words: [] as string[], fixTitles: [] as string[] };
      let nextTitle = 0;
      for (const [at, rule] of index.pages.entries()) {
        const titles = index.fixTitles.slice(nextTitle, nextTitle + rule.fixes.length);
        nextTitle += rule.fixes.length;
        if (rule.id === entry.id) continue;
        kept.pages.push(rule);
        kept.words.push(index.words[at] ?? '');
        kept.fixTitles.push(...titles);
      }
      return JSON.stringify({ ...index, ...kept });
    });
    await openChecker(pruned.page);
    await checkText(pruned.page, example.paste, example.config);
    const hrefs = await resultHrefs(pruned.page);
    expect(hrefs.filter((href) => href.startsWith(`/errors/${entry.id}/`)), `results: ${hrefs.join(', ')}`).toEqual([]);
    expect([...problems, ...pruned.problems]).toEqual([]);
    await pruned.context.close();
  });

  for (const [label, edit, says] of [
    ['whose rules module is missing', () => null, /its rules could not be loaded/],
    ['with a truncated rules module', (text: string) => text.slice(0, 500), /its rules could not be loaded/],
    ['with rules data that is no object', () => '"rules"', /not a JSON object/],
    ['with rules data of another version', () => '{"version":3,"pages":[]}', /version 3/],
  ] as const) {
    it(`a checker page ${label} says it cannot run and answers no paste`, async () => {
      const { page, problems, context } = await openPage();
      await rewriteRulesModule(page, edit);
      await openChecker(page);
      await page.waitForSelector('mcpfix-checker[data-state="unavailable"]');
      const status = page.locator('.checker-status');
      await expect(status.textContent()).resolves.toMatch(says);
      await page.getByRole('textbox', { name: 'Paste what you see' }).fill(pages[0]!.page.examples[0]!.paste);
      await page.waitForTimeout(600);
      await expect(page.locator('mcpfix-checker').getAttribute('data-state')).resolves.toBe('unavailable');
      await expect(status.textContent()).resolves.toMatch(says);
      await expect(page.locator('.checker-results').textContent()).resolves.toBe('');
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  it('a paste is checked at once, typing waits for a pause', async () => {
    const example = pages[0]!.page.examples[0]!;
    const { page, problems, context } = await openPage();
    await openChecker(page);
    await page.waitForSelector('mcpfix-checker[data-state="ready"]');
    // Read in the same task as the input event: a check that started at once has already set "checking".
    const stateAfter = (inputType: string, text: string) =>
      page.evaluate(
        ([kind, value]) => {
          const box = document.querySelector<HTMLTextAreaElement>('textarea[name="paste"]')!;
          box.value = value;
          box.dispatchEvent(new InputEvent('input', { inputType: kind, bubbles: true }));
          return document.querySelector<HTMLElement>('mcpfix-checker')!.dataset['state'];
        },
        [inputType, text] as const,
      );
    await expect(stateAfter('insertText', `${example.paste} `)).resolves.toBe('waiting');
    await expect(stateAfter('insertFromPaste', example.paste)).resolves.toBe('checking');
    await page.waitForSelector('mcpfix-checker[data-state="done"]');
    expect((await resultHrefs(page))[0]?.startsWith(`/errors/${pages[0]!.id}/`)).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('an edit made while a check runs waits for its own check: the older answer is not shown as done', async () => {
    const example = pages[0]!.page.examples[0]!;
    const { page, problems, context } = await openPage();
    await openChecker(page);
    await page.waitForSelector('mcpfix-checker[data-state="ready"]');
    // A paste starts a check at once; a key typed right after it (within the check, and well within
    // the typing pause) changes the text that check answers. Every state after the key is recorded.
    const states = await page.evaluate(async (text) => {
      const checker = document.querySelector<HTMLElement>('mcpfix-checker')!;
      const box = document.querySelector<HTMLTextAreaElement>('textarea[name="paste"]')!;
      box.value = text;
      box.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste', bubbles: true }));
      box.value = `${text}x`;
      box.dispatchEvent(new InputEvent('input', { inputType: 'insertText', bubbles: true }));
      const seen: string[] = [checker.dataset['state'] ?? ''];
      await new Promise<void>((done) => {
        new MutationObserver(() => {
          seen.push(checker.dataset['state'] ?? '');
          if (seen.filter((state) => state === 'done').length > 0 && seen.includes('checking')) done();
        }).observe(checker, { attributes: true, attributeFilter: ['data-state'] });
      });
      return seen;
    }, example.paste);
    expect(states.slice(0, 3)).toEqual(['waiting', 'checking', 'done']);
    await waitForResultOf(page, `${example.paste}x`);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a large paste shows the lines around its evidence, and each hidden run of lines opens on request', async () => {
    const entry = pages[0]!;
    const filler = Array.from({ length: 2_400 }, (_, at) => `2026-01-01 12:00:00 INFO routine line ${at} with nothing to see`);
    const paste = [...filler.slice(0, 1_200), entry.page.examples[0]!.paste, ...filler.slice(1_200)].join('\n');
    const { page, problems, context } = await openPage();
    await openChecker(page);
    await pasteText(page, paste);
    expect((await resultHrefs(page))[0]?.startsWith(`/errors/${entry.id}/`)).toBe(true);
    const view = page.getByRole('region', { name: 'Your paste, evidence marked' }).locator('pre');
    await expect(view.getAttribute('data-whole')).resolves.toBe('false');
    await expect(view.locator('mark').count()).resolves.toBeGreaterThan(0);
    const shown = (await view.evaluate((element) => [...element.childNodes].filter((node) => !(node instanceof HTMLButtonElement)).map((node) => node.textContent).join(''))) ?? '';
    expect(shown.length).toBeLessThan(paste.length / 20);
    const gaps = view.getByRole('button', { name: /lines not shown/ });
    await expect(gaps.count()).resolves.toBe(2);
    await expect(gaps.first().textContent()).resolves.toMatch(/^⋯ 1,19\d lines not shown/);
    while ((await gaps.count()) > 0) await gaps.first().click();
    await expect(view.textContent()).resolves.toBe(paste);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('an error page\'s "Open in checker" link carries its first example and the checker names that page', async () => {
    const entry = pages[0]!;
    const { page, problems, context } = await openPage();
    await page.goto(`/errors/${entry.id}/`);
    await page.getByRole('link', { name: 'Open in checker' }).click();
    await page.waitForSelector('mcpfix-checker[data-state="done"]');
    await expect(page.getByRole('textbox', { name: 'Paste what you see' }).inputValue()).resolves.toBe(entry.page.examples[0]!.paste);
    const hrefs = await resultHrefs(page);
    expect(hrefs[0]?.startsWith(`/errors/${entry.id}/`)).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });
});
