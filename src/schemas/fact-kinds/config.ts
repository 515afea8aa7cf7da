/** The schema piece of `config` facts (the engine half: src/engine/fact-kinds/config.ts). */
import { z } from 'zod';
import { ValueTestSchema } from './shared.ts';

/** A `config` fact as a page writes it. */
export const ConfigFactSchema = z
  .object({
    kind: z.literal('config'),
    /** A dotted path from the root of `config.yaml` (`general_settings.use_x_forwarded_for`). */
    path: z.string().min(1),
    /** The test on the value found at the path. */
    test: ValueTestSchema,
  })
  .strict();
