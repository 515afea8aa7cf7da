/** The schema piece of `text` facts (the engine half: src/engine/fact-kinds/text.ts). */
import { z } from 'zod';
import { PlaceSchema } from './shared.ts';

/** A `text` fact as a page writes it. */
export const TextFactSchema = z
  .object({
    kind: z.literal('text'),
    /** The literal as the user sees it. Matched case-insensitively, with runs of whitespace and JSON spacing (`": "` vs `":"`) normalised. */
    text: z.string().min(3),
    /** Restrict the match to these places; default anywhere. */
    in: z.array(PlaceSchema).min(1).optional(),
  })
  .strict();
