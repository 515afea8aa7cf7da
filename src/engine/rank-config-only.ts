/**
 * A config alone can point at a page: when no signature holds but the config given shows the
 * combination a page's config clues describe (two or more of them, worth 1 or more together, one
 * saying what is there rather than what is missing, none against), the page is offered as
 * possible, 'low', with those clues as its evidence. This is how a config-only paste
 * (`use_x_forwarded_for: true` without `mcp_trusted_proxy_ranges`) finds its page.
 */
import type { ClueResult } from './match-page.ts';
import type { FactMatcher } from './match-fact.ts';
import type { RuleFact, RuleIndex, RulePage } from './rule-index.ts';
import { isNegativeTest } from './value-test.ts';

/** A page whose config clues the given config shows. */
export interface ConfigOnlyMatch {
  /** The page. */
  page: RulePage;
  /** The config clues that held, strongest first. */
  clues: ClueResult[];
  /** Σ clue weights. */
  weight: number;
}

const MIN_CLUES = 2;
const MIN_WEIGHT = 1;

/** The pages whose config clues the config shows, best first. */
export function rankConfigOnly(index: RuleIndex, facts: FactMatcher): ConfigOnlyMatch[] {
  // Every page that qualifies, best first: the caller weighs them against word matches.
  const found: ConfigOnlyMatch[] = [];
  for (const page of index.pages) {
    const configClues = page.clues.filter((clue) => clue.fact.kind === 'config' || clue.fact.kind === 'server-config');
    if (configClues.length < MIN_CLUES) continue;
    const held: ClueResult[] = [];
    let isContradicted = false;
    for (const clue of configClues) {
      const hit = facts.match(clue.fact);
      if (!hit) continue;
      if (clue.weight < 0) isContradicted = true;
      else held.push({ clue, hit });
    }
    const weight = held.reduce((sum, { clue }) => sum + clue.weight, 0);
    // A clue that something is absent holds for every excerpt that leaves it out: one clue must say what is there.
    if (!held.some(({ clue }) => isPositive(clue.fact))) continue;
    if (isContradicted || held.length < MIN_CLUES || weight < MIN_WEIGHT) continue;
    held.sort((a, b) => b.clue.weight - a.clue.weight);
    found.push({ page, clues: held, weight: Math.round(weight * 100) / 100 });
  }
  found.sort((a, b) => b.weight - a.weight || (a.page.id < b.page.id ? -1 : 1));
  return found;
}

function isPositive(fact: RuleFact): boolean {
  if (fact.kind === 'config') return !isNegativeTest(fact.test);
  if (fact.kind === 'server-config') return Object.values(fact.fields).some((test) => !isNegativeTest(test));
  return false;
}
