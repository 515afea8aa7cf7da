import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (node, fast: unit, content and CLI tests) and `e2e` (real Chromium
 * against the BUILT site in dist/, served on 127.0.0.1 by test/e2e/global-setup.ts).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          // Property tests of thousands of runs take 2-5 s alone and 7-15 s while the browser tests
          // and other builds share this 2-core machine; vitest's 5 s default failed six of them in
          // one full run. Timeouts here only stop hangs: speed is measured by npm run bench.
          testTimeout: 30_000,
          setupFiles: ['test/support/fast-check-seed.ts'],
          include: ['test/unit/**/*.test.ts', 'test/content/**/*.test.ts', 'test/cli/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
