import { readFileSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './launch-browser.ts';
import { readPages, type PageFile } from '../../src/catalog/read-pages.ts';

/**
 * Starts one Chromium for the calling test file (closed after its last test) and returns the
 * function that opens a watched page on the site under test in it.
 */
export function useWatchedPages(baseUrl: string): (options?: Parameters<typeof openWatchedPage>[2]) => ReturnType<typeof openWatchedPage> {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return (options) => {
    if (!browser) throw new Error('the browser is not running: call the opener inside a test');
    return openWatchedPage(browser, baseUrl, options);
  };
}

/** A page whose console errors, warnings and uncaught exceptions are collected. */
export interface WatchedPage {
  /** The page. */
  page: Page;
  /** What the console said at error or warning level, and uncaught exceptions. */
  problems: string[];
}

/** Opens a new context (optionally with clipboard access, a colour scheme or JavaScript off) and a watched page in it. */
export async function openWatchedPage(
  browser: Browser,
  baseUrl: string,
  options: { clipboard?: boolean; colorScheme?: 'light' | 'dark'; javaScript?: boolean } = {},
): Promise<WatchedPage & { context: BrowserContext }> {
  const context = await browser.newContext({ baseURL: baseUrl, colorScheme: options.colorScheme ?? 'light', javaScriptEnabled: options.javaScript ?? true });
  if (options.clipboard) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    const type = message.type();
    // The browser logs a failed resource load (the 404 page's own status) as an error; that one is the point of the test.
    if ((type === 'error' || type === 'warning') && !/status of 404/.test(message.text())) problems.push(`${type}: ${message.text()} @ ${page.url()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message} @ ${page.url()}`));
  return { context, page, problems };
}

/** The real pages, read from content/errors at test time. */
export function loadContentPages(): PageFile[] {
  const { pages, problems } = readPages('content/errors', process.cwd());
  if (problems.length > 0) throw new Error(`content/errors has invalid pages:\n${problems.map((problem) => JSON.stringify(problem)).join('\n')}`);
  if (pages.length === 0) throw new Error('content/errors has no pages');
  return pages;
}

const AXE_SOURCE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

/** One axe violation, reduced to what a failure message needs. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe-core in the page and returns its serious and critical violations. */
export async function findSeriousViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, not as an inline <script>: the pages' CSP (script-src 'self') blocks those.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const report = await axe.run();
    return report.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => ({ id: violation.id, impact: violation.impact, help: violation.help, targets: violation.nodes.map((node) => JSON.stringify(node.target)) }));
  });
}
