import { fileURLToPath } from 'node:url';

// This file sits two folders below the repository root (src/cli/), and so does the bundled CLI
// (build/cli/*.cjs, where esbuild inlines this module): the same relative URL finds the root
// from both. scripts/build-cli.ts writes the bundle there for that reason.
const ROOT_URL = new URL('../../', import.meta.url);

/** The repository root, with a trailing slash. */
export const PROJECT_ROOT = fileURLToPath(ROOT_URL);

/** The rule index the build writes (`node scripts/compile-rules.ts`). */
export const GENERATED_RULES = fileURLToPath(new URL('src/generated/rules.json', ROOT_URL));

/** The pages the rules are compiled from when the generated index is missing or stale. */
export const CONTENT_DIR = fileURLToPath(new URL('content/errors/', ROOT_URL));

/** The package manifest, for `--version`. */
export const PACKAGE_JSON = fileURLToPath(new URL('package.json', ROOT_URL));
