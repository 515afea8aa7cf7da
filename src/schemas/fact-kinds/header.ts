/** The schema piece of `header` facts (the engine half: src/engine/fact-kinds/header.ts). */
import { z } from 'zod';
import { regexSource } from './shared.ts';

/** A `header` fact as a page writes it. */
export const HeaderFactSchema = z
  .object({
    kind: z.literal('header'),
    /** A response header name, case-insensitive. */
    name: z.string().min(1),
    /** The header is present with a value matching this regex (case-insensitive); omit to test presence only. */
    value: regexSource.optional(),
    /** The header is absent from every response in the paste (needs at least one response with headers). */
    absent: z.literal(true).optional(),
  })
  .strict();
