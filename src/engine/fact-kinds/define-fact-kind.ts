/**
 * What one kind of fact is, end to end: how it is compiled into the rule index, which evidence
 * wakes it, how it is matched, described and weighed, and what to paste when it is missing. Each
 * kind lives in one file of this folder and is listed once in `registry.ts`; the rest of the
 * engine asks the registry, so adding a kind touches no switch anywhere else. The zod schema
 * piece of each kind lives in `src/schemas/fact-kinds/<kind>.ts` (the engine cannot import zod);
 * a unit test proves both registries list the same kinds in the same order.
 */
import type { Evidence, ServerConfig } from '../evidence.ts';
import type { FactHit } from '../match-fact.ts';
import type { RegexCache } from '../value-test.ts';
import type { EvidenceView } from '../view-evidence.ts';

/** What a fact's `match` may use: the per-paste view and caches shared by every fact of one check. */
export interface MatchContext {
  /** The paste, parsed and indexed. */
  view: EvidenceView;
  /** Compiled case-insensitive regexes by source, shared across pastes. */
  regexOf: RegexCache;
  /** The `mcp_servers` entries a server fact is tested on (see `serversInScope`). */
  servers: readonly ServerConfig[];
  /** A value computed once per paste under `key` (kinds prefix their keys with their name). */
  cached<T>(key: string, make: () => T): T;
}

/**
 * What wakes a fact: the literal word index (text and pattern facts), or evidence keys
 * (`evidence-keys.ts`): the fact is asked only when the paste shows one of them.
 */
export type FactTrigger = { literal: true } | { keys: readonly string[] };

/** A regex a fact carries, with the field (relative to the fact) that holds it. */
export interface FactRegex {
  /** `pattern`, `value`, `test.matches`, `fields.<key>.matches`, … */
  field: string;
  /** The regex source. */
  source: string;
}

/** One kind of fact; `F` is its compiled shape (discriminated on `kind`). */
export interface FactKind<F extends { kind: string }> {
  /** The `kind` value of its facts. */
  kind: F['kind'];
  /** Copies a validated fact into the compiled index: unset keys dropped, literals folded. */
  compile(fact: F): F;
  /** What must be in a paste for the fact to possibly hold. */
  trigger(fact: F): FactTrigger;
  /** Where the fact holds in a paste, or null. Literal kinds (trigger `literal`) are answered by the prepared literal's prefilters in match-fact.ts instead. */
  match(fact: F, context: MatchContext): FactHit | null;
  /**
   * The fact in plain words, never its regex, e.g. `the response status is 200 (OK)`; `hit` says
   * where it held when it did, `seen` is the (redacted) text that held it, to quote.
   */
  describe(fact: F, hit?: FactHit, seen?: string): string;
  /**
   * Specificity points: what seeing it tells apart from other failures (see rank-matches.ts);
   * `hit` says where it held, for a kind whose worth depends on what held (a group's member).
   */
  points(fact: F, hit?: FactHit): number;
  /** Whether it, seen on its own, points at something specific (a partial signature counts only then); `hit` as for `points`. */
  isDistinctive(fact: F, hit?: FactHit): boolean;
  /** What to paste so that the checker can test it, when it is missing; null for nothing useful. */
  nextStep(fact: F, evidence: Evidence): string | null;
  /** The regexes it carries, for the build's safety checks. */
  regexes(fact: F): FactRegex[];
  /**
   * The words it adds to its page's text for the weak-evidence ranking (rank-lexical.ts): the
   * config keys a config fact names, so a paste sharing them finds the page. Absent: none (the
   * page's signatures, titles and clue sentences are indexed already).
   */
  words?(fact: F): string[];
  /**
   * The facts a group holds (`any-of`), for the callers that weigh a group by the member that held
   * (`FactHit.member`); absent for a kind that is one fact.
   */
  members?(fact: F): readonly { kind: string }[];
}

/** The fact type of a kind. */
export type FactOfKind<K> = K extends FactKind<infer F> ? F : never;

/** Declares a fact kind (an identity function that fixes the fact type for the kind's methods). */
export function defineFactKind<F extends { kind: string }>(kind: FactKind<F>): FactKind<F> {
  return kind;
}

/** Drops keys set to undefined: the index is JSON, and such keys would only bloat it and break deep equality. */
export function withoutUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) {
    if (value[key] === undefined) delete value[key];
  }
  return value;
}
