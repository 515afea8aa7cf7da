// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { pagefindIntegration } from './src/integrations/pagefind.ts';
import { satteri } from '@astrojs/markdown-satteri';
import { dropRepeatedFixYaml } from './src/integrations/drop-repeated-fix-yaml.ts';

export default defineConfig({
  site: 'https://mcpfix.dev',
  trailingSlash: 'always',
  integrations: [mdx(), pagefindIntegration()],
  markdown: {
    // Each fix is rendered once, from the page's data: prose YAML that only repeats it gives way to a link.
    processor: satteri({ mdastPlugins: [dropRepeatedFixYaml] }),
    // Code blocks follow the system colour scheme like the rest of the site (see global.css).
    shikiConfig: { themes: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' } },
  },
  vite: {
    // The checker worker imports the engine as ES modules.
    worker: { format: 'es' },
    build: {
      rollupOptions: {
        // Astro's MDX output carries a module-level "use astro:head-inject" directive that the
        // bundler warns about once per page; the directive is Astro's own business, not a defect.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
          warn(warning);
        },
      },
    },
  },
});
