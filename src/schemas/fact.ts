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

const regexSource = z.string().min(1).superRefine((source, ctx) => {
  try {
    new RegExp(source, 'u');
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: `regex does not compile: ${(error as Error).message}` });
  }
});

/**
 * One observable fact about a failure: something the checker can look for in the evidence it
 * parsed from a paste. A signature holds when all its facts hold; a clue adds (or removes) weight
 * when its fact holds.
 */
export const FactSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('text'),
      /** The literal as the user sees it. Matched case-insensitively, with runs of whitespace and JSON spacing (`": "` vs `":"`) normalised. */
      text: z.string().min(3),
      /** Restrict the match to these places; default anywhere. */
      in: z.array(PlaceSchema).min(1).optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('pattern'),
      /** A JavaScript regular expression (unicode mode, case-insensitive), for literals with variable parts. */
      pattern: regexSource,
      /** Restrict the match to these places; default anywhere. */
      in: z.array(PlaceSchema).min(1).optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('status'),
      /** The HTTP status of a response in the paste (status line, uvicorn access line, or `Error POSTing … (HTTP 500)`). */
      status: z.union([z.number().int().min(100).max(599), z.array(z.number().int().min(100).max(599)).min(1)]),
    })
    .strict(),
  z
    .object({
      kind: z.literal('header'),
      /** A response header name, case-insensitive. */
      name: z.string().min(1),
      /** The header is present with a value matching this regex (case-insensitive); omit to test presence only. */
      value: regexSource.optional(),
      /** The header is absent from every response in the paste (needs at least one response with headers). */
      absent: z.literal(true).optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('request-header'),
      /** A header the user sent (curl `-H`, a client config's headers), case-insensitive. */
      name: z.string().min(1),
      /** The sent value matches this regex (case-insensitive); omit to test presence only. */
      value: regexSource.optional(),
      /** The header was not sent (needs a request in the paste). */
      absent: z.literal(true).optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('json'),
      /** A dotted path into a JSON body (`tools`, `result.tools`, `error.code`, `detail.error`); `*` matches any key or index. */
      path: z.string().min(1),
      /** The test on the value found at the path. */
      test: ValueTestSchema,
    })
    .strict(),
  z
    .object({
      kind: z.literal('exception'),
      /** A Python exception type as printed, last dotted part enough (`ConnectError` matches `httpx.ConnectError`); searched inside ExceptionGroups too. */
      type: z.string().min(1),
      /** The exception message matches this regex (case-insensitive). */
      message: regexSource.optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('server-config'),
      /** Tests on keys of one `mcp_servers.<name>` entry; all must hold for the same server. */
      fields: z.record(z.string().min(1), ValueTestSchema),
    })
    .strict(),
  z
    .object({
      kind: z.literal('config'),
      /** A dotted path from the root of `config.yaml` (`general_settings.use_x_forwarded_for`). */
      path: z.string().min(1),
      /** The test on the value found at the path. */
      test: ValueTestSchema,
    })
    .strict(),
]);
/** One observable fact about a failure. */
export type Fact = z.output<typeof FactSchema>;
