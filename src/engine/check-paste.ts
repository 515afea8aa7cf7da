/**
 * The checker: a paste (and optionally a config) in, ranked pages with their evidence, the config
 * change and what to paste next out. Pure, deterministic, and it never throws on user input.
 */
import { listCheckNext, type CheckStep } from './check-next.ts';
import type { Evidence } from './evidence.ts';
import { explainConfigOnly, explainLexical, explainMatch, highlightsOf, tellApartOf, type Highlight, type Match } from './explain-match.ts';
import { findCandidatePages } from './find-candidates.ts';
import { lintConfigs, versionScopeOf, type LintFinding } from './lint-config.ts';
import { parseGivenVersion, readLitellmVersion, type LitellmVersion } from './read-version.ts';
import { detectProduct, findLitellmEvidence, isSdkServerSignature } from './detect-product.ts';
import { createFactMatcher, type FactMatcher } from './match-fact.ts';
import { matchPage, type PageResult } from './match-page.ts';
import { parseInput, type CheckInput } from './parse-input.ts';
import { prepareIndex } from './prepare-rules.ts';
import { MAX_LEXICAL, rankLexical, type LexicalMatch } from './rank-lexical.ts';
import { findConfigShape, matchConfigPages, type ConfigOnlyMatch, type ConfigShape } from './rank-config-only.ts';
import { rankMatches, type RankedPage } from './rank-matches.ts';
import type { RuleIndex, RulePage } from './rule-index.ts';
import { suggestFixes, type Suggestion } from './suggest-fix.ts';
import { suggestNextSteps } from './suggest-next-steps.ts';
import { viewEvidence, type EvidenceView } from './view-evidence.ts';

export type { CheckInput };

/** What the checker answers. */
export interface CheckResult {
  /** 'confident' when the top match is 'high'; 'unsure' when something matched; else 'nothing'. */
  verdict: 'confident' | 'unsure' | 'nothing';
  /**
   * Ranked best first, at most five; ties broken by id. When a config alone fits a shape several
   * pages share (`configShape`), every page of the shape follows the first three (twelve at most).
   */
  matches: Match[];
  /** When the config alone fits several pages and none stands out: the shape in words and its pages, all listed in `matches`. */
  configShape: SharedConfigShape | null;
  /** The top match's fixes (only when confident), applied to the user's config when given. */
  suggestions: Suggestion[];
  /** The top match's investigation steps (only when confident): what to look at, apart from the changes. */
  checkNext: CheckStep[];
  /** When not confident: what to paste next. */
  nextSteps: string[];
  /** What is wrong in the MCP part of the configs given (unknown keys, wrong types, keys needed together). */
  lint: LintFinding[];
  /** The LiteLLM version the answer took into account, and where it was read; null when unknown. */
  version: LitellmVersion | null;
  /** Parser notes worth showing. */
  notes: string[];
  /** Spans of the input that counted. */
  highlights: Highlight[];
}

/** A config shape several pages share, as the answer names it. */
export interface SharedConfigShape {
  /** What the pages share, in words. */
  shape: string;
  /** How many pages the config shows in full (more than `pages` lists when there are over twelve). */
  size: number;
  /** The ids of the shape's pages listed in `matches`. */
  pages: string[];
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
    const given = typeof input?.litellmVersion === 'string' ? input.litellmVersion : undefined;
    const version = given !== undefined ? parseGivenVersion(given) : readLitellmVersion(paste);
    if (given !== undefined && !version) evidence.notes.push(`“${given}” is not a LiteLLM version (such as 1.83.3); it was ignored.`);
    return matchEvidence(index, evidence, config, version);
  } catch (error) {
    return emptyResult([...evidence.notes, `The checker failed on this paste (${messageOf(error)}); please report it with the paste.`]);
  }
}

