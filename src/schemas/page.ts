import { z } from 'zod';
import { ClueSchema, SignatureSchema, SlugSchema } from './signature.ts';
import { CheckStepSchema, FixSchema } from './fix.ts';
import { AffectedSchema, FixedInSchema, SourceSchema, TrackerLinkSchema, VerifiedSchema } from './reference.ts';

/** The longest `<title>` and page title a search result or link preview shows whole. */
export const MAX_TITLE_LENGTH = 69;
/** The longest meta description search engines and link previews show whole. */
export const MAX_DESCRIPTION_LENGTH = 159;

/** The part of the gateway a failure belongs to; the home page groups pages by it. */
export const AreaSchema = z.enum([
  'inbound-auth',
  'oauth-interactive',
  'oauth-discovery',
  'token-forwarding',
  'openapi',
  'transport-session',
  'upstream-connectivity',
  'permissions',
  'tool-listing',
  'rest-endpoints',
  'ui-playground',
  'server-registry',
  'config-validation',
  'guardrails-responses',
  'multi-replica',
]);
/** The part of the gateway a failure belongs to. */
export type Area = z.output<typeof AreaSchema>;

/** Where on the path client → gateway → upstream the failure sits; drawn on the page. */
export const HopSchema = z.enum([
  /** Between the MCP client and the gateway: URL, transport, headers the client sends. */
  'client-gateway',
  /** The gateway deciding whether to admit the caller: keys, teams, permissions. */
  'gateway-admission',
  /** Between the gateway and the upstream MCP server (or the API behind an OpenAPI spec). */
  'gateway-upstream',
  /** Between the gateway (or the client) and an OAuth authorization server. */
  'gateway-authorization-server',
  /** Inside the gateway: config, database, workers. */
  'gateway-internals',
]);
/** Where on the path the failure sits. */
export type Hop = z.output<typeof HopSchema>;

/** A paste in the shape a user would paste it; the checker must rank its page first. */
export const ExampleSchema = z
  .object({
    /** What the paste is, e.g. `curl -si against the gateway, token expired`. */
    title: z.string().min(5),
    /** The shape of the paste. */
    shape: z.enum(['curl', 'log', 'traceback', 'client-output', 'text', 'issue']),
    /** The paste itself, with realistic variable parts. */
    paste: z.string().min(10),
    /** A `config.yaml` excerpt given alongside, as `mcpfix check --config` would. */
    config: z.string().min(5).optional(),
  })
  .strict();
/** A paste in the shape a user would paste it. */
export type Example = z.output<typeof ExampleSchema>;

/**
 * The frontmatter of one error page: one failure mode. The page id is the file name, not a field.
 */
export const ErrorPageSchema = z
  .object({
    /** The failure in a few words, as a heading. */
    title: z.string().min(10).max(120),
    /**
     * The title for `<title>`, link previews and the preview image, at most 69 characters; required
     * when `title` is longer than that.
     */
    shortTitle: z.string().min(10).max(MAX_TITLE_LENGTH).optional(),
    /** One line: what goes wrong and why. */
    summary: z.string().min(20).max(280),
    /**
     * The meta and Open Graph description, at most 159 characters; required when `summary` is
     * longer than that.
     */
    description: z.string().min(20).max(MAX_DESCRIPTION_LENGTH).optional(),
    /** The gateway product. */
    product: z.enum(['litellm']).default('litellm'),
    /** The part of the gateway the failure belongs to. */
    area: AreaSchema,
    /** Where on the request path it sits. */
    hop: HopSchema,
    /** `bug` (LiteLLM misbehaves), `by-design` (intended; the fix is configuration) or `limitation` (not supported yet). */
    status: z.enum(['bug', 'by-design', 'limitation']),
    /** The ways the failure shows itself; at least one. */
    signatures: z.array(SignatureSchema).min(1),
    /** Weighted evidence that tells this page apart from look-alikes. */
    clues: z.array(ClueSchema).default([]),
    /** The fixes, in the order to try them: each one changes something (config, env, version, client). */
    fixes: z.array(FixSchema).min(1),
    /** What to look at next (logs, a curl request, a list to compare): investigation steps, kept apart from the fixes. */
    checkNext: z.array(CheckStepSchema).default([]),
    /** LiteLLM versions in which the failure was seen. */
    affects: z.array(AffectedSchema).default([]),
    /** The release and PR that fixed it, when it was a bug that got fixed. */
    fixedIn: FixedInSchema.optional(),
    /** Fixed long ago: the page stays (its URL is linked from issues) but is marked as history. */
    retired: z.boolean().default(false),
    /** PRs and issues about this failure. */
    related: z.array(TrackerLinkSchema).default([]),
    /** Ids of other pages that look alike or follow from this one. */
    relatedErrors: z.array(SlugSchema).default([]),
    /** Old ids of this page; their URLs redirect here. */
    aliases: z.array(SlugSchema).default([]),
    /** Pastes that must lead the checker to this page; two at least, in different shapes where the failure allows. */
    examples: z.array(ExampleSchema).min(2, 'give at least two examples: pastes in the shapes users paste (curl -si, a log excerpt, client output…)'),
    /** Where the facts come from: LiteLLM source files, docs, tracker threads. */
    sources: z.array(SourceSchema).min(1),
    /** When and against what the facts were last checked. */
    verified: VerifiedSchema,
  })
  .strict()
  .superRefine((page, ctx) => {
    const seen = new Set<string>();
    page.signatures.forEach((signature, index) => {
      if (seen.has(signature.id)) {
        ctx.addIssue({ code: 'custom', path: ['signatures', index, 'id'], message: `duplicate signature id "${signature.id}" on this page` });
      }
      seen.add(signature.id);
    });
    if (page.title.length > MAX_TITLE_LENGTH && page.shortTitle === undefined) {
      ctx.addIssue({ code: 'custom', path: ['shortTitle'], message: `the title has ${page.title.length} characters; add a shortTitle of at most ${MAX_TITLE_LENGTH} for <title> and link previews` });
    }
    if (page.summary.length > MAX_DESCRIPTION_LENGTH && page.description === undefined) {
      ctx.addIssue({ code: 'custom', path: ['description'], message: `the summary has ${page.summary.length} characters; add a description of at most ${MAX_DESCRIPTION_LENGTH} for search results and link previews` });
    }
    if (page.retired && !page.fixedIn) {
      ctx.addIssue({ code: 'custom', path: ['fixedIn'], message: 'a retired page names the version that fixed it' });
    }
    if (page.fixedIn && page.status !== 'bug') {
      ctx.addIssue({ code: 'custom', path: ['status'], message: 'only a bug has a fixed-in version; use status: bug' });
    }
  });
/** The frontmatter of one error page, as validated. */
export type ErrorPage = z.output<typeof ErrorPageSchema>;
/** The frontmatter of one error page, as written. */
export type ErrorPageInput = z.input<typeof ErrorPageSchema>;
/** A validated page together with its id (the file name). */
export type ErrorPageEntry = ErrorPage & { id: string };
