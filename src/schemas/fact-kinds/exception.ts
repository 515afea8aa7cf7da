/** The schema piece of `exception` facts (the engine half: src/engine/fact-kinds/exception.ts). */
import { z } from 'zod';
import { regexSource } from './shared.ts';

/** A `exception` fact as a page writes it. */
export const ExceptionFactSchema = z
  .object({
    kind: z.literal('exception'),
    /** A Python exception type as printed, last dotted part enough (`ConnectError` matches `httpx.ConnectError`); searched inside ExceptionGroups too. */
    type: z.string().min(1),
    /** The exception message matches this regex (case-insensitive). */
    message: regexSource.optional(),
  })
  .strict();
