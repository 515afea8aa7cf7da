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
 * A group of alternatives (`any-of`: a stdio server without `command`, or one without `args`) is
 * one config fact of its page: the config shows it whole when it shows one member, it weighs its
 * clue's weight once, and it is as rare as that member.
 *
 * Several pages can describe one config shape (ten pages are about `dcr_bridge: true`): their
 * failures differ in what happens at run time, not in the config. `findConfigShape` names such a
 * shape and its pages, so the answer lists them all as possible and says what tells each apart,
 * rather than naming one first with a confidence the config cannot give.
 */
import type { ClueResult } from './match-page.ts';
import type { FactHit, FactMatcher } from './match-fact.ts';
import type { RuleClue, RuleFact, RuleIndex, RulePage, RuleValueTest } from './rule-index.ts';
import type { ConfigDocument } from './evidence.ts';
import { heldFactOf, membersOfFact } from './fact-kinds/registry.ts';
import { joinWords } from './fact-kinds/words.ts';
import { isNegativeTest, valuesAtPath } from './value-test.ts';

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
  /** The share of the page's config weight that held: 1 when the config shows every config fact of the page. */
  share: number;
  /**
   * What held weighs less than MIN_WEIGHT: the page gives its config facts as hints (`auth_type:
   * oauth2`, 0.4). It is never ranked on them, only listed within a shape whose keys they are.
   */
  isHint: boolean;
}

/** Pages one config fits equally: the config shows every config fact of each, and none stands out. */
export interface ConfigShape {
  /** What the pages share, in words: “`auth_type: oauth_delegate` and `dcr_bridge: true`”. */
  shape: string;
  /** The pages the config shows in full, best first, at most MAX_SHAPE_PAGES. */
  pages: ConfigOnlyMatch[];
  /** How many pages the config shows in full (more than `pages.length` when the list was cut). */
  size: number;
}

/** How many pages of one shape are listed: beyond this a list tells the reader nothing. */
export const MAX_SHAPE_PAGES = 12;

/**
 * The first page the config shows in full stands out, and is named first alone, when its rank is
 * at least this many times the next one's: its facts are rarer or more of them held.
 */
const DISTINCT_RATIO = 2;

/** The most config keys the shape's name quotes: those at least half its pages rely on. */
const SHAPE_WORDS = 3;

/**
 * What held must weigh this much: one clue of ordinary weight, or two weak ones. A page whose
 * config facts weigh less in all (`transport: http`, 0.5) gives them as hints, not as its shape.
 */
export const MIN_WEIGHT = 0.6;
/** A config fact inside a signature describes the failure's config itself: it weighs like a strong clue. */
const SIGNATURE_FACT_WEIGHT = 1.5;

/** The pages whose config facts the config shows, best first: hints (`isHint`) included, for `findConfigShape`. */
export function matchConfigPages(index: RuleIndex, facts: FactMatcher): ConfigOnlyMatch[] {
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
    if (isContradicted || !held.some(({ clue, hit }) => isPositive(heldFactOf(clue.fact, hit)))) continue;
    const weight = held.reduce((sum, { clue }) => sum + clue.weight, 0);
    const total = evidence.reduce((sum, clue) => sum + Math.max(0, clue.weight), 0);
    held.sort((a, b) => b.clue.weight - a.clue.weight);
    // A fact few pages use tells more than one every OAuth page shares (`auth_type: oauth2`); a
    // group of alternatives is as rare as the member that held (`dcr_bridge: true` of one of two).
    const rarity = held.reduce((sum, { clue, hit }) => sum + clue.weight * Math.log(pagesWithConfig / (pagesOfFact.get(keyOf(heldFactOf(clue.fact, hit))) ?? 1)), 0);
    found.push({ page, clues: held, weight: round(weight), rank: round(rarity * (weight / total)), share: round(weight / total), isHint: weight < MIN_WEIGHT });
  }
  found.sort((a, b) => b.rank - a.rank || b.weight - a.weight || (a.page.id < b.page.id ? -1 : 1));
  return found;
}

/** The pages a config can be ranked on: those of `matchConfigPages` that are not hints. */
export function rankConfigOnly(index: RuleIndex, facts: FactMatcher): ConfigOnlyMatch[] {
  return matchConfigPages(index, facts).filter((match) => !match.isHint);
}

/**
 * The config shape several pages share, when the config shows every config fact of two or more
 * pages and none of them stands out (DISTINCT_RATIO); null when one page does, or none is shown in
 * full. `found` is `matchConfigPages`' list: a hint page the config shows in full joins the shape
 * when the shape's own keys hold all its facts (`auth_type: oauth2` within an authorization_code
 * shape), after the pages that decided the shape.
 */
export function findConfigShape(found: readonly ConfigOnlyMatch[], configs: readonly ConfigDocument[]): ConfigShape | null {
  const full = found.filter((match) => match.share >= 1 && !match.isHint);
  const [first, second] = full;
  if (!first || !second || first.rank >= DISTINCT_RATIO * second.rank) return null;
  const keys = shapeKeysOf(full, configs);
  const named = new Set(keys.map(([key]) => key));
  const hints = found.filter((match) => match.share >= 1 && match.isHint && keysOf(match).every((key) => named.has(key)));
  const all = [...full, ...hints];
  return { shape: joinWords(keys.slice(0, SHAPE_WORDS).map(([, words]) => words)), pages: all.slice(0, MAX_SHAPE_PAGES), size: all.length };
}

