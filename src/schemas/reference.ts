import { z } from 'zod';

/** A pull request or issue in a GitHub repository, rendered as a link. */
export const TrackerLinkSchema = z
  .object({
    /** `owner/name`; default `BerriAI/litellm`. */
    repo: z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'owner/name').default('BerriAI/litellm'),
    /** The PR or issue number. */
    number: z.number().int().positive(),
    /** Whether it is a pull request or an issue. */
    kind: z.enum(['pr', 'issue']),
    /** Its title, as on GitHub. */
    title: z.string().min(3),
  })
  .strict();
/** A pull request or issue in a GitHub repository. */
export type TrackerLink = z.output<typeof TrackerLinkSchema>;

/** A document the page's facts were checked against. */
export const SourceSchema = z
  .object({
    /** What it is, e.g. `litellm/proxy/_experimental/mcp_server/server.py › handle_streamable_http_mcp`. */
    title: z.string().min(3),
    /** Where it is. */
    url: z.url({ protocol: /^https$/, error: 'an https URL' }),
  })
  .strict();
/** A document the page's facts were checked against. */
export type Source = z.output<typeof SourceSchema>;

/** LiteLLM versions in which the failure was seen. */
export const AffectedSchema = z
  .object({
    /** A version or range as LiteLLM numbers them: `1.80.0`, `>=1.77.0 <1.80.8`, `<1.74.0`, `1.80.x`. */
    versions: z.string().regex(/^(?:[<>]=?|=)?\d+\.\d+\.(?:\d+|x)(?:[-.][0-9A-Za-z.-]+)?(?:\s+(?:[<>]=?|=)?\d+\.\d+\.(?:\d+|x)(?:[-.][0-9A-Za-z.-]+)?)*$/, 'a version or range such as 1.80.0, >=1.77.0 <1.80.8 or 1.80.x'),
    /** Where that was seen (an issue, a release). */
    note: z.string().min(1).optional(),
  })
  .strict();
/** LiteLLM versions in which the failure was seen. */
export type Affected = z.output<typeof AffectedSchema>;

/** The release and PR that fixed a bug. */
export const FixedInSchema = z
  .object({
    /** The first LiteLLM version with the fix. */
    version: z.string().regex(/^\d+\.\d+\.\d+([-.][0-9A-Za-z.-]+)?$/, 'a version such as 1.80.8'),
    /** The PR in BerriAI/litellm. */
    pr: z.number().int().positive().optional(),
  })
  .strict();
/** The release and PR that fixed a bug. */
export type FixedIn = z.output<typeof FixedInSchema>;

/** When and against what the page's facts were last checked. */
export const VerifiedSchema = z
  .object({
    /** The day of the check, `YYYY-MM-DD`. */
    // Astro's YAML loader turns an unquoted date into a Date; the `yaml` library keeps a string.
    date: z.preprocess(
      (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
      z.iso.date({ error: 'a date as YYYY-MM-DD' }),
    ),
    /** The LiteLLM version, commit or source the facts were checked against. */
    against: z.string().min(3),
  })
  .strict();
/** When and against what the page's facts were last checked. */
export type Verified = z.output<typeof VerifiedSchema>;
