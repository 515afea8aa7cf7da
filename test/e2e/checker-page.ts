import type { Page } from 'playwright-core';
import type { PageFile } from '../../src/catalog/read-pages.ts';

/** Opens /check/ (with a share fragment when given) and waits until its worker has said it is ready. */
export async function openChecker(page: Page, fragment = ''): Promise<void> {
  await page.goto(`/check/${fragment}`);
  await page.waitForSelector('mcpfix-checker[data-state]');
}

/** Fills the paste (and config) and waits for the results to answer exactly that text. */
export async function checkText(page: Page, paste: string, config?: string): Promise<void> {
  if (config !== undefined) {
    await page.getByText('Add your config.yaml').click();
    await page.getByRole('textbox', { name: 'config.yaml' }).fill(config);
  }
  await page.getByRole('textbox', { name: 'Paste what you see' }).fill(paste);
  await waitForResultOf(page, paste);
}

/** Waits until the checker has answered this paste (not an earlier one still on screen). */
export async function waitForResultOf(page: Page, paste: string): Promise<void> {
  await page.waitForFunction(
    (text) => {
      const view = document.querySelector('.paste-view');
      const checker = document.querySelector<HTMLElement>('mcpfix-checker');
      const box = document.querySelector<HTMLTextAreaElement>('textarea[name="paste"]');
      if (checker?.dataset['state'] !== 'done' || !(view instanceof HTMLElement)) return false;
      // A large paste shows only the lines around its evidence (data-whole="false").
      return view.dataset['whole'] === 'false' ? box?.value === text : view.textContent === text.replace(/\r\n/g, '\n');
    },
    paste,
    { timeout: 20_000 },
  );
}

/** The first page whose first fix is a config change and that has an example pasted with a config: its diff is shown. */
export function findPageWithConfigFix(pages: readonly PageFile[]): PageFile | undefined {
  return pages.find((entry) => entry.page.fixes[0]?.kind === 'config' && entry.page.examples.some((example) => example.config !== undefined));
}
