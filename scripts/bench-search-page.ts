/**
 * /search/ in real Chromium beside pagefind alone: how long a query takes to become a result list
 * on the page, and how long pagefind's own JS API takes for the same query on the same built site
 * (load it, `search`, then `data()` of the hits the page re-ranks): the page's ranking by signature
 * and its fallback searches are what the difference costs. Each pair of queries is timed on a
 * fresh page: the first search (which loads pagefind and its index), then the other query (a
 * later search, everything loaded; a different query, so no cached answer is reused).
 * Figures only, no asserts; needs the built site in dist/ and Chromium at /usr/bin/chromium.
 *
 *   node scripts/bench-search-page.ts [--runs N]
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../test/e2e/launch-browser.ts';
import { startStaticServer } from '../test/e2e/serve-dist.ts';
import { readRunsFlag } from './read-runs-flag.ts';

/** A pair of queries timed on the page and with pagefind alone: the first search, then the second. */
export interface SearchTiming {
  queries: readonly [string, string];
  pageFirstMs: number;
  pageLaterMs: number;
  aloneFirstMs: number;
  aloneLaterMs: number;
}

// The page re-ranks this many of pagefind's hits (RERANK_DEPTH in mcpfix-search.ts): the anchor
// fetches the same fragments, so both sides read the same data.
const FRAGMENTS = 30;

async function timeOnPage(browser: Browser, url: string, queries: readonly [string, string]): Promise<{ first: number; later: number }> {
  const page = await browser.newPage();
  try {
    await page.goto(`${url}/search/`);
    await page.waitForFunction(() => customElements.get('mcpfix-search') !== undefined);
    return await page.evaluate(async ([first, second]) => {
      const box = document.querySelector<HTMLInputElement>('mcpfix-search input[type="search"]');
      const form = document.querySelector<HTMLFormElement>('mcpfix-search form');
      const list = document.querySelector<HTMLElement>('.search-results');
      if (!box || !form || !list) throw new Error('no search box on the page');
      // Submitting runs the search at once (typing waits for a pause first).
      const once = async (text: string): Promise<number> => {
        box.value = text;
        const started = performance.now();
        form.requestSubmit();
        await new Promise<void>((done) => {
          const poll = (): void => (list.dataset['query'] === text ? done() : void requestAnimationFrame(poll));
          poll();
        });
        return performance.now() - started;
      };
      return { first: await once(first), later: await once(second) };
    }, queries);
  } finally {
    await page.close();
  }
}

async function timeAlone(browser: Browser, url: string, queries: readonly [string, string]): Promise<{ first: number; later: number }> {
  const page = await browser.newPage();
  try {
    // The same origin and the same built index; a page of the site without a search box.
    await page.goto(`${url}/404.html`);
    return await page.evaluate(
      async ({ pair, depth }) => {
        interface Pagefind {
          options(options: Record<string, unknown>): Promise<void>;
          init(): Promise<void>;
          search(query: string): Promise<{ results: Array<{ data(): Promise<unknown> }> }>;
        }
        const path = '/pagefind/pagefind.js';
        let api: Pagefind | undefined;
        const once = async (text: string): Promise<number> => {
          const started = performance.now();
          if (!api) {
            api = (await import(path)) as Pagefind;
            await api.options({ excerptLength: 20 });
            await api.init();
          }
          const found = await api.search(text);
          await Promise.all(found.results.slice(0, depth).map((hit) => hit.data()));
          return performance.now() - started;
        };
        return { first: await once(pair[0]), later: await once(pair[1]) };
      },
      { pair: queries, depth: FRAGMENTS },
    );
  } finally {
    await page.close();
  }
}

/** Times each pair of queries `runs` times on the built site in `dist`, the page and pagefind alone alternating. */
export async function measureSearchPage(dist: string, pairs: ReadonlyArray<readonly [string, string]>, runs: number): Promise<SearchTiming[]> {
  if (!existsSync(resolve(dist, 'search/index.html'))) throw new Error(`no built /search/ in ${dist}: run npm run build first`);
  const server = await startStaticServer(dist);
  const browser = await launchBrowser();
  const timings: SearchTiming[] = [];
  try {
    for (let run = 0; run < runs; run += 1) {
      for (const queries of pairs) {
        const onPage = await timeOnPage(browser, server.url, queries);
        const alone = await timeAlone(browser, server.url, queries);
        timings.push({ queries, pageFirstMs: onPage.first, pageLaterMs: onPage.later, aloneFirstMs: alone.first, aloneLaterMs: alone.later });
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return timings;
}

if (import.meta.main) {
  const runs = readRunsFlag(process.argv, 3);
  const pair = ['missing botocore to use aws sigv4', '401 Unauthorized tools/list empty'] as const;
  const timings = await measureSearchPage(resolve(import.meta.dirname, '../dist'), [pair, [pair[1], pair[0]]], runs);
  for (const timing of timings) {
    console.log(`${JSON.stringify(timing.queries)}: page ${timing.pageFirstMs.toFixed(0)} / ${timing.pageLaterMs.toFixed(0)} ms, pagefind alone ${timing.aloneFirstMs.toFixed(0)} / ${timing.aloneLaterMs.toFixed(0)} ms (first / later search)`);
  }
}