/** Matches already-parsed evidence: the part of `checkPaste` after parsing (the bench times it alone). */
export function matchEvidence(index: RuleIndex, evidence: Evidence, config?: string, version: LitellmVersion | null = null): CheckResult {
  const prepared = prepareIndex(index);
  const view = viewEvidence(evidence, prepared);
  const facts = createFactMatcher(prepared, view);
  const results: PageResult[] = [];
  for (const at of findCandidatePages(prepared, view, facts)) {
    const result = matchPage(prepared.index.pages[at] as RulePage, facts, prepared.pageFactIds[at]);
    if (result) results.push(result);
  }
  const ranked = rankMatches(results, version?.litellm);
  const notes = [...evidence.notes];
  const seen = detectProduct(evidence);
  if (seen.product === 'other') {
    // Every page is about LiteLLM: another product's failure gets said so instead of a borrowed
    // page; the nearest page is named in the note for a reader whose LiteLLM sits in front of it.
    const alike = ranked[0]?.result.page;
    notes.push(
      `This looks like ${seen.name ?? 'another product'} answering (“${seen.from ?? ''}”), not LiteLLM: ` +
        "these pages are about LiteLLM's gateway, so start from that product's own documentation." +
        (alike ? ` The same symptom through LiteLLM's gateway is “${alike.title}” (${alike.url}).` : ''),
    );
    ranked.length = 0;
  } else if (ranked[0]?.confidence === 'high' && findLitellmEvidence(evidence, seen, ranked[0].best.signature) === null) {
    // A client's message alone (an SSE error, a timeout, a 401) is what any MCP server's failure
    // looks like from the client: the page is likely, not certain, until LiteLLM shows in the paste.
    ranked[0].confidence = 'medium';
    notes.push(
      isSdkServerSignature(ranked[0].best.signature)
        ? "Only an answer of the MCP SDK's own server transport matched, and nothing in the paste shows LiteLLM answering (its log lines, " +
            'an x-litellm-* header, its config): every MCP server built on that SDK answers the same, so the page below is likely, not certain.'
        : 'Only what the client printed matched, and nothing in the paste shows LiteLLM answering (its log lines, an x-litellm-* header, ' +
            'its config): the same message comes from any MCP server, so the page below is likely, not certain.',
    );
  }
  if (ranked[0]?.isFull && ranked[0].best.signature.describes === true) {
    // A reporter's words matched, not output: the page is likely, and what it printed would settle it.
    notes.push(
      'The paste matched how people describe this failure, not a message LiteLLM or a client printed: ' +
        'the top page is likely, not certain, until the line that was printed is pasted.',
    );
  }
  const top = ranked[0];
  // No signature held: the pages the config shows, then those sharing the paste's distinctive
  // words, as possible pages only (three at most, never high).
  const titleOf = (id: string): string | undefined => prepared.index.pages.find((page) => page.id === id)?.title;
  const possible = top || seen.product === 'other' ? NO_POSSIBLE : possiblePages(index, evidence, facts, view, titleOf);
  const verdict = top ? (top.confidence === 'high' ? 'confident' : 'unsure') : possible.matches.length > 0 ? 'unsure' : 'nothing';
  const shown = ranked.slice(0, MAX_MATCHES);
  const explained = shown.map((page) => explainMatch(page, view, titleOf));
  const { matches, shape } = !top ? possible : top.isFull || evidence.configs.length === 0 ? { matches: explained, shape: null } : withConfigPages(explained, index, evidence, facts, view, titleOf);
  const configShape = shape ? { shape: shape.shape, size: shape.size, pages: shape.pages.map((found) => found.page.id) } : null;
  return {
    verdict,
    matches,
    suggestions: top && verdict === 'confident' ? suggestFixes(top.result.page, { evidence, config, matchedServer: matchedServerOf(top), version: version?.litellm }) : [],
    checkNext: top && verdict === 'confident' ? listCheckNext(top.result.page) : [],
    configShape,
    nextSteps: verdict === 'confident' ? [] : configShape ? [shapeStep(configShape), ...suggestNextSteps(shown, evidence)].slice(0, 4) : suggestNextSteps(shown, evidence),
    lint: lintConfigs(evidence.configs, index.configModel, version ? versionScopeOf(version.litellm) : undefined),
    version,
    notes,
    highlights: highlightsOf(verdict === 'confident' ? shown.slice(0, 1) : shown.slice(0, 3), view),
  };
}

const NO_POSSIBLE: { matches: Match[]; shape: null } = { matches: [], shape: null };

