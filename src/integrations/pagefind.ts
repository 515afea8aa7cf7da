import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

/** The part of every pagefind Node API answer that carries its errors. */
interface PagefindAnswer {
  errors: string[];
}

/**
 * Throws when a pagefind answer carries errors, after logging each one: a search index with
 * holes would ship silently otherwise.
 */
function assertNoErrors<T extends PagefindAnswer>(answer: T, step: string, logger: AstroIntegrationLogger): T {
  if (answer.errors.length > 0) {
    for (const error of answer.errors) logger.error(`pagefind (${step}): ${error}`);
    throw new Error(`pagefind failed while ${step}: ${answer.errors.join('; ')}`);
  }
  return answer;
}

// The site drives pagefind's JS API from its own element; pagefind's ready-made UIs are never loaded.
const UNUSED_UI = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;

/** Removes pagefind's ready-made UI bundles from its output folder; returns how many files went. */
async function removeUnusedUi(folder: string): Promise<number> {
  const unused = (await readdir(folder)).filter((name) => UNUSED_UI.test(name));
  await Promise.all(unused.map((name) => rm(join(folder, name))));
  return unused.length;
}

/**
 * An Astro integration that builds the pagefind search index over the built site through
 * pagefind's Node API, and fails the build when pagefind reports any error or indexes no page.
 */
export function pagefindIntegration(): AstroIntegration {
  return {
    name: 'mcpfix:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        try {
          const created = assertNoErrors(await pagefind.createIndex({ forceLanguage: 'en' }), 'creating the index', logger);
          const index = created.index;
          if (!index) throw new Error('pagefind returned no index');
          const indexed = assertNoErrors(await index.addDirectory({ path: fileURLToPath(dir) }), 'indexing the site', logger);
          // Only error pages carry data-pagefind-body; zero pages means the markup lost it.
          if (indexed.page_count === 0) throw new Error('pagefind indexed no page: no element carries data-pagefind-body');
          const outputPath = fileURLToPath(new URL('./pagefind/', dir));
          assertNoErrors(await index.writeFiles({ outputPath }), 'writing the index', logger);
          await removeUnusedUi(outputPath);
          logger.info(`pagefind indexed ${indexed.page_count} pages in ${Math.round(performance.now() - started)} ms`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
