import { z } from 'zod';

/**
 * One edit to a user's `config.yaml`. In `path`, the segment `<server>` stands for the
 * `mcp_servers` entry the evidence points at (the one a server-config fact matched, or the server
 * named in the request path).
 */
export const ConfigChangeSchema = z
  .object({
    /** `set` a key, `add` an item to a list (created when missing), `remove` a key or a list item. */
    op: z.enum(['set', 'add', 'remove']),
    /** Dotted YAML path from the root, e.g. `mcp_servers.<server>.extra_headers`. */
    path: z
      .string()
      .regex(/^[A-Za-z0-9_<>-]+(\.[A-Za-z0-9_<>-]+)*$/, 'a dotted path of keys, e.g. mcp_servers.<server>.auth_type'),
    /** The value to set or the list item to add or remove; omitted when removing a whole key. */
    value: z.unknown().optional(),
  })
  .strict()
  .refine((change) => change.op === 'remove' || change.value !== undefined, {
    message: 'set and add need a value',
    path: ['value'],
  });
/** One edit to a user's `config.yaml`. */
export type ConfigChange = z.output<typeof ConfigChangeSchema>;

const fixBase = {
  /** What to do, in one imperative line. */
  title: z.string().min(8),
  /** Why this works, or what to watch for, in a sentence or two of Markdown. */
  note: z.string().min(1).optional(),
};

/** One way to make the failure go away, in order of what to try first. */
export const FixSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('config'), ...fixBase, /** The edits, applied in order. */ changes: z.array(ConfigChangeSchema).min(1) }).strict(),
  z
    .object({
      kind: z.literal('env'),
      ...fixBase,
      /** The environment variable of the proxy process. */
      name: z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'an environment variable name in UPPER_SNAKE_CASE'),
      /** The value to set; placeholders in angle brackets (`https://<your-host>`). */
      value: z.string(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('upgrade'),
      ...fixBase,
      /** The first LiteLLM version with the fix. */
      version: z.string().regex(/^\d+\.\d+\.\d+([-.][0-9A-Za-z.-]+)?$/, 'a version such as 1.80.8 or 1.81.0-nightly'),
      /** The PR in BerriAI/litellm that fixed it. */
      pr: z.number().int().positive().optional(),
    })
    .strict(),
  z.object({ kind: z.literal('workaround'), ...fixBase }).strict(),
  z
    .object({
      kind: z.literal('client'),
      ...fixBase,
      /** The client whose settings change (Claude Code, Cursor, mcp-remote…). */
      client: z.string().min(1).optional(),
    })
    .strict(),
]);
/** One way to make the failure go away. */
export type Fix = z.output<typeof FixSchema>;

/**
 * One thing to look at when the fixes did not help or before choosing one: a log to read, a request
 * to repeat with curl, a list to compare. It changes nothing, so it is listed apart from the fixes
 * under "Check next".
 */
export const CheckStepSchema = z
  .object({
    /** What to look at, in one imperative line ("Read the gateway log for the same minute"). */
    title: z.string().min(8),
    /** What to look for and what each answer means, in a sentence or two of Markdown. */
    note: z.string().min(1).optional(),
    /** The exact command to run, when there is one (placeholders in angle brackets). */
    command: z.string().min(1).optional(),
  })
  .strict();
/** One thing to look at; it changes nothing. */
export type CheckStep = z.output<typeof CheckStepSchema>;
