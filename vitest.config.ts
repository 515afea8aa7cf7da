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
