/**
 * Scores and ranks the pages a paste matched, and decides how sure the checker is.
 *
 * Scoring
 * -------
 * 1. Every fact has specificity points: what seeing it tells apart from other failures.
 *      text / pattern ............ 3 (text literals of 24+ characters: 4)
 *      exception ................. 3 (+1 with a message test)
 *      json, positive test ....... 3   json, negative test ..... 1
 *      header with a value ....... 3   header present .......... 2   header absent ....... 1
 *      request-header with value . 2   request-header present .. 1.5 request-header absent 1
 *      status .................... 1.5
 *      server-config ............. 1.5 per field test (at most 6)
 *      config .................... 2   (negative test: 1)
 * 2. A signature holds when all its facts hold (a FULL match). Its score is
 *      (4 + Σ points of its facts) × (0.75 + 0.25 × weight)
 *    so a signature with more facts beats a bare literal (specific beats generic), and the
 *    signature weight (0.1–3, "how strongly it points at its page") tilts the score without
 *    letting one author's weight drown another page's evidence.
 * 3. A PARTIAL signature (some facts hold) counts only when a held fact names the failure by
 *    itself (a literal or pattern of 8+ characters, an exception, a positive json test or a header
 *    value: a status, a config entry or a bare `\b401\b` says nothing), at 35 % of the held facts'
 *    points × the same weight factor.
 * 4. A page's signature score is its best signature's: a full match beats a partial one, and among
 *    full matches output (a literal some software printed) beats a description (`describes`, a
 *    reporter's words), so the page is scored and anchored on what the paste shows when it shows
 *    both; then the most points. Clues then add 2 × clue weight each
 *    (negative clues subtract and are reported as contradictions). Retired pages lose 1.
 * 5. Tiers keep the promise "a partial match never outranks a full match of another page":
 *      full match:    score = max(60, 100 + signature score + clues)
 *      partial only:  score = min(55, signature score + clues), dropped when ≤ 0
 *    so every full match scores ≥ 60 and every partial ≤ 55.
 * 6. Order: score (rounded to 0.01) descending, then page id ascending: deterministic.
 *
 * Confidence
 * ----------
 * Confidence is defined by the evidence that counted. The top match is 'high' when it is a full
 * match of an exact signature (situational facts, or one fact that names the failure by itself:
 * see `isExact`; a lone loose pattern hit in prose is not, and neither is a signature that
 * describes the symptom in a person's words), no clue contradicts it, the user's
 * version does not already have its fix, and it clearly beats
 * the runner-up: by at least CLEAR_MARGIN points, or the runner-up is only partial, or (still
 * scoring higher) a clue contradicts the runner-up, or every line that counted for the runner-up
 * also counted for the top page (the same evidence, read more specifically). Otherwise a full
 * match is 'medium' and a partial one 'low'. Matches below the top are never 'high'. The verdict
 * is 'confident' exactly when the top match is 'high'. Two pages sharing a literal therefore end
 * up 'medium' until a clue, a config fact or a status separates them by CLEAR_MARGIN.
 */
import type { ClueResult, PageResult, SignatureResult } from './match-page.ts';
import type { FactHit } from './match-fact.ts';
import { isDistinctive, pointsOfFact } from './fact-kinds/registry.ts';
import { minLengthOfPattern } from './prepare-rules.ts';
import { isAtLeast, isInRange } from './read-version.ts';
import type { RuleFact, RulePage } from './rule-index.ts';

/** How many points the top match must lead the runner-up by to be 'high'. */
export const CLEAR_MARGIN = 2;
const FULL_FLOOR = 60;
const PARTIAL_CEILING = 55;
const PARTIAL_SHARE = 0.35;
const SIGNATURE_BASE = 4;
const CLUE_FACTOR = 2;

/** A page with its score, its deciding signature and its confidence. */
export interface RankedPage {
  /** What matched. */
  result: PageResult;
  /** The signature that decided the page's score. */
  best: SignatureResult;
  /** Whether `best` held fully. */
  isFull: boolean;
  /** The points `best` gave. */
  signaturePoints: number;
  /** The clues that held with a positive weight. */
  support: ClueResult[];
  /** The clues that held with a negative weight. */
  contradictions: ClueResult[];
  /** The page score (see the scoring above). */
  score: number;
  /** How sure the checker is of this page. */
  confidence: 'high' | 'medium' | 'low';
  /** What the user's LiteLLM version says about the page, when the version is known. */
  versionFit?: VersionFit;
}

/** What a known LiteLLM version says about a page. */
export interface VersionFit {
  /** The version the user runs. */
  version: string;
  /** It lies in one of the page's `affects` ranges. */
  isAffected: boolean;
  /** It is at least the release that fixed the page's bug (then the page is never 'high'). */
  isFixed: boolean;
}

/** Points an affected version adds, and a fixed one takes away (a clue of weight 1 and 3). */
const AFFECTED_POINTS = 2;
const FIXED_PENALTY = 6;

export { isDistinctive, pointsOfFact };

function weightFactor(weight: number): number {
  return 0.75 + 0.25 * weight;
}

/** The points one signature result gives, and whether it is a full match; null when it does not count. */
export function scoreSignature(result: SignatureResult): { points: number; isFull: boolean } | null {
  const factor = weightFactor(result.signature.weight);
  const heldPoints = result.held.reduce((sum, h) => sum + pointsOfFact(h.fact, h.hit), 0);
  if (result.missing.length === 0) return { points: (SIGNATURE_BASE + heldPoints) * factor, isFull: true };
  // A part of a signature counts only when what held names the failure: a bare `401` that matched
  // one fact of a spec_path signature says nothing of spec_path servers.
  if (!result.held.some((h) => namesFailure(h.fact, h.hit))) return null;
  return { points: PARTIAL_SHARE * heldPoints * factor, isFull: false };
}

