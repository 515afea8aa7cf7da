/**
 * /check/ in real Chromium: how long a paste takes to become a result on the page, and the longest
 * main-thread task meanwhile (PerformanceObserver "longtask", tasks over 50 ms). The paste goes in
 * as a browser paste does: the textarea's value set (timed apart, with its layout: that is the
 * browser's own cost of a textarea holding the text, the same whatever the page does), then an
 * `input` event of type insertFromPaste, from which the wait for the result is timed.
 * Figures only, no asserts; needs the built site in dist/ and Chromium at /usr/bin/chromium.
 *
 *   node scripts/bench-checker-page.ts [--runs N]
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchBrowser } from '../test/e2e/launch-browser.ts';
import { startStaticServer } from '../test/e2e/serve-dist.ts';
import { readRunsFlag } from './read-runs-flag.ts';

/** One paste measured: the input event to the rendered result, and the longest main-thread task in between. */
export interface PasteTiming {
  ms: number;
  longestTaskMs: number;
  /** The browser's own work before the input event: putting the text in the textarea and laying it out. */
  insertMs: number;
  verdict: string;
}

/** Builds a paste of about `bytes` bytes: log lines with one real error line in the middle. */
export function makeLogPaste(bytes: number): string {
  const error = 'HTTP 500 {"error":"MCP request failed","details":""}';
  const lines: string[] = [];
  let size = 0;
  for (let at = 0; size < bytes; at += 1) {
    const line = `2026-01-01 12:00:${String(at % 60).padStart(2, '0')} INFO litellm.proxy routine line ${at} with nothing to see`;
    lines.push(line);
    size += line.length + 1;
  }
  lines.splice(Math.floor(lines.length / 2), 0, error);
  return lines.join('\n');
}

/** Measures each paste size `runs` times on the built site in `dist`. */
export async function measureCheckerPage(dist: string, sizes: readonly number[], runs: number): Promise<Map<number, PasteTiming[]>> {
  if (!existsSync(resolve(dist, 'check/index.html'))) throw new Error(`no built /check/ in ${dist}: run npm run build first`);
  const server = await startStaticServer(dist);
  const browser = await launchBrowser();
  const timings = new Map<number, PasteTiming[]>();
  try {
    for (const bytes of sizes) {
      const paste = makeLogPaste(bytes);
      const list: PasteTiming[] = [];
      for (let run = 0; run < runs; run += 1) {
        const page = await browser.newPage();
        await page.goto(`${server.url}/check/`);
        await page.waitForSelector('mcpfix-checker[data-state="ready"]');
        list.push(
          await page.evaluate(async (text) => {
            const checker = document.querySelector<HTMLElement>('mcpfix-checker');
            const box = document.querySelector<HTMLTextAreaElement>('textarea[name="paste"]');
            if (!checker || !box) throw new Error('no checker on the page');
            const inserting = performance.now();
            box.value = text;
            void box.offsetHeight;
            const insertMs = performance.now() - inserting;
            await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
            const longTasks: number[] = [];
            const observer = new PerformanceObserver((entries) => {
              for (const entry of entries.getEntries()) longTasks.push(entry.duration);
            });
            observer.observe({ type: 'longtask' });
            const started = performance.now();
            box.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste', bubbles: true }));
            await new Promise<void>((done) => {
              const poll = () => (checker.dataset['state'] === 'done' ? done() : requestAnimationFrame(poll));
              requestAnimationFrame(poll);
            });
            const ms = performance.now() - started;
            // Let the observer deliver the tasks of the last frame.
            await new Promise((done) => setTimeout(done, 50));
            observer.disconnect();
            return { ms, longestTaskMs: Math.max(0, ...longTasks), insertMs, verdict: checker.querySelector('.checker-status')?.textContent ?? '' };
          }, paste),
        );
        await page.close();
      }
      timings.set(bytes, list);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return timings;
}

if (import.meta.main) {
  const runs = readRunsFlag(process.argv, 3);
  const timings = await measureCheckerPage(resolve(import.meta.dirname, '../dist'), [1024, 100 * 1024, 1024 * 1024], runs);
  for (const [bytes, list] of timings) {
    console.log(`${bytes} bytes: ${list.map((timing) => `${timing.ms.toFixed(0)} ms (longest task ${timing.longestTaskMs.toFixed(0)} ms; textarea ${timing.insertMs.toFixed(0)} ms before)`).join(', ')} · ${list[0]?.verdict.slice(0, 60)}`);
  }
}
