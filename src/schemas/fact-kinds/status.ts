/** The schema piece of `status` facts (the engine half: src/engine/fact-kinds/status.ts). */
import { z } from 'zod';

/** A `status` fact as a page writes it. */
export const StatusFactSchema = z
  .object({
    kind: z.literal('status'),
    /** The HTTP status of a response in the paste (status line, uvicorn access line, or `Error POSTing … (HTTP 500)`). */
    status: z.union([z.number().int().min(100).max(599), z.array(z.number().int().min(100).max(599)).min(1)]),
  })
  .strict();
