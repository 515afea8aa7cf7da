import { chromium, type Browser } from 'playwright-core';

/** Launches Debian's Chromium headless, with nothing phoning home (tests and benches alike). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}