function keysOf(match: ConfigOnlyMatch): string[] {
  return match.clues.flatMap(({ clue, hit }) => positiveTestsOf(heldFactOf(clue.fact, hit)).map(([key]) => key));
}

// The shape's keys in words: the config keys its pages rely on, those most pages hold first, each
// with the user's own value when the page names the value (`auth_type: oauth_delegate`); a value
// the page does not name (a URL, an id) is never quoted, only that the key is set.
function shapeKeysOf(pages: readonly ConfigOnlyMatch[], configs: readonly ConfigDocument[]): Array<[string, string]> {
  const pagesOfKey = new Map<string, { count: number; words: string }>();
  for (const { clues } of pages) {
    const words = new Map<string, KeyWords>();
    for (const { clue, hit } of clues) {
      // Of a group of alternatives, the member that held is the one the user's keys show.
      const fact = heldFactOf(clue.fact, hit);
      for (const [key, test] of positiveTestsOf(fact)) {
        // A fact that names the value wins over one that only says the key is set.
        if (words.get(key)?.isNamed !== true) words.set(key, wordsOfKey(key, test, valueAt(configs, hit, fact, key)));
      }
    }
    for (const [key, said] of words) pagesOfKey.set(key, { count: (pagesOfKey.get(key)?.count ?? 0) + 1, words: said.text });
  }
  const ranked = [...pagesOfKey.entries()].sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1));
  // A key only one page of many relies on is that page's, not the shape's.
  return ranked.filter(([, { count }], at) => at === 0 || 2 * count >= pages.length).map(([key, { words }]) => [key, words]);
}

// The keys a config fact says are there, with their tests: a server-config fact's fields, or a config fact's path.
function positiveTestsOf(fact: RuleFact): Array<[string, RuleValueTest]> {
  if (fact.kind === 'config') return isNegativeTest(fact.test) ? [] : [[fact.path, fact.test]];
  if (fact.kind !== 'server-config') return [];
  return Object.entries(fact.fields).filter(([, test]) => !isNegativeTest(test));
}

// One key of a shape in words, and whether they quote the user's value.
interface KeyWords {
  text: string;
  isNamed: boolean;
}

function wordsOfKey(key: string, test: RuleValueTest, value: unknown): KeyWords {
  const isNamed = namesValue(test) && (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number');
  return { text: isNamed ? `\`${key}: ${String(value)}\`` : `\`${key}\` set`, isNamed };
}

// A test names the value when it is one of a few words the page lists (`equals`, or a pattern
// `^(true_passthrough|oauth_delegate)$`): then quoting the user's value shows nothing private.
function namesValue(test: RuleValueTest): boolean {
  return test.equals !== undefined || (test.matches !== undefined && /^\^\(?[\w-]+(?:\|[\w-]+)*\)?\$$/.test(test.matches));
}

// The value the user's config has where the fact held: in the server entry it held on, or at the config path.
function valueAt(configs: readonly ConfigDocument[], hit: FactHit, fact: RuleFact, key: string): unknown {
  for (const config of configs) {
    if (fact.kind === 'config') {
      const found = valuesAtPath(config.value, key).find((value) => value !== undefined);
      if (found !== undefined) return found;
    } else {
      const server = config.servers.find((entry) => entry.name === hit.server);
      if (server) return valuesAtPath(server.fields, key)[0];
    }
  }
  return undefined;
}

const factUse = new WeakMap<RuleIndex, { pagesOfFact: Map<string, number>; pagesWithConfig: number }>();

// How many pages hold each distinct config fact, and how many pages have config evidence at all; a
// page's group of alternatives counts as its use of each member.
function factUseOf(index: RuleIndex): { pagesOfFact: Map<string, number>; pagesWithConfig: number } {
  const cached = factUse.get(index);
  if (cached) return cached;
  const pagesOfFact = new Map<string, number>();
  let pagesWithConfig = 0;
  for (const page of index.pages) {
    const keys = new Set(configEvidenceOf(page).flatMap((clue) => (membersOfFact(clue.fact) ?? [clue.fact]).map(keyOf)));
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

/**
 * A page's config evidence: its config clues, then the config facts of its signatures as clues of
 * their own (each distinct fact once, weighing SIGNATURE_FACT_WEIGHT), worded after the signature
 * they come from. The sections every config has are left out: they tell no page apart.
 */
export function configEvidenceOf(page: RulePage): RuleClue[] {
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

/**
 * Whether a fact is about the config (a key of the file, or of one server's entry); a group of
 * alternatives is when its members are (its schema keeps them all on one side).
 */
export function isConfigFact(fact: RuleFact): boolean {
  const members = membersOfFact(fact);
  if (members) return members.length > 0 && members.every(isConfigFact);
  return fact.kind === 'config' || fact.kind === 'server-config';
}

/**
 * Whether a config fact says something is there, not only that something is absent or unset; a
 * group does when each of its alternatives does, so whichever holds says what is there.
 */
export function isPositive(fact: RuleFact): boolean {
  const members = membersOfFact(fact);
  if (members) return members.length > 0 && members.every(isPositive);
  if (fact.kind === 'config') return !isNegativeTest(fact.test);
  if (fact.kind === 'server-config') return Object.values(fact.fields).some((test) => !isNegativeTest(test));
  return false;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
