/** The schema piece of `pattern` facts (the engine half: src/engine/fact-kinds/pattern.ts). */
import { z } from 'zod';
import { PlaceSchema, regexSource } from './shared.ts';

/** A `pattern` fact as a page writes it. */
export const PatternFactSchema = z
  .object({
    kind: z.literal('pattern'),
    /** A JavaScript regular expression (unicode mode, case-insensitive), for literals with variable parts. */
    pattern: regexSource,
    /** Restrict the match to these places; default anywhere. */
    in: z.array(PlaceSchema).min(1).optional(),
  })
  .strict();
