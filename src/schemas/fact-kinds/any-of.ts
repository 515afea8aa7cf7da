/** The schema piece of `any-of` facts (the engine half: src/engine/fact-kinds/any-of.ts). */
import { z } from 'zod';
import { ConfigFactSchema } from './config.ts';
import { ExceptionFactSchema } from './exception.ts';
import { HeaderFactSchema } from './header.ts';
import { JsonFactSchema } from './json.ts';
import { RequestHeaderFactSchema } from './request-header.ts';
import { ServerConfigFactSchema } from './server-config.ts';
import { StatusFactSchema } from './status.ts';

// The structured kinds a group may hold, in the engine's order (MEMBER_KINDS in its half).
const MEMBER_SCHEMAS = [StatusFactSchema, HeaderFactSchema, RequestHeaderFactSchema, JsonFactSchema, ExceptionFactSchema, ServerConfigFactSchema, ConfigFactSchema] as const;

/** The kinds an `any-of` member may be. */
export const ANY_OF_MEMBER_KINDS: readonly string[] = MEMBER_SCHEMAS.map((schema) => schema.shape.kind.value);

// The kinds that describe config.yaml: a group is all of them or none of them.
const CONFIG_KINDS: ReadonlySet<string> = new Set(['config', 'server-config']);

// A member of another kind gets the reason it cannot be one, not only the list of kinds.
function memberKindProblem(kind: unknown): string {
  if (kind === 'text' || kind === 'pattern') return `a ${kind} fact cannot be an any-of member: write the alternatives as one pattern with \`|\``;
  if (kind === 'any-of') return 'an any-of cannot be a member of an any-of: list its facts in the outer group';
  return `an any-of member is a fact of kind ${ANY_OF_MEMBER_KINDS.join(', ')}`;
}

const MemberSchema = z.discriminatedUnion('kind', MEMBER_SCHEMAS, {
  error: (issue) => (issue.code === 'invalid_union' ? memberKindProblem((issue.input as { kind?: unknown } | undefined)?.kind) : undefined),
});

/** An `any-of` fact as a page writes it: holds when at least one of its facts holds. */
export const AnyOfFactSchema = z
  .object({
    kind: z.literal('any-of'),
    /**
     * The alternatives, two or more; the first that holds is the one the checker quotes. All are
     * config facts (`config`, `server-config`) or none is: a group is one config fact of its page
     * (the config-only ranking counts it once) or one fact of the paste, never half of each.
     */
    facts: z.array(MemberSchema).min(2, { error: 'an any-of lists two or more facts; with one, write that fact without the group' }),
  })
  .strict()
  .superRefine((group, ctx) => {
    const sides = new Set(group.facts.map((fact) => CONFIG_KINDS.has(fact.kind)));
    if (sides.size > 1) {
      const config = group.facts.filter((fact) => CONFIG_KINDS.has(fact.kind)).map((fact) => fact.kind);
      const paste = group.facts.filter((fact) => !CONFIG_KINDS.has(fact.kind)).map((fact) => fact.kind);
      ctx.addIssue({
        code: 'custom',
        path: ['facts'],
        message: `mixes config facts (${[...new Set(config)].join(', ')}) with facts of the paste (${[...new Set(paste)].join(', ')}): a group is one fact of the config or one of the paste, and the config-only ranking could not tell which; write them as two clues`,
      });
    }
  });
