/** Pieces several fact kinds' schemas share: places, value tests, regex sources. */
import { z } from 'zod';

/**
 * Where in a paste a piece of text was seen. The checker tags every line it parses with one of
 * these, and a text fact may be restricted to some of them.
 */
export const PlaceSchema = z.enum([
  /** The HTTP status line of a response (`HTTP/1.1 500 Internal Server Error`). */
  'status-line',
  /** A response header line. */
  'header',
  /** A response body: JSON, SSE `data:` frames or text. */
  'body',
  /** A LiteLLM / uvicorn log line. */
  'log',
  /** A Python traceback (frames and the exception line). */
  'traceback',
  /** What an MCP client printed (Claude Code, Cursor, mcp-remote, Inspector, the SDKs). */
  'client',
  /** A `config.yaml` excerpt. */
  'config',
  /** The curl command line or the request the user sent. */
  'request',
  /** Anywhere at all. */
  'any',
]);
/** Where in a paste a piece of text was seen. */
export type Place = z.output<typeof PlaceSchema>;

/** A test on one value of a config entry or a JSON body. Exactly one of its keys is used. */
export const ValueTestSchema = z
  .object({
    /** The value equals this (deep equality; `[]` means an empty list). */
    equals: z.unknown().optional(),
    /** The value is present (`true`) or absent / null (`false`). */
    present: z.boolean().optional(),
    /** The value is a list or string that contains this item (case-insensitive for strings). */
    includes: z.string().optional(),
    /** The value, as a string, matches this regular expression (case-insensitive). */
    matches: z.string().optional(),
    /** The value is not `true` (absent, null or false): for opt-in flags such as `delegate_auth_to_upstream`. */
    notTrue: z.literal(true).optional(),
  })
  .strict()
  .refine((test) => Object.values(test).filter((v) => v !== undefined).length === 1, {
    message: 'a value test uses exactly one of equals, present, includes, matches, notTrue',
  });
/** A test on one value of a config entry or a JSON body. */
export type ValueTest = z.output<typeof ValueTestSchema>;

/** A regex source that compiles in unicode mode. */
export const regexSource = z.string().min(1).superRefine((source, ctx) => {
  try {
    new RegExp(source, 'u');
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: `regex does not compile: ${(error as Error).message}` });
  }
});
