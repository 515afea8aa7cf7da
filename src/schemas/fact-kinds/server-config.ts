/** The schema piece of `server-config` facts (the engine half: src/engine/fact-kinds/server-config.ts). */
import { z } from 'zod';
import { ValueTestSchema } from './shared.ts';

/** A `server-config` fact as a page writes it. */
export const ServerConfigFactSchema = z
  .object({
    kind: z.literal('server-config'),
    /** Tests on keys of one `mcp_servers.<name>` entry; all must hold for the same server. */
    fields: z.record(z.string().min(1), ValueTestSchema),
  })
  .strict();
