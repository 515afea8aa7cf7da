import { z } from 'zod';
import { FactSchema, PlaceSchema } from './fact.ts';

/** A kebab-case slug: lowercase letters and digits separated by single hyphens. */
export const SlugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use kebab-case: lowercase letters, digits and single hyphens');

// Fact kinds that are what a failing system answered, so a signature holding one is output, not a
// description (`describes`); the others are words, or what the user set up and sent.
const OUTPUT_KINDS: ReadonlySet<string> = new Set(['status', 'header', 'json', 'exception']);

/**
 * One way a failure shows itself: the exact thing a user sees, where they see it, and the facts
 * the checker needs to recognise it. When `facts` is omitted the signature is its own literal:
 * `text` must appear in the paste.
 */
export const SignatureSchema = z
  .object({
    /** Anchor slug, unique within the page: the signature is linkable as `/errors/<page>/#sig-<id>`. */
    id: SlugSchema,
    /** The signature exactly as the user sees it, shown verbatim in monospace and indexed for search. */
    text: z.string().min(3),
    /** Where it appears. */
    where: PlaceSchema,
    /** Who prints it when it is not LiteLLM itself (`Claude Code`, `mcp-remote`, `MCP Inspector`, `MCP Python SDK`…). */
    client: z.string().min(1).optional(),
    /** What must all hold for the checker to count the signature as seen; default: `text` appears in the paste. */
    facts: z.array(FactSchema).min(1).optional(),
    /** How strongly a full match points at this page compared with its other signatures (default 1). */
    weight: z.number().min(0.1).max(3).default(1),
    /**
     * `true` when `text` is a person's description of the symptom (a reporter's sentence such as
     * "the tool listing is slow"), not a literal that LiteLLM, a client, an SDK or a tool printed.
     * Such words are weak evidence: a full match still ranks the page, but never makes it `high`,
     * and the page shows the signature as the reporter's words rather than as output. Beside the
     * words it may hold what the user set up (config, server config, request headers), never what
     * a failing system answered: a status, response header, JSON body or exception is output.
     */
    describes: z.boolean().optional(),
  })
  .strict()
  .superRefine((signature, ctx) => {
    if (signature.describes !== true || signature.facts === undefined) return;
    const output = signature.facts.find((fact) => OUTPUT_KINDS.has(fact.kind));
    if (output)
      ctx.addIssue({
        code: 'custom',
        path: ['describes'],
        message: `a descriptive signature holds words and the user's setup, but it has a ${output.kind} fact, which is output a system printed: drop describes, or move that fact to a signature of its own`,
      });
  })
  .transform((signature) => ({
    ...signature,
    facts: signature.facts ?? [{ kind: 'text' as const, text: signature.text }],
  }));
/** One way a failure shows itself, with its facts always filled in. */
export type Signature = z.output<typeof SignatureSchema>;

/**
 * Evidence that tells this page apart from look-alikes: when the fact holds, the page gains (or,
 * with a negative weight, loses) score, and the checker quotes `says` as its reason.
 */
export const ClueSchema = z
  .object({
    /** The fact to look for. */
    fact: FactSchema,
    /** Score added when the fact holds; negative when it contradicts this page. */
    weight: z.number().min(-3).max(3).refine((w) => w !== 0, 'a clue with weight 0 does nothing'),
    /** One sentence the checker shows when the clue counted: what this evidence means. */
    says: z.string().min(10),
  })
  .strict();
/** Evidence that tells this page apart from look-alikes. */
export type Clue = z.output<typeof ClueSchema>;
