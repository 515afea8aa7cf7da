/**
 * A config alone can point at a page: when no signature holds but the config given shows what a
 * page's config facts describe (its config clues, and the config facts of its signatures), the
 * page is offered as possible, 'low', with those facts as its evidence. This is how a config-only
 * paste (`use_x_forwarded_for: true` without `mcp_trusted_proxy_ranges`) finds its page.
 *
 * A page counts when at least one of its config facts says what is there (a fact that something
 * is absent holds for every excerpt that leaves it out), none contradicts it, and what held weighs
 * MIN_WEIGHT or more. Pages are ranked by the weight that held, each fact weighted by how few
 * pages use it, times the share of the page's config evidence that held: a page whose whole
 * config shape the paste shows beats one that shares a single common key (`auth_type: oauth2`).
 */
import type { ClueResult } from './match-page.ts';
import type { FactMatcher } from './match-fact.ts';
import type { RuleClue, RuleFact, RuleIndex, RulePage } from './rule-index.ts';
import { isNegativeTest } from './value-test.ts';

/** A page whose config facts the given config shows. */
export interface ConfigOnlyMatch {
  /** The page. */
  page: RulePage;
  /** The config facts that held, as clues, strongest first. */
  clues: ClueResult[];
  /** Σ weights of the facts that held. */
  weight: number;
  /**
   * The ranking key: Σ weight × rarity of the facts that held (rarity: log of the pages with config
   * evidence over the pages using the fact), times the share of the page's config weight that held.
   */
  rank: number;
}

/** What held must weigh this much: one clue of ordinary weight, or two weak ones. */
const MIN_WEIGHT = 0.6;
/** A config fact inside a signature describes the failure's config itself: it weighs like a strong clue. */
const SIGNATURE_FACT_WEIGHT = 1.5;

/** The pages whose config facts the config shows, best first. */
export function rankConfigOnly(index: RuleIndex, facts: FactMatcher): ConfigOnlyMatch[] {
  const found: ConfigOnlyMatch[] = [];
  const { pagesOfFact, pagesWithConfig } = factUseOf(index);
  for (const page of index.pages) {
    const evidence = configEvidenceOf(page);
    if (evidence.length === 0) continue;
    const held: ClueResult[] = [];
    let isContradicted = false;
    for (const clue of evidence) {
      const hit = facts.match(clue.fact);
      if (!hit) continue;
      if (clue.weight < 0) isContradicted = true;
      else held.push({ clue, hit });
    }
    if (isContradicted || !held.some(({ clue }) => isPositive(clue.fact))) continue;
    const weight = held.reduce((sum, { clue }) => sum + clue.weight, 0);
    if (weight < MIN_WEIGHT) continue;
    const total = evidence.reduce((sum, clue) => sum + Math.max(0, clue.weight), 0);
    held.sort((a, b) => b.clue.weight - a.clue.weight);
    // A fact few pages use tells more than one every OAuth page shares (`auth_type: oauth2`).
    const rarity = held.reduce((sum, { clue }) => sum + clue.weight * Math.log(pagesWithConfig / (pagesOfFact.get(keyOf(clue.fact)) ?? 1)), 0);
    found.push({ page, clues: held, weight: round(weight), rank: round(rarity * (weight / total)) });
  }
  found.sort((a, b) => b.rank - a.rank || b.weight - a.weight || (a.page.id < b.page.id ? -1 : 1));
  return found;
}

const factUse = new WeakMap<RuleIndex, { pagesOfFact: Map<string, number>; pagesWithConfig: number }>();

// How many pages hold each distinct config fact, and how many pages have config evidence at all.
function factUseOf(index: RuleIndex): { pagesOfFact: Map<string, number>; pagesWithConfig: number } {
  const cached = factUse.get(index);
  if (cached) return cached;
  const pagesOfFact = new Map<string, number>();
  let pagesWithConfig = 0;
  for (const page of index.pages) {
    const keys = new Set(configEvidenceOf(page).map((clue) => keyOf(clue.fact)));
    if (keys.size > 0) pagesWithConfig += 1;
    for (const key of keys) pagesOfFact.set(key, (pagesOfFact.get(key) ?? 0) + 1);
  }
  const built = { pagesOfFact, pagesWithConfig };
  factUse.set(index, built);
  return built;
}

function keyOf(fact: RuleFact): string {
  return JSON.stringify(fact);
}

// The page's config clues, then the config facts of its signatures as clues of their own (each
// distinct fact once), worded after the signature they come from.
function configEvidenceOf(page: RulePage): RuleClue[] {
  const cached = evidenceOfPage.get(page);
  if (cached) return cached;
  const evidence: RuleClue[] = page.clues.filter((clue) => isConfigFact(clue.fact) && !isMereSection(clue.fact));
  const seen = new Set(evidence.map((clue) => keyOf(clue.fact)));
  for (const signature of page.signatures) {
    for (const fact of signature.facts) {
      const key = keyOf(fact);
      if (!isConfigFact(fact) || isMereSection(fact) || seen.has(key)) continue;
      seen.add(key);
      evidence.push({ fact, weight: SIGNATURE_FACT_WEIGHT, says: `The config shows what “${signature.text}” describes.` });
    }
  }
  evidenceOfPage.set(page, evidence);
  return evidence;
}

const evidenceOfPage = new WeakMap<RulePage, RuleClue[]>();

// The sections nearly every LiteLLM config has: one being there tells no page apart.
const COMMON_SECTIONS: ReadonlySet<string> = new Set(['mcp_servers', 'model_list', 'general_settings', 'litellm_settings']);

function isMereSection(fact: RuleFact): boolean {
  return fact.kind === 'config' && COMMON_SECTIONS.has(fact.path) && fact.test.present === true;
}

/** Whether a fact is about the config (a key of the file, or of one server's entry). */
export function isConfigFact(fact: RuleFact): boolean {
  return fact.kind === 'config' || fact.kind === 'server-config';
}

/** Whether a config fact says something is there, not only that something is absent or unset. */
export function isPositive(fact: RuleFact): boolean {
  if (fact.kind === 'config') return !isNegativeTest(fact.test);
  if (fact.kind === 'server-config') return Object.values(fact.fields).some((test) => !isNegativeTest(test));
  return false;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
