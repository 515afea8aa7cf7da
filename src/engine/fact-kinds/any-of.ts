/**
 * `any-of`: a group of alternatives that holds when at least one of its member facts holds (a
 * stdio server without `command`, or one without `args`). A page whose failure has several setups
 * writes them as one group, so a config showing any one of them shows the page's whole config
 * evidence (rank-config-only.ts counts a group as one fact of the page).
 *
 * Members are facts of the structured kinds below, never text or pattern facts (alternatives of
 * a literal are one pattern with `|`, which the literal index already reads) nor another group
 * (a group in a group is the same as listing its members). The schema piece
 * (src/schemas/fact-kinds/any-of.ts) also keeps the members of one group on one side: all config
 * facts or none, so a group is a config fact or a paste fact, never half of each.
 */
import type { FactHit } from '../match-fact.ts';
import { configKind } from './config.ts';
import { defineFactKind, type FactKind, type FactOfKind, type FactRegex } from './define-fact-kind.ts';
import { exceptionKind } from './exception.ts';
import { headerKind } from './header.ts';
import { jsonKind } from './json.ts';
import { requestHeaderKind } from './request-header.ts';
import { serverConfigKind } from './server-config.ts';
import { statusKind } from './status.ts';

/** The kinds a group's members may be, in the order the schema lists them. */
export const MEMBER_KINDS = [statusKind, headerKind, requestHeaderKind, jsonKind, exceptionKind, serverConfigKind, configKind] as const;

/** A fact a group may hold. */
export type MemberFact = FactOfKind<(typeof MEMBER_KINDS)[number]>;

/** An any-of fact. */
export interface AnyOfFact {
  kind: 'any-of';
  /** The alternatives, two or more, in the page's order (the first that holds is the one quoted). */
  facts: MemberFact[];
}

const memberKinds = new Map<string, FactKind<MemberFact>>(MEMBER_KINDS.map((kind) => [kind.kind, kind as FactKind<MemberFact>]));

// A member of a kind this engine does not know (a newer index) never holds and weighs nothing.
const kindOfMember = (member: MemberFact): FactKind<MemberFact> | undefined => memberKinds.get(member.kind);

// The member a hit says held; undefined when the hit is not a group's.
function heldMember(fact: AnyOfFact, hit: FactHit | undefined): MemberFact | undefined {
  return hit?.member === undefined ? undefined : fact.facts[hit.member];
}

/** The any-of kind. */
export const anyOfKind = defineFactKind<AnyOfFact>({
  kind: 'any-of',
  compile: (fact) => ({ kind: 'any-of', facts: fact.facts.map((member) => kindOfMember(member)?.compile(member) ?? member) }),
  // Asked whenever the paste shows what wakes any member.
  trigger: (fact) => {
    const keys = new Set<string>();
    for (const member of fact.facts) {
      const trigger = kindOfMember(member)?.trigger(member);
      if (trigger && 'keys' in trigger) for (const key of trigger.keys) keys.add(key);
    }
    return { keys: [...keys] };
  },
  // The first member that holds is the one the explanation quotes, so the page's order decides.
  match: (fact, context) => {
    for (let at = 0; at < fact.facts.length; at++) {
      const member = fact.facts[at] as MemberFact;
      const hit = kindOfMember(member)?.match(member, context);
      if (hit) return { ...hit, member: at };
    }
    return null;
  },
  describe: (fact, hit, seen) => {
    const held = heldMember(fact, hit);
    if (held) return kindOfMember(held)?.describe(held, hit, seen) ?? 'one of the alternatives this page lists holds';
    const each = fact.facts.map((member) => kindOfMember(member)?.describe(member) ?? `a fact of kind “${member.kind}” this checker does not know`);
    return each.length === 2 ? `either ${each[0]}, or ${each[1]}` : `one of these: ${each.slice(0, -1).join('; ')}; or ${each[each.length - 1]}`;
  },
  // A held group is worth what the member that held is worth (not the sum: one alternative was
  // seen); before it is seen, what the weakest alternative would be worth.
  points: (fact, hit) => {
    const held = heldMember(fact, hit);
    if (held) return kindOfMember(held)?.points(held) ?? 0;
    return fact.facts.length === 0 ? 0 : Math.min(...fact.facts.map((member) => kindOfMember(member)?.points(member) ?? 0));
  },
  isDistinctive: (fact, hit) => {
    const held = heldMember(fact, hit);
    if (held) return kindOfMember(held)?.isDistinctive(held) ?? false;
    return fact.facts.length > 0 && fact.facts.every((member) => kindOfMember(member)?.isDistinctive(member) === true);
  },
  // Members of one side mostly ask for the same paste; different steps are offered as alternatives too.
  nextStep: (fact, evidence) => {
    const steps = [...new Set(fact.facts.map((member) => kindOfMember(member)?.nextStep(member, evidence) ?? null).filter((step): step is string => step !== null))];
    if (steps.length <= 1) return steps[0] ?? null;
    return steps.map((step, at) => (at === 0 ? step : `Or ${step.charAt(0).toLowerCase()}${step.slice(1)}`)).join(' ');
  },
  regexes: (fact) =>
    fact.facts.flatMap((member, at): FactRegex[] => (kindOfMember(member)?.regexes(member) ?? []).map((regex) => ({ field: `facts.${at}.${regex.field}`, source: regex.source }))),
  words: (fact) => [...new Set(fact.facts.flatMap((member) => kindOfMember(member)?.words?.(member) ?? []))],
  members: (fact) => fact.facts,
});
