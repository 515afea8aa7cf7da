/**
 * The engine's own types for the compiled rules (src/generated/rules.json). They mirror the zod
 * output of the page schema (src/schemas/) without importing zod: scripts/compile-rules.ts assigns
 * the zod output to `RulePageSource`, so `tsc` proves the two shapes agree.
 */
import type { Place } from './evidence.ts';
import type { RuleFact } from './fact-kinds/registry.ts';
import type { ConfigModel } from './lint-config.ts';

/** A test on one value of a config entry or a JSON body: exactly one key is set. */
export interface RuleValueTest {
  /** The value deep-equals this (`[]` means an empty list). */
  equals?: unknown;
  /** The value is present (`true`) or absent / null (`false`). */
  present?: boolean | undefined;
  /** The value is a list or string that contains this item (case-insensitive for strings). */
  includes?: string | undefined;
  /** The value, as a string, matches this regular expression (case-insensitive). */
  matches?: string | undefined;
  /** The value is not `true` (absent, null or false). */
  notTrue?: true | undefined;
}

/** One observable fact the checker looks for in the evidence (see src/schemas/fact.ts): the union of the registered kinds' facts. */
export type { RuleFact } from './fact-kinds/registry.ts';

/** One way a failure shows itself: all its facts must hold for a full match. */
export interface RuleSignature {
  /** Anchor slug: the signature is linkable as `#sig-<id>`. */
  id: string;
  /** The signature as the user sees it. */
  text: string;
  /** Where it appears. */
  where: Place;
  /** Who prints it when it is not LiteLLM itself (a client, an SDK); absent for LiteLLM's own output. */
  client?: string | undefined;
  /** The facts that must all hold (text facts already folded to the normalised form in a compiled index). */
  facts: RuleFact[];
  /** How strongly a full match points at the page (0.1–3). */
  weight: number;
  /** True when `text` is a person's description of the symptom, not output: a full match is at most 'medium' (rank-matches.ts). */
  describes?: boolean | undefined;
}

/** Evidence that adds (or, negative, removes) weight when its fact holds. */
export interface RuleClue {
  /** The fact to look for. */
  fact: RuleFact;
  /** -3..3, never 0. */
  weight: number;
  /** The sentence shown when the clue counted. */
  says: string;
}

/** One edit to a user's config.yaml; `<server>` in the path stands for the server the evidence points at. */
export interface RuleConfigChange {
  /** Set a key, add a list item, remove a key or a list item. */
  op: 'set' | 'add' | 'remove';
  /** Dotted path from the root. */
  path: string;
  /** The value to set, or the item to add or remove. */
  value?: unknown;
}

/** One way to make the failure go away, discriminated on `kind`. */
export type RuleFix =
  | { kind: 'config'; title: string; note?: string | undefined; changes: RuleConfigChange[] }
  | { kind: 'env'; title: string; note?: string | undefined; name: string; value: string }
  | { kind: 'upgrade'; title: string; note?: string | undefined; version: string; pr?: number | undefined }
  | { kind: 'workaround'; title: string; note?: string | undefined }
  | { kind: 'client'; title: string; note?: string | undefined; client?: string | undefined };

/** One thing to look at next (a log, a curl request, a list to compare): it changes nothing, so it is apart from the fixes. */
export interface RuleCheckStep {
  /** What to look at, in one imperative line. */
  title: string;
  /** What to look for. */
  note?: string | undefined;
  /** The exact command to run, when there is one. */
  command?: string | undefined;
}

/** The release and PR that fixed a bug. */
export interface RuleFixedIn {
  /** The first fixed version. */
  version: string;
  /** The PR in BerriAI/litellm. */
  pr?: number | undefined;
}

/** The part of a validated page the compiler reads: the zod output is assignable to it. */
export interface RulePageSource {
  /** The page id (file name). */
  id: string;
  /** The page heading. */
  title: string;
  /** One line: what goes wrong and why. */
  summary: string;
  /** The area of the gateway. */
  area: string;
  /** The hop on the request path. */
  hop: string;
  /** bug | by-design | limitation. */
  status: string;
  /** Fixed long ago, kept as history. */
  retired: boolean;
  /** The release that fixed it. */
  fixedIn?: RuleFixedIn | undefined;
  /** LiteLLM versions the failure was seen in (only `versions` is compiled). */
  affects?: Array<{ versions: string }> | undefined;
  /** Look-alike or follow-up pages. */
  relatedErrors: string[];
  /** The ways the failure shows itself. */
  signatures: RuleSignature[];
  /** Weighted evidence that tells the page apart. */
  clues: RuleClue[];
  /** The fixes, in order. */
  fixes: RuleFix[];
  /** What to look at next; absent from a compiled page that has none. */
  checkNext?: RuleCheckStep[] | undefined;
}

/** One compiled page: what the matcher, the explanation and the suggestions need. */
export interface RulePage extends RulePageSource {
  /** `/errors/<id>/`. */
  url: string;
  /**
   * The page's distinctive words for the lexical ranking (rank-lexical.ts), worked out at build:
   * present only in the checker's form of the index, which leaves out the prose they come from.
   */
  words?: string[] | undefined;
}

/** The compiled rules: one static JSON artifact generated from the pages. */
export interface RuleIndex {
  /** The format version of this artifact. */
  version: 1;
  /** Every page, sorted by id. */
  pages: RulePage[];
  /** The model of LiteLLM's MCP config the checker lints configs against (absent: no linting). */
  configModel?: ConfigModel | undefined;
  /**
   * Which facts are identical, worked out at build (`distinctFactIdsOf` in prepare-rules.ts): the
   * CLI's rules file carries it so preparing the index need not compare every fact's JSON text.
   * Absent elsewhere; an unusable one is ignored.
   */
  factIds?: number[] | undefined;
  /**
   * The prepared index's tables as the build worked them out (stored-preparation.ts): the CLI's
   * rules file carries them so a check reads them instead of preparing the index. Read only
   * through `readStoredPreparation`, which sets aside tables of other prepare code.
   */
  prepared?: unknown;
}
