import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { ErrorPageSchema } from './schemas/index.ts';

/** One page per failure mode; the file name is the id and the URL. */
const errors = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content/errors' }),
  schema: ErrorPageSchema,
});

export const collections = { errors };