// The one thing that tells the pages of a shape apart: what went wrong, which the config cannot show.
function shapeStep(shape: SharedConfigShape): string {
  return `Paste the error or log line you see with this config: ${shape.size} pages share its shape, and each one's message (listed with it) tells it apart.`;
}

// Config clues and shared words are weighed together (a config clue weight of 1 counts like one
// rare word), so neither kind of weak evidence crowds out the other. When the config fits a shape
// several pages share, all of them follow the first three: none may be named with more confidence.
function possiblePages(
  index: RuleIndex,
  evidence: Evidence,
  facts: FactMatcher,
  view: EvidenceView,
  titleOf: (id: string) => string | undefined,
): { matches: Match[]; shape: ConfigShape | null } {
  const configPages = evidence.configs.length > 0 ? matchConfigPages(index, facts) : [];
  const fromConfig = configPages.filter((found) => !found.isHint);
  const byWords = rankLexical(index, evidence.lines, index.pages.length);
  const weightOf = new Map<string, number>();
  for (const found of byWords) weightOf.set(found.page.id, found.score);
  for (const found of fromConfig) weightOf.set(found.page.id, (weightOf.get(found.page.id) ?? 0) + CONFIG_CLUE_WORTH * found.rank);
  const ranked = [...weightOf.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, MAX_LEXICAL);
  const matches = ranked.map(([id]) => {
    const config = fromConfig.find((found) => found.page.id === id);
    if (config) return explainConfigOnly(config, view, titleOf);
    return explainLexical(byWords.find((found) => found.page.id === id) as LexicalMatch, view, titleOf);
  });
  return withShape(matches, findConfigShape(configPages, evidence.configs), view, titleOf);
}

const CONFIG_CLUE_WORTH = 5;

// Only parts of signatures held (a config key named in a signature's pattern, say): the pages the
// config itself shows are as good evidence, so both are listed by score, each page once, and the
// pages of a shared config shape after them.
function withConfigPages(
  explained: Match[],
  index: RuleIndex,
  evidence: Evidence,
  facts: FactMatcher,
  view: EvidenceView,
  titleOf: (id: string) => string | undefined,
): { matches: Match[]; shape: ConfigShape | null } {
  const configPages = matchConfigPages(index, facts);
  const fromConfig = configPages.filter((found) => !found.isHint).slice(0, MAX_LEXICAL).map((match) => explainConfigOnly(match, view, titleOf));
  const best = new Map<string, Match>();
  for (const match of [...explained, ...fromConfig]) if ((best.get(match.id)?.score ?? -Infinity) < match.score) best.set(match.id, match);
  const matches = [...best.values()].sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1)).slice(0, MAX_MATCHES);
  return withShape(matches, findConfigShape(configPages, evidence.configs), view, titleOf);
}

// The pages of a shared shape that the list does not hold yet follow it, best first.
function withShape(matches: Match[], shape: ConfigShape | null, view: EvidenceView, titleOf: (id: string) => string | undefined): { matches: Match[]; shape: ConfigShape | null } {
  if (!shape) return { matches, shape };
  const inShape = new Set(shape.pages.map((found) => found.page.id));
  // A page of the shape already listed by part of a signature still says what tells it apart.
  const shown = matches.map((match) => (inShape.has(match.id) && match.tellApart === undefined ? { ...match, ...tellApartOf(pageOf(shape, match.id)) } : match));
  const listed = new Set(shown.map((match) => match.id));
  for (const found of shape.pages) if (!listed.has(found.page.id)) shown.push(explainConfigOnly(found, view, titleOf));
  return { matches: shown, shape };
}

function pageOf(shape: ConfigShape, id: string): RulePage {
  return (shape.pages.find((found) => found.page.id === id) as ConfigOnlyMatch).page;
}

function matchedServerOf(ranked: RankedPage): string | undefined {
  for (const held of ranked.best.held) if (held.hit.server) return held.hit.server;
  for (const clue of ranked.support) if (clue.hit.server) return clue.hit.server;
  return undefined;
}

function emptyResult(notes: string[]): CheckResult {
  return { verdict: 'nothing', matches: [], configShape: null, suggestions: [], checkNext: [], nextSteps: [], lint: [], version: null, notes, highlights: [] };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
