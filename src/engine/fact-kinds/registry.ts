/**
 * The fact kinds, in order: the one list the engine dispatches on. Adding a kind is one file in
 * this folder and one line here, plus its zod piece in src/schemas/fact-kinds/ and one line in
 * src/schemas/fact.ts's union (the engine cannot import zod, so the schema lives apart);
 * test/unit/fact-kinds.test.ts holds the two lists together. Nothing else names a kind, except
 * the literal kinds (text, pattern) that prepare-rules.ts indexes by word and the config-only
 * ranking's test for config facts (rank-config-only.ts).
 */
import type { FactHit } from '../match-fact.ts';
import { anyOfKind } from './any-of.ts';
import { configKind } from './config.ts';
import type { FactKind, FactOfKind, FactRegex, MatchContext } from './define-fact-kind.ts';
import { exceptionKind } from './exception.ts';
import { headerKind } from './header.ts';
import { jsonKind } from './json.ts';
import { patternKind } from './pattern.ts';
import { requestHeaderKind } from './request-header.ts';
import { serverConfigKind } from './server-config.ts';
import { statusKind } from './status.ts';
import { textKind } from './text.ts';

/** Every fact kind, in the order the schema lists them. */
export const FACT_KINDS = [textKind, patternKind, statusKind, headerKind, requestHeaderKind, jsonKind, exceptionKind, serverConfigKind, configKind, anyOfKind] as const;

/** One observable fact the checker looks for in the evidence: the union of the kinds' facts. */
export type RuleFact = FactOfKind<(typeof FACT_KINDS)[number]>;

const byName = new Map<string, FactKind<RuleFact>>(FACT_KINDS.map((kind) => [kind.kind, kind as FactKind<RuleFact>]));

/** The kind of a fact; undefined for a kind this engine does not know (a rule index newer than it). */
export function kindOf(fact: RuleFact): FactKind<RuleFact> | undefined {
  return byName.get(fact.kind);
}

/** Where the fact holds, or null; a fact of an unknown kind never holds. */
export function matchFactOfKind(fact: RuleFact, context: MatchContext): FactHit | null {
  return kindOf(fact)?.match(fact, context) ?? null;
}

/** A fact in words, e.g. `the response status is 200`. */
export function describeFact(fact: RuleFact, hit?: FactHit, seen?: string): string {
  const kind = kindOf(fact);
  return kind ? kind.describe(fact, hit, seen) : `a fact of kind “${String(fact.kind)}” this checker does not know`;
}

/** Specificity points of one fact (see rank-matches.ts), as it held at `hit` when given; 0 for an unknown kind. */
export function pointsOfFact(fact: RuleFact, hit?: FactHit): number {
  return kindOf(fact)?.points(fact, hit) ?? 0;
}

/** Whether a fact, seen on its own (as it held at `hit` when given), points at something specific. */
export function isDistinctive(fact: RuleFact, hit?: FactHit): boolean {
  return kindOf(fact)?.isDistinctive(fact, hit) ?? false;
}

/** The member facts of a group (`any-of`); undefined for a fact that is not a group. */
export function membersOfFact(fact: RuleFact): readonly RuleFact[] | undefined {
  // A group's members are facts of registered kinds (its schema piece allows no other).
  return kindOf(fact)?.members?.(fact) as readonly RuleFact[] | undefined;
}

/** The fact that held at `hit`: a group's member that held, or the fact itself. */
export function heldFactOf(fact: RuleFact, hit: FactHit): RuleFact {
  const members = hit.member === undefined ? undefined : membersOfFact(fact);
  return members?.[hit.member as number] ?? fact;
}

/** Copies a fact into the compiled index (unset keys dropped, text literals folded). */
export function compileFact(fact: RuleFact): RuleFact {
  const kind = kindOf(fact);
  if (!kind) throw new Error(`unknown fact kind “${String(fact.kind)}”`);
  return kind.compile(fact);
}

/** The regexes a fact carries, fields relative to the fact. */
export function regexesOfFact(fact: RuleFact): FactRegex[] {
  return kindOf(fact)?.regexes(fact) ?? [];
}

/** The words a fact adds to its page's text for the weak-evidence ranking (config keys); none for most kinds. */
export function wordsOfFact(fact: RuleFact): string[] {
  return kindOf(fact)?.words?.(fact) ?? [];
}
