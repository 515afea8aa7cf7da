/** The schema piece of `json` facts (the engine half: src/engine/fact-kinds/json.ts). */
import { z } from 'zod';
import { ValueTestSchema } from './shared.ts';

/** A `json` fact as a page writes it. */
export const JsonFactSchema = z
  .object({
    kind: z.literal('json'),
    /** A dotted path into a JSON body (`tools`, `result.tools`, `error.code`, `detail.error`); `*` matches any key or index. */
    path: z.string().min(1),
    /** The test on the value found at the path. */
    test: ValueTestSchema,
  })
  .strict();
