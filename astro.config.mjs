// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({
  site: 'https://mcpfix.dev',
  trailingSlash: 'always',
  integrations: [mdx()],
});
