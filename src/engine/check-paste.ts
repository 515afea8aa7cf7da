/**
 * The checker: a paste (and optionally a config) in, ranked pages with their evidence, the config
 * change and what to paste next out. Pure, deterministic, and it never throws on user input.
 */
import type { Evidence } from './evidence.ts';
import { explainMatch, highlightsOf, type Highlight, type Match } from './explain-match.ts';
import { findCandidatePages } from './find-candidates.ts';
import { createFactMatcher } from './match-fact.ts';
import { matchPage, type PageResult } from './match-page.ts';
import { parseInput, type CheckInput } from './parse-input.ts';
import { prepareIndex } from './prepare-rules.ts';
import { rankMatches, type RankedPage } from './rank-matches.ts';
import type { RuleIndex, RulePage } from './rule-index.ts';
import { suggestFixes, type Suggestion } from './suggest-fix.ts';
import { suggestNextSteps } from './suggest-next-steps.ts';
import { viewEvidence } from './view-evidence.ts';

export type { CheckInput };

/** What the checker answers. */
export interface CheckResult {
  /** 'confident' when the top match is 'high'; 'unsure' when something matched; else 'nothing'. */
  verdict: 'confident' | 'unsure' | 'nothing';
  /** Ranked best first, at most five; ties broken by id. */
  matches: Match[];
  /** The top match's fixes (only when confident), applied to the user's config when given. */
  suggestions: Suggestion[];
  /** When not confident: what to paste next. */
  nextSteps: string[];
  /** Parser notes worth showing. */
  notes: string[];
  /** Spans of the input that counted. */
  highlights: Highlight[];
}

/** How many matches a result lists. */
export const MAX_MATCHES = 5;

/** Checks a paste against the compiled rules. */
export function checkPaste(index: RuleIndex, input: CheckInput): CheckResult {
  const paste = typeof input?.paste === 'string' ? input.paste : '';
  const config = typeof input?.config === 'string' ? input.config : undefined;
  let evidence: Evidence;
  try {
    evidence = parseInput(config === undefined ? { paste } : { paste, config });
  } catch (error) {
    return emptyResult([`The paste could not be read (${messageOf(error)}); nothing was matched.`]);
  }
  try {
    return matchEvidence(index, evidence, config);
  } catch (error) {
    return emptyResult([...evidence.notes, `The checker failed on this paste (${messageOf(error)}); please report it with the paste.`]);
  }
}

/** Matches already-parsed evidence: the part of `checkPaste` after parsing (the bench times it alone). */
export function matchEvidence(index: RuleIndex, evidence: Evidence, config?: string): CheckResult {
  const prepared = prepareIndex(index);
  const view = viewEvidence(evidence, prepared);
  const facts = createFactMatcher(prepared, view);
  const results: PageResult[] = [];
  for (const at of findCandidatePages(prepared, view, facts)) {
    const result = matchPage(prepared.index.pages[at] as RulePage, facts, prepared.pageFactIds[at]);
    if (result) results.push(result);
  }
  const ranked = rankMatches(results);
  const top = ranked[0];
  const verdict = !top ? 'nothing' : top.confidence === 'high' ? 'confident' : 'unsure';
  const shown = ranked.slice(0, MAX_MATCHES);
  const titleOf = (id: string): string | undefined => prepared.index.pages.find((page) => page.id === id)?.title;
  return {
    verdict,
    matches: shown.map((page) => explainMatch(page, view, titleOf)),
    suggestions: top && verdict === 'confident' ? suggestFixes(top.result.page, { evidence, config, matchedServer: matchedServerOf(top) }) : [],
    nextSteps: verdict === 'confident' ? [] : suggestNextSteps(shown, evidence),
    notes: [...evidence.notes],
    highlights: highlightsOf(verdict === 'confident' ? shown.slice(0, 1) : shown.slice(0, 3), view),
  };
}

function matchedServerOf(ranked: RankedPage): string | undefined {
  for (const held of ranked.best.held) if (held.hit.server) return held.hit.server;
  for (const clue of ranked.support) if (clue.hit.server) return clue.hit.server;
  return undefined;
}

function emptyResult(notes: string[]): CheckResult {
  return { verdict: 'nothing', matches: [], suggestions: [], nextSteps: [], notes, highlights: [] };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
