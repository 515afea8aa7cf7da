import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startStaticServer, type StaticServer } from './serve-dist.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The base URL of the served, built site. */
    baseUrl: string;
  }
}

let server: StaticServer | undefined;

/**
 * Serves the built site (dist/, or the folder in MCPFIX_DIST) on 127.0.0.1 for the browser
 * tests, and fails at once with the command to run when there is nothing built to serve.
 */
export async function setup(project: TestProject): Promise<void> {
  const root = resolve(process.env['MCPFIX_DIST'] ?? 'dist');
  for (const required of ['index.html', 'check/index.html', 'pagefind/pagefind.js']) {
    if (!existsSync(resolve(root, required))) {
      throw new Error(`The browser tests need the built site, but ${resolve(root, required)} is missing. Run \`npm run build\` first (npm test does).`);
    }
  }
  if (!existsSync('/usr/bin/chromium')) throw new Error('The browser tests drive Debian\'s Chromium at /usr/bin/chromium; install it with `apt-get install chromium`.');
  server = await startStaticServer(root);
  project.provide('baseUrl', server.url);
}

/** Stops the static server. */
export async function teardown(): Promise<void> {
  await server?.close();
}
