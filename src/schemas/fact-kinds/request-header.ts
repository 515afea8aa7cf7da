/** The schema piece of `request-header` facts (the engine half: src/engine/fact-kinds/request-header.ts). */
import { z } from 'zod';
import { regexSource } from './shared.ts';

/** A `request-header` fact as a page writes it. */
export const RequestHeaderFactSchema = z
  .object({
    kind: z.literal('request-header'),
    /** A header the user sent (curl `-H`, a client config's headers), case-insensitive. */
    name: z.string().min(1),
    /** The sent value matches this regex (case-insensitive); omit to test presence only. */
    value: regexSource.optional(),
    /** The header was not sent (needs a request in the paste). */
    absent: z.literal(true).optional(),
  })
  .strict();