// Which of a page's matched signatures decides it, before points: a full match of output, then a
// full match of a description, then a partial match.
function standingOf(score: { isFull: boolean }, result: SignatureResult): number {
  if (!score.isFull) return 0;
  return result.signature.describes === true ? 1 : 2;
}

/** Scores every page result and ranks them best first; pages whose evidence does not count are dropped. */
export function rankMatches(results: readonly PageResult[], version?: string): RankedPage[] {
  const ranked: RankedPage[] = [];
  for (const result of results) {
    let best: SignatureResult | null = null;
    let bestScore: { points: number; isFull: boolean } | null = null;
    for (const signature of result.signatures) {
      const score = scoreSignature(signature);
      if (!score) continue;
      const isBetter = !bestScore || !best || standingOf(score, signature) > standingOf(bestScore, best) || (standingOf(score, signature) === standingOf(bestScore, best) && score.points > bestScore.points);
      if (isBetter) {
        best = signature;
        bestScore = score;
      }
    }
    if (!best || !bestScore) continue;
    const support = result.clues.filter((c) => c.clue.weight > 0);
    const contradictions = result.clues.filter((c) => c.clue.weight < 0);
    const cluePoints = result.clues.reduce((sum, c) => sum + CLUE_FACTOR * c.clue.weight, 0);
    const versionFit = version === undefined ? undefined : fitOf(result.page, version);
    const versionPoints = !versionFit ? 0 : versionFit.isFixed ? -FIXED_PENALTY : versionFit.isAffected ? AFFECTED_POINTS : 0;
    const raw = bestScore.points + cluePoints + versionPoints - (result.page.retired ? 1 : 0);
    let score: number;
    if (bestScore.isFull) score = Math.max(FULL_FLOOR, 100 + raw);
    else if (raw <= 0) continue;
    else score = Math.min(PARTIAL_CEILING, raw);
    ranked.push({
      result,
      best,
      isFull: bestScore.isFull,
      signaturePoints: bestScore.points,
      support,
      contradictions,
      score: Math.round(score * 100) / 100,
      confidence: bestScore.isFull ? 'medium' : 'low',
      ...(versionFit ? { versionFit } : {}),
    });
  }
  ranked.sort((a, b) => b.score - a.score || (a.result.page.id < b.result.page.id ? -1 : a.result.page.id > b.result.page.id ? 1 : 0));
  const top = ranked[0];
  const runnerUp = ranked[1];
  if (top && top.isFull && isExact(top.best) && top.contradictions.length === 0 && !top.versionFit?.isFixed && (!runnerUp || isClearlyAhead(top, runnerUp))) top.confidence = 'high';
  return ranked;
}

/**
 * Whether the top page clearly beats the runner-up: the runner-up is only partial, or trails by
 * CLEAR_MARGIN, or trails while a clue contradicts it, or trails while all its evidence is also
 * the top page's evidence (the same lines, read more specifically: specific beats generic).
 */
function isClearlyAhead(top: RankedPage, runnerUp: RankedPage): boolean {
  if (!runnerUp.isFull || top.score - runnerUp.score >= CLEAR_MARGIN) return true;
  if (top.score <= runnerUp.score) return false;
  if (runnerUp.contradictions.length > 0) return true;
  const linesOf = (page: RankedPage): string[] =>
    [...page.best.held.map((h) => h.hit), ...page.support.map((c) => c.hit)].map((hit) => `${hit.input}:${hit.line}`);
  const topLines = new Set(linesOf(top));
  return linesOf(runnerUp).every((line) => topLines.has(line));
}

function fitOf(page: RulePage, version: string): VersionFit {
  return {
    version,
    isAffected: (page.affects ?? []).some((affected) => isInRange(version, affected.versions)),
    isFixed: page.fixedIn !== undefined && isAtLeast(version, page.fixedIn.version),
  };
}

/**
 * Whether a full signature match is exact enough for 'high': a signature with situational facts
 * (two or more), or one fact that names the failure by itself (a literal of 8+ characters, an
 * exception, a JSON value, a header value, a pattern no match of which is shorter than 8). A
 * lone loose pattern (`\b40[13]\b|unauthori[sz]ed`) matching prose is not, and neither is a
 * signature that describes the symptom (`describes`): a person's words about a failure are no
 * literal any software printed, however long. Nothing lifts such a match to 'high', not even a
 * config fact or a status that also holds: those are clues to a cause that many working setups
 * share, and a paste that carries the failure's own output matches the page's literal signature,
 * which then decides (see `standingOf`).
 */
export function isExact(signature: SignatureResult): boolean {
  if (signature.signature.describes === true) return false;
  if (signature.held.length >= 2) return true;
  const held = signature.held[0];
  return held !== undefined && namesFailure(held.fact, held.hit);
}

/**
 * Whether one fact names a failure by itself: a literal of 8+ characters, a pattern no match of
 * which is shorter than 8, an exception, a JSON value, a header value. A bare status run
 * (`\b401\b`) or a short word is seen in too many unrelated pastes to stand for a page alone.
 */
function namesFailure(fact: RuleFact, hit: FactHit): boolean {
  switch (fact.kind) {
    case 'text':
      return fact.text.length >= EXACT_LENGTH;
    case 'pattern':
      return minLengthOfPattern(fact.prefilter) >= EXACT_LENGTH;
    default:
      return isDistinctive(fact, hit);
  }
}

const EXACT_LENGTH = 8;
