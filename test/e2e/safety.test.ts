import { describe, expect, inject, it } from 'vitest';
import { useWatchedPages } from './browser.ts';
import { parseShareFragment } from '../../src/site/share-fragment.ts';
import { SITE_POLICY } from '../../src/site/content-security-policy.ts';
import { readSecretCorpus } from '../support/secret-corpus.ts';

const baseUrl = inject('baseUrl');
const openPage = useWatchedPages(baseUrl);
const corpus = readSecretCorpus();

describe('the site under its Content-Security-Policy', () => {
  it('every kind of page carries the full policy, and the checker still checks under it with no violation', async () => {
    const { page, problems, context } = await openPage();
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        (window as unknown as { violations: string[] }).violations ??= [];
        (window as unknown as { violations: string[] }).violations.push(`${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    for (const path of ['/', '/search/', '/check/']) {
      await page.goto(path);
      const policies = await page.locator('meta[http-equiv="Content-Security-Policy"]').evaluateAll((metas) => metas.map((meta) => meta.getAttribute('content')));
      expect(policies, path).toContain(SITE_POLICY);
    }
    await page.waitForSelector('mcpfix-checker[data-state]');
    await page.getByRole('textbox', { name: 'Paste what you see' }).fill('HTTP/1.1 401 Unauthorized\n{"detail":"Authentication Error, LiteLLM Virtual Key expected"}');
    await page.waitForSelector('mcpfix-checker[data-state="done"] .checker-results ol.results > li');
    expect(await page.evaluate(() => (window as unknown as { violations?: string[] }).violations ?? [])).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);
});

describe('the share link', () => {
  it('carries none of the secret corpus', async () => {
    const { page, problems, context } = await openPage({ clipboard: true });
    await page.goto('/check/');
    await page.waitForSelector('mcpfix-checker[data-state]');
    const paste = corpus.map((entry) => entry.text).join('\n\n');
    await page.getByRole('textbox', { name: 'Paste what you see' }).fill(paste);
    await page.waitForSelector('mcpfix-checker[data-state="done"]', { timeout: 30_000 });
    await page.getByRole('button', { name: /Share/ }).click();
    const shareBox = page.getByRole('textbox', { name: /Share link/ });
    await shareBox.waitFor();
    const link = await shareBox.inputValue();
    const shared = parseShareFragment(new URL(link).hash);
    expect(shared).toBeDefined();
    for (const entry of corpus) expect(shared?.paste, entry.shape).not.toContain(entry.secret);
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);
});
