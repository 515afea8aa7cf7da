import { z } from 'zod';
import { SlugSchema } from './signature.ts';

/** What became of a report: `open`, `closed` (without a fix), `stale`, or `fixed by #N` (N: the fixing PR). */
export const ReportStateSchema = z
  .string()
  .regex(/^(?:open|closed|stale|fixed by #[1-9]\d*)$/, 'expected open, closed, stale or "fixed by #N"');

/** A report's triage, as read: one of the four forms the inventory's header lists. */
export type ReportTriage =
  | { kind: 'page'; id: string }
  | { kind: 'not-a-failure' }
  | { kind: 'duplicate'; of: number }
  | { kind: 'cannot-tell'; reason: string };

const DUPLICATE = /^duplicate-of #([1-9]\d*)$/;
const CANNOT_TELL = /^cannot-tell: (.{5,})$/;

/**
 * Where a report leads: a page id, `not-a-failure` (feature request, question, docs), `duplicate-of #N`, or
 * `cannot-tell: <reason>`. Written as one string, read into a discriminated value.
 */
export const ReportTriageSchema = z.string().transform((text, ctx): ReportTriage => {
  const trimmed = text.trim();
  if (trimmed === 'not-a-failure') return { kind: 'not-a-failure' };
  const duplicate = DUPLICATE.exec(trimmed);
  if (duplicate) return { kind: 'duplicate', of: Number(duplicate[1]) };
  const unsure = CANNOT_TELL.exec(trimmed);
  if (unsure) return { kind: 'cannot-tell', reason: (unsure[1] as string).trim() };
  if (SlugSchema.safeParse(trimmed).success) return { kind: 'page', id: trimmed };
  ctx.addIssue({ code: 'custom', message: 'expected a page id, not-a-failure, "duplicate-of #N" or "cannot-tell: <reason>"' });
  return z.NEVER;
});

/** One public report of an MCP failure in LiteLLM's tracker. */
export const ReportSchema = z
  .object({
    /** The issue or PR number in BerriAI/litellm. */
    number: z.number().int().positive(),
    /** Whether it is an issue or a pull request that fixes a reported failure. */
    kind: z.enum(['issue', 'pr']),
    /** The report's title as written. */
    title: z.string().min(3),
    /** The LiteLLM version as reported (`v1.74.9`, `main-v1.81.3-stable`), or null when it names none. */
    version: z.string().min(1).nullable(),
    /** What became of it. */
    state: ReportStateSchema,
    /** The shortest verbatim excerpt the reporter pasted that shows the failure, masked; null when there is none. */
    evidence: z.string().trim().min(5).nullable(),
    /** Where it leads. */
    triage: ReportTriageSchema,
  })
  .strict();
/** One report, as validated. */
export type Report = z.output<typeof ReportSchema>;

/** The reports inventory file: `reports:` followed by the entries (an empty key reads as no entries). */
export const ReportInventorySchema = z
  .object({
    /** The reports, in any order; numbers are unique. */
    reports: z
      .array(ReportSchema)
      .nullable()
      .transform((reports) => reports ?? []),
  })
  .strict();
/** The reports inventory, as validated. */
export type ReportInventory = z.output<typeof ReportInventorySchema>;
